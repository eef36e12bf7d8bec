// Durable transitions per second through the HTTP API (a server child process on PostgreSQL,
// test/fixtures/serverProcess.ts), against the floor of the same rows written by plain `pg`
// in the same run, with 1 and 8 concurrent connections; p50/p99 latency of report and event
// requests. Not run in CI. Usage:
//   pnpm --filter @zhizhi/server bench:http [requests per run, default 800]
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { call, DUTY, reportBody, WORKER } from '../test/fixtures/load.js';
import { spawnServer } from '../test/fixtures/spawnServer.js';

const N = Number(process.argv[2] ?? 800);
const PG_URL = process.env.ZHIZHI_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

/** `n` calls of `fn`, `width` at a time: rate per second and each latency (ms). */
async function load(n: number, width: number, fn: (i: number) => Promise<void>) {
  const lat: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let i = next++; i < n; i = next++) {
        const t = performance.now();
        await fn(i);
        lat.push(performance.now() - t);
      }
    }),
  );
  return { rate: n / ((performance.now() - t0) / 1000), lat };
}

interface Row {
  record: Record<string, unknown>;
  entry: Record<string, unknown>;
}

/** The floor: each transition's rows (record upsert, audit entry, change) in one pg transaction. */
async function raw(pool: pg.Pool, rows: Row[], width: number) {
  let next = 0;
  const lat: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: width }, async () => {
      const c = await pool.connect();
      try {
        for (let i = next++; i < rows.length; i = next++) {
          const { record, entry } = rows[i] as Row;
          const id = `${record.id}:${width}`;
          const t = performance.now();
          await c.query('BEGIN');
          const cur = await c.query('SELECT version FROM raw_instances WHERE id = $1 FOR UPDATE', [
            id,
          ]);
          if (cur.rowCount)
            await c.query(
              'UPDATE raw_instances SET record = $2, version = version + 1 WHERE id = $1',
              [id, record],
            );
          else await c.query('INSERT INTO raw_instances VALUES ($1, 1, $2)', [id, record]);
          await c.query('INSERT INTO raw_audit VALUES ($1, $2, $3)', [id, entry.seq, entry]);
          await c.query('INSERT INTO raw_changes (instance_id, change) VALUES ($1, $2)', [
            id,
            entry,
          ]);
          await c.query('COMMIT');
          lat.push(performance.now() - t);
        }
      } finally {
        c.release();
      }
    }),
  );
  return { rate: rows.length / ((performance.now() - t0) / 1000), lat };
}

const schema = `zz_httpbench_${process.pid}`;
const admin = new pg.Pool({ connectionString: PG_URL, max: 8 });
await admin.query(`CREATE SCHEMA ${schema}`);
const server = await spawnServer({ ZZ_STORE: `pg:${schema}`, ZZ_POOL: '8' });
const pool = new pg.Pool({ connectionString: PG_URL, max: 8, options: `-c search_path=${schema}` });
await pool.query(`CREATE TABLE raw_instances (id TEXT PRIMARY KEY, version INT, record JSONB);
  CREATE TABLE raw_audit (instance_id TEXT, seq INT, entry JSONB, PRIMARY KEY (instance_id, seq));
  CREATE TABLE raw_changes (seq BIGSERIAL PRIMARY KEY, instance_id TEXT, change JSONB);`);
const url = server.url;
const table: string[][] = [];
const ms = (x: number) => x.toFixed(1);
try {
  // warm up
  await load(50, 4, async (i) => {
    await call(url, 'POST', '/api/cases', WORKER, reportBody(`warm ${i}`));
  });
  for (const width of [1, 8]) {
    // reports (each a durable commit: record, REPORT entry, SLA timers, notifications, change)
    const ids: string[] = [];
    const rows: Row[] = [];
    let bad = 0;
    const reports = await load(N, width, async (i) => {
      const r = await call(url, 'POST', '/api/cases', WORKER, reportBody(`bench ${i}`), {
        'idempotency-key': randomUUID(),
      });
      if (r.status !== 201) bad++;
      else {
        ids[i] = r.body.record.id;
        rows.push({ record: r.body.record, entry: r.body.entry });
      }
    });
    // transitions: ACCEPT on each case, If-Match
    const events = await load(N, width, async (i) => {
      const r = await call(
        url,
        'POST',
        `/api/cases/${encodeURIComponent(ids[i] as string)}/events`,
        DUTY,
        { type: 'ACCEPT' },
        { 'if-match': '"1"' },
      );
      if (r.status !== 200) bad++;
      else rows.push({ record: r.body.record, entry: r.body.entry });
    });
    // the floor: the same 2N commits' rows, written by pg
    const floor = await raw(pool, rows, width);
    const http = (2 * N) / (N / reports.rate + N / events.rate);
    table.push([
      String(width),
      reports.rate.toFixed(0),
      events.rate.toFixed(0),
      http.toFixed(0),
      floor.rate.toFixed(0),
      (http / floor.rate).toFixed(2),
      `${ms(pct(reports.lat, 50))} / ${ms(pct(reports.lat, 99))}`,
      `${ms(pct(events.lat, 50))} / ${ms(pct(events.lat, 99))}`,
      `${ms(pct(floor.lat, 50))} / ${ms(pct(floor.lat, 99))}`,
      String(bad),
    ]);
  }
} finally {
  await server.stop();
  await pool.end();
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}

const head = [
  'conns',
  'reports/s',
  'events/s',
  'HTTP commits/s',
  'raw pg commits/s',
  'HTTP / raw',
  'report p50/p99 ms',
  'event p50/p99 ms',
  'raw p50/p99 ms',
  'non-2xx',
];
console.log(
  `\n${N} reports + ${N} ACCEPT events per run, server in a child process on PostgreSQL\n`,
);
console.log(`| ${head.join(' | ')} |`);
console.log(`|${head.map(() => '---').join('|')}|`);
for (const r of table) console.log(`| ${r.join(' | ')} |`);
