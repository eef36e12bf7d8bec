// Embedded PGlite (a data directory, the default deployment): transitions per second and memory
// (RSS, V8 heap after GC) with 10,000 open cases, against the floor of the same rows (record,
// audit entry, change) written straight into PGlite in one transaction each, in the same run.
// Not run in CI. Usage:
//   pnpm --filter @zhizhi/server bench:pglite [open cases, default 10000] [transitions, default 1000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Directory } from '@zhizhi/core';
import { LocalClient } from '@zhizhi/core/client';
import { sampleDutyLists, sampleOrg, sampleSlaPolicy } from '@zhizhi/core/sample';
import { PgStore, pgliteDriver } from '../src/index.js';
import { printTable } from './stats.js';

const OPEN = Number(process.argv[2] ?? 10_000);
const TRANSITIONS = Number(process.argv[3] ?? 1000);
const gc = (globalThis as { gc?: () => void }).gc;
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
function memory() {
  gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}

const dir = mkdtempSync(join(tmpdir(), 'zz-pglite-bench-'));
try {
  const base = memory();
  const store = await PgStore.open(await pgliteDriver(join(dir, 'store')));
  const client = new LocalClient({
    directory: new Directory(sampleOrg),
    store,
    slaPolicy: sampleSlaPolicy,
    dutyLists: sampleDutyLists,
  });
  const empty = memory();
  const report = (i: number) => ({
    gridId: 'qj-sj-c1-g1',
    reporterId: 'qj-sj-c1-g1-worker',
    category: 'riverPollution',
    severity: 'medium' as const,
    title: `压测 ${i}`,
  });
  const t0 = performance.now();
  const ids: string[] = [];
  for (let i = 0; i < OPEN; i++) {
    const r = await client.report(report(i));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    ids.push(r.record.id);
  }
  const reportsPerS = OPEN / ((performance.now() - t0) / 1000);
  const open = memory();
  // transitions: ACCEPT on the first TRANSITIONS of the open cases, one at a time
  const rows: { record: unknown; entry: unknown }[] = [];
  const t1 = performance.now();
  for (let i = 0; i < TRANSITIONS; i++) {
    const r = await client.send(ids[i] as string, { type: 'ACCEPT', by: 'qj-sj-duty' });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    rows.push({ record: r.record, entry: r.entry });
  }
  const transitionsPerS = TRANSITIONS / ((performance.now() - t1) / 1000);
  const after = memory();
  await client.close();
  await store.close();

  // the floor: the same rows straight into PGlite, one transaction per transition
  const raw = await PGlite.create(join(dir, 'raw'));
  await raw.exec(`CREATE TABLE raw_instances (id TEXT PRIMARY KEY, version INT, record JSONB);
    CREATE TABLE raw_audit (instance_id TEXT, seq INT, entry JSONB, PRIMARY KEY (instance_id, seq));
    CREATE TABLE raw_changes (seq BIGSERIAL PRIMARY KEY, instance_id TEXT, change JSONB);`);
  const t2 = performance.now();
  for (const [i, row] of rows.entries()) {
    const id = `raw-${i}`;
    const entry = row.entry as { seq: number };
    await raw.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO raw_instances VALUES ($1, 1, $2) ON CONFLICT (id) DO UPDATE SET record = $2, version = raw_instances.version + 1`,
        [id, row.record],
      );
      await tx.query('INSERT INTO raw_audit VALUES ($1, $2, $3)', [id, entry.seq, row.entry]);
      await tx.query('INSERT INTO raw_changes (instance_id, change) VALUES ($1, $2)', [
        id,
        row.entry,
      ]);
    });
  }
  const floorPerS = rows.length / ((performance.now() - t2) / 1000);
  await raw.close();

  printTable(
    ['', 'per second', 'ratio to the floor'],
    [
      [
        `reports (opening ${OPEN} cases)`,
        reportsPerS.toFixed(0),
        (reportsPerS / floorPerS).toFixed(2),
      ],
      [
        `transitions (ACCEPT) with ${OPEN} open`,
        transitionsPerS.toFixed(0),
        (transitionsPerS / floorPerS).toFixed(2),
      ],
      ['floor: the same rows, raw PGlite transactions', floorPerS.toFixed(0), '1.00'],
    ],
  );
  console.log('');
  printTable(
    ['memory', 'RSS', 'V8 heap used (after GC)'],
    [
      ['process start', mib(base.rss), mib(base.heap)],
      ['store open, no cases', mib(empty.rss), mib(empty.heap)],
      [`${OPEN} open cases`, mib(open.rss), mib(open.heap)],
      [`after ${TRANSITIONS} transitions`, mib(after.rss), mib(after.heap)],
    ],
  );
  if (!gc) console.log('(run with node --expose-gc for heap after GC)');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
