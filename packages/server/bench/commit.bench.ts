// Commit throughput of PgStore on PGlite (file) and on PostgreSQL, against raw `pg` inserts of
// the same rows in the same run. Usage: pnpm bench [commits per run, default 1000]
// ZZ_GROUP=off turns group commit off; ZZ_GROUP=<n> allows n commit calls in flight.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEntry, CaseRecord, Commit, Notification, Timer } from '@zhizhi/core';
import pg from 'pg';
import { PgStore, pgDriver, pgliteDriver } from '../src/index.js';

const COMMITS = Number(process.argv[2] ?? 1000);
const CONCURRENCY = 8;
const GROUP = process.env.ZZ_GROUP;
const storeOptions =
  GROUP === undefined || GROUP === ''
    ? {}
    : { groupCommit: GROUP === 'off' ? (false as const) : { inFlight: Number(GROUP) } };
const PG_URL = process.env.ZHIZHI_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A realistic commit: a case's next version, one entry, one SLA timer, one notification. */
function commitOf(i: number, version: number): Commit {
  const id = `bench-${i}`;
  const at = 1_790_000_000_000 + i;
  const entry = {
    v: 2,
    seq: version,
    at,
    actorId: 'qj-sj-duty',
    role: 'duty',
    event: version === 1 ? 'REPORT' : 'ACCEPT',
    from: version === 1 ? null : 'intake',
    to: version === 1 ? 'intake' : 'assigned',
    note: null,
    data: { title: '檬梓桥河雨污混流', gridId: 'qj-sj-c1-g1' },
    prevHash: 'x'.repeat(64),
    hash: 'y'.repeat(64),
  } as unknown as AuditEntry;
  const record = {
    kind: 'case',
    id,
    townId: 'qj-sj',
    status: entry.to,
    version,
    slaDueAt: at + 7_200_000,
    lastHash: 'y'.repeat(64),
    updatedAt: at,
    context: {
      section: 'sec-1',
      gridId: 'qj-sj-c1-g1',
      title: '檬梓桥河雨污混流',
      severity: 'medium',
    },
  } as unknown as CaseRecord;
  const timers = [
    {
      id: `${id}:sla:${version}`,
      caseId: id,
      townId: 'qj-sj',
      dueAt: at + 7_200_000,
      kind: 'respond',
    },
  ] as unknown as Timer[];
  const notifications = [
    {
      id: `${id}:n${version}`,
      caseId: id,
      townId: 'qj-sj',
      seq: version,
      at,
      title: 't',
      topic: entry.event,
      to: ['qj-sj-duty'],
      deliveredAt: null,
    },
  ] as unknown as Notification[];
  return { record, expectedVersion: version - 1, entries: [entry], timers, notifications };
}

async function run(label: string, store: PgStore, concurrency: number): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < COMMITS; i = next++) {
        await store.commit(commitOf(i, 1));
      }
    }),
  );
  const rate = COMMITS / ((performance.now() - t0) / 1000);
  console.log(`${label.padEnd(44)} ${rate.toFixed(0).padStart(7)} commits/s`);
  return rate;
}

/** The same rows written by plain `pg`: one transaction per commit, plain INSERTs, no checks. */
async function raw(pool: pg.Pool, schema: string, concurrency: number): Promise<number> {
  await pool.query(`CREATE TABLE ${schema}.raw_instances (id TEXT PRIMARY KEY, record JSONB);
    CREATE TABLE ${schema}.raw_audit (instance_id TEXT, seq INT, entry JSONB, PRIMARY KEY (instance_id, seq));
    CREATE TABLE ${schema}.raw_timers (id TEXT PRIMARY KEY, timer JSONB);
    CREATE TABLE ${schema}.raw_outbox (id TEXT PRIMARY KEY, n JSONB);
    CREATE TABLE ${schema}.raw_changes (seq BIGSERIAL PRIMARY KEY, change JSONB);`);
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const c = await pool.connect();
      try {
        for (let i = next++; i < COMMITS; i = next++) {
          const k = commitOf(i, 1);
          await c.query('BEGIN');
          await c.query(`INSERT INTO ${schema}.raw_instances VALUES ($1, $2)`, [
            k.record.id,
            JSON.stringify(k.record),
          ]);
          await c.query(`INSERT INTO ${schema}.raw_audit VALUES ($1, 1, $2)`, [
            k.record.id,
            JSON.stringify(k.entries[0]),
          ]);
          await c.query(`INSERT INTO ${schema}.raw_timers VALUES ($1, $2)`, [
            k.timers[0]?.id,
            JSON.stringify(k.timers[0]),
          ]);
          await c.query(`INSERT INTO ${schema}.raw_outbox VALUES ($1, $2)`, [
            k.notifications[0]?.id,
            JSON.stringify(k.notifications[0]),
          ]);
          await c.query(`INSERT INTO ${schema}.raw_changes (change) VALUES ($1)`, [
            JSON.stringify(k.record),
          ]);
          await c.query('COMMIT');
        }
      } finally {
        c.release();
      }
    }),
  );
  const rate = COMMITS / ((performance.now() - t0) / 1000);
  console.log(
    `${`raw pg inserts (${concurrency} connections)`.padEnd(44)} ${rate.toFixed(0).padStart(7)} commits/s`,
  );
  return rate;
}

console.log(`${COMMITS} commits per run (1 entry, 1 timer, 1 notification each)\n`);
const dir = mkdtempSync(join(tmpdir(), 'zhizhi-bench-'));
try {
  const lite = await PgStore.open(await pgliteDriver(dir), storeOptions);
  await run('PgStore on PGlite (file)', lite, 1);
  await lite.close();
  const mem = await PgStore.open(await pgliteDriver('memory'), storeOptions);
  await run('PgStore on PGlite (memory)', mem, 1);
  await mem.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const admin = new pg.Pool({ connectionString: PG_URL, max: CONCURRENCY });
try {
  await admin.query('SELECT 1');
} catch {
  console.log('\nPostgreSQL unreachable: skipped the PostgreSQL runs');
  process.exit(0);
}
for (const concurrency of [1, CONCURRENCY]) {
  const schema = `zz_bench_${process.pid}_${concurrency}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  const pool = new pg.Pool({
    connectionString: PG_URL,
    max: concurrency,
    options: `-c search_path=${schema}`,
  });
  try {
    const store = await PgStore.open(pgDriver(pool), storeOptions);
    const ours = await run(
      `PgStore on PostgreSQL (${concurrency} connections)`,
      store,
      concurrency,
    );
    const theirs = await raw(pool, schema, concurrency);
    console.log(
      `${'  ratio PgStore / raw pg'.padEnd(44)} ${(ours / theirs).toFixed(2).padStart(7)}`,
    );
  } finally {
    await pool.end();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  }
}
await admin.end();
