// p50/p99 latency of report and event requests under load (autocannon 9, 8 connections) on a
// server child process over PostgreSQL, against the floor of an authenticated request that
// touches no database (`GET /api/org`) in the same run, after a warm-up until the server's CPU per
// request settles (warmUp.ts). Not run in CI. Usage:
//   pnpm --filter @zhizhi/server bench:latency [requests per run, default 2000] [connections, default 8]
import autocannon from 'autocannon';
import pg from 'pg';
import { auth, DUTY, reportBody, WORKER } from '../test/fixtures/load.js';
import { spawnServer } from '../test/fixtures/spawnServer.js';
import { printTable } from './stats.js';
import { warmUntilSettled } from './warmUp.js';

const N = Number(process.argv[2] ?? 2000);
const CONNECTIONS = Number(process.argv[3] ?? 8);
const PG_URL = process.env.ZHIZHI_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const schema = `zz_latency_${process.pid}`;
const admin = new pg.Pool({ connectionString: PG_URL, max: 2 });
await admin.query(`CREATE SCHEMA ${schema}`);
const server = await spawnServer(
  { ZZ_STORE: `pg:${schema}`, ZZ_POOL: '8', ZZ_TICK_MS: '0' },
  180_000,
);
const url = server.url;
const json = { 'content-type': 'application/json' };
const rows: string[][] = [];
try {
  const run = (options: Parameters<typeof autocannon>[0]) =>
    autocannon({ connections: CONNECTIONS, amount: N, ...options });
  const row = (name: string, r: Awaited<ReturnType<typeof autocannon>>, floorMean: number) => [
    name,
    String(r.requests.total),
    String(r.non2xx + r.errors),
    (r.requests.total / r.duration).toFixed(0),
    `${r.latency.p50} / ${r.latency.p99}`,
    r.latency.average.toFixed(2),
    // autocannon's percentiles are whole milliseconds (a p50 of 0 is common for the floor): the
    // ratio is of the means
    (r.latency.average / floorMean).toFixed(1),
  ];
  /** `n` reports, then an ACCEPT (If-Match: 1) on `n` cases still in intake, each once. */
  const reportThenAccept = async (n: number) => {
    const reports = await run({
      url: `${url}/api/cases`,
      method: 'POST',
      amount: n,
      headers: { ...(await auth(WORKER)), ...json },
      body: JSON.stringify(reportBody('压测上报')),
    });
    const listed = await admin.query<{ id: string }>(
      `SELECT id FROM ${schema}.instances WHERE kind = 'case' AND status = 'intake' ORDER BY created_order LIMIT $1`,
      [n],
    );
    const ids = listed.rows.map((r) => r.id);
    let next = 0;
    const duty = { ...(await auth(DUTY)), ...json, 'if-match': '"1"' };
    const events = await run({
      url,
      amount: ids.length,
      requests: [
        {
          method: 'POST',
          headers: duty,
          body: JSON.stringify({ type: 'ACCEPT' }),
          setupRequest: (req) => ({
            ...req,
            path: `/api/cases/${encodeURIComponent(ids[next++ % ids.length] as string)}/events`,
          }),
        },
      ],
    });
    return { reports, events };
  };
  // warm up, untimed, until the server's CPU per request settles (batches of 500 + 500)
  await warmUntilSettled(server.pid, async () => {
    const { reports, events } = await reportThenAccept(500);
    return reports.requests.total + events.requests.total;
  });
  await run({ url: `${url}/api/org`, headers: await auth(DUTY), amount: 200 });
  const floor = await run({ url: `${url}/api/org`, headers: await auth(DUTY) });
  const { reports, events } = await reportThenAccept(N);
  rows.push(
    row('GET /api/org (floor: auth + JSON, no database)', floor, floor.latency.average),
    row('POST /api/cases (report)', reports, floor.latency.average),
    row('POST /api/cases/{id}/events (ACCEPT, If-Match)', events, floor.latency.average),
  );
  printTable(
    ['request', 'sent', 'non-2xx', 'req/s', 'latency p50 / p99 ms', 'mean ms', 'mean / floor mean'],
    rows,
  );
  console.log(`\n${CONNECTIONS} connections, PostgreSQL at ${PG_URL.replace(/\/\/[^@]*@/, '//')}`);
} finally {
  await server.stop();
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}
