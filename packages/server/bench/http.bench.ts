// Durable transitions per second through the HTTP API (a server child process on PostgreSQL,
// test/fixtures/serverProcess.ts), against the floor of the same rows (the instance, its audit
// entry, timers, notifications and change, into tables LIKE the server's) written by plain `pg`
// in the same run, with 1 and 8 concurrent connections; p50/p99 latency of report and event
// requests; the CPU time (user + system) the server process, the bench client and PostgreSQL used.
// Paired rounds: each round is N reports + N events through HTTP, then the floor writing the same
// rows, so that both sides of a ratio meet the same machine; the widths alternate their order
// from round to round; the verdict is the median of the rounds' ratios. Not run in CI. Usage:
//   pnpm --filter @zhizhi/server bench:http [N, default 800] [rounds per width, default 5]
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import pg from 'pg';
import { auth, call, DUTY, type Reply, reportBody, WORKER } from '../test/fixtures/load.js';
import { spawnServer } from '../test/fixtures/spawnServer.js';
import { median, ms, pct, printTable } from './stats.js';
import { cpuMs, warmUntilSettled } from './warmUp.js';

const N = Number(process.argv[2] ?? 800);
const ROUNDS = Number(process.argv[3] ?? 5);
/**
 * The bench's HTTP client: `http` (default), node:http with a keep-alive agent — under half
 * the CPU per request of `fetch` (undici), which on a 2-core machine competes with the server for
 * the same cores; or `fetch`, the tests' `call` (the figures before 2026-12-06).
 */
const CLIENT = process.env.ZZ_BENCH_CLIENT ?? 'http';
const WARMUP = Number(process.env.ZZ_BENCH_WARMUP ?? 500);
/**
 * `prepared`: the floor sends each of its statements as a named prepared statement (as the
 * server sends its commit); default: plain parameterised queries, as most code using `pg` does.
 */
const FLOOR = process.env.ZZ_BENCH_FLOOR ?? 'plain';
const floorNames = new Map<string, string>();
const agent = new Agent({ keepAlive: true, maxSockets: 8 });

/** One JSON POST as `member` through {@link agent}. */
async function post(
  base: string,
  path: string,
  member: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  if (CLIENT === 'fetch') return call(base, 'POST', path, member, body, headers);
  const payload = JSON.stringify(body);
  const authorization = (await auth(member)).authorization as string;
  return new Promise((resolve) => {
    const req = request(
      `${base}${path}`,
      {
        method: 'POST',
        agent,
        headers: {
          authorization,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('error', (e) => resolve({ status: 0, body: null, error: String(e) }));
    req.end(payload);
  });
}
const PG_URL = process.env.ZHIZHI_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

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

/** CPU time (ms) each PostgreSQL process on this machine has used so far, by pid (Linux only). */
function postgresMs(): Map<string, number> {
  const byPid = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    if (!stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).startsWith('postgres')) continue;
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    byPid.set(pid, (Number(f[11]) + Number(f[12])) * 10);
  }
  return byPid;
}

/** CPU time (ms) PostgreSQL used since `before` (a process that exited meanwhile is not counted). */
function postgresSince(before: Map<string, number>): number {
  let total = 0;
  for (const [pid, ms] of postgresMs()) total += ms - (before.get(pid) ?? 0);
  return total;
}

interface Row {
  record: Record<string, unknown> & { id: string; version: number; townId: string };
  entry: Record<string, unknown>;
}

/** What one commit of the store wrote: filled from the server's own tables after the run. */
interface Written extends Row {
  timers: { id: string; kind: string; dueAt: number }[];
  notifications: { id: string }[];
  change: Record<string, unknown>;
}

/**
 * The floor: the rows each of the server's commits wrote — the instance (insert, or update with
 * the version check), its audit entry, its timers (replaced), its notifications, its change —
 * written by `pg` directly, one statement per table in one transaction, into tables made `LIKE`
 * the server's (same keys and indexes), `width` connections at a time.
 */
async function raw(pool: pg.Pool, rows: Written[], width: number, sfx = `:${width}`) {
  let next = 0;
  const lat: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: width }, async () => {
      const c = await pool.connect();
      const q = (text: string, values?: unknown[]) => {
        if (FLOOR !== 'prepared') return c.query(text, values);
        // one name per text for the whole run: a connection keeps what it prepared
        const name = floorNames.get(text) ?? `floor_${floorNames.size}`;
        floorNames.set(text, name);
        return c.query({ name, text, values });
      };
      try {
        for (let i = next++; i < rows.length; i = next++) {
          const w = rows[i] as Written;
          const { record } = w;
          const id = `${record.id}${sfx}`;
          const t = performance.now();
          await q('BEGIN');
          const cols = [
            id,
            record.status,
            record.version,
            record.slaDueAt ?? null,
            null,
            record.updatedAt,
            record,
          ];
          const written =
            record.version === 1
              ? await q(
                  `INSERT INTO instances (id, status, version, sla_due_at, section, updated_at, record, town_id, kind)
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'case') ON CONFLICT DO NOTHING RETURNING 1`,
                  [...cols, record.townId],
                )
              : await q(
                  `UPDATE instances SET status = $2, version = $3, sla_due_at = $4, section = $5,
                     updated_at = $6, record = $7 WHERE id = $1 AND version = $8 RETURNING 1`,
                  [...cols, record.version - 1],
                );
          if (written.rowCount !== 1) throw new Error(`floor: ${id} not written`);
          await q(
            'INSERT INTO audit_entries (town_id, instance_id, seq, entry) VALUES ($1, $2, $3, $4)',
            [record.townId, id, record.version, w.entry],
          );
          await q('DELETE FROM timers WHERE instance_id = $1', [id]);
          if (w.timers.length > 0) {
            const p: unknown[] = [];
            const values = w.timers.map((x) => {
              p.push(record.townId, x.id + sfx, id, x.kind, x.dueAt, x);
              const n = p.length;
              return `($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
            });
            await q(
              `INSERT INTO timers (town_id, id, instance_id, kind, due_at, timer) VALUES ${values.join(', ')}`,
              p,
            );
          }
          if (w.notifications.length > 0) {
            const p: unknown[] = [];
            const values = w.notifications.map((x) => {
              p.push(record.townId, x.id + sfx, id, x);
              const n = p.length;
              return `($${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
            });
            await q(
              `INSERT INTO notifications (town_id, id, instance_id, notification) VALUES ${values.join(', ')}
               ON CONFLICT (id) DO UPDATE SET notification = EXCLUDED.notification`,
              p,
            );
          }
          await q(
            `INSERT INTO changes (seq, town_id, kind, instance_id, change)
             VALUES (nextval('raw_change_seq'), $1, 'case', $2, $3)`,
            [record.townId, id, w.change],
          );
          await q('COMMIT');
          lat.push(performance.now() - t);
        }
      } finally {
        c.release();
      }
    }),
  );
  return { rate: rows.length / ((performance.now() - t0) / 1000), lat };
}

/** Each commit's timers, notifications and change, read back from the server's tables. */
async function written(pool: pg.Pool, rows: Row[]): Promise<Written[]> {
  const changes = new Map<string, Record<string, unknown>>();
  for (const r of (await pool.query('SELECT change FROM changes')).rows) {
    changes.set(`${r.change.instanceId} ${r.change.version}`, r.change);
  }
  const timers = new Map<string, Written['timers']>();
  for (const r of (await pool.query('SELECT instance_id, kind, timer FROM timers')).rows) {
    const list = timers.get(r.instance_id) ?? [];
    list.push({ ...r.timer, kind: r.kind });
    timers.set(r.instance_id, list);
  }
  return rows.map((row) => {
    const change = changes.get(`${row.record.id} ${row.record.version}`);
    if (!change) throw new Error(`no change for ${row.record.id} v${row.record.version}`);
    return {
      ...row,
      change,
      notifications: (change.notifications as { id: string }[]) ?? [],
      timers: timers.get(row.record.id) ?? [],
    };
  });
}

const schema = `zz_httpbench_${process.pid}`;
const admin = new pg.Pool({ connectionString: PG_URL, max: 8 });
await admin.query(`CREATE SCHEMA ${schema}`);
const server = await spawnServer({ ZZ_STORE: `pg:${schema}`, ZZ_POOL: '8' });
// the floor's tables: made LIKE the server's (keys, indexes, defaults), in a schema of their own
const rawSchema = `${schema}_raw`;
await admin.query(`CREATE SCHEMA ${rawSchema}`);
for (const t of ['instances', 'audit_entries', 'timers', 'notifications', 'changes']) {
  await admin.query(`CREATE TABLE ${rawSchema}.${t} (LIKE ${schema}.${t} INCLUDING ALL)`);
}
await admin.query(`CREATE SEQUENCE ${rawSchema}.raw_change_seq`);
const pool = new pg.Pool({
  connectionString: PG_URL,
  max: 8,
  options: `-c search_path=${rawSchema}`,
});
const serverTables = new pg.Pool({
  connectionString: PG_URL,
  max: 1,
  options: `-c search_path=${schema}`,
});
const url = server.url;
const table: string[][] = [];
const ratios: Record<number, number[]> = {};
try {
  // warm up, untimed (see warmUntilSettled): batches of WARMUP reports and as many ACCEPT events
  // (4 connections), and the floor writing the same rows
  await warmUntilSettled(server.pid, async (batch) => {
    const { rows: warmRows } = await reportsThenEvents(WARMUP, 4, `warm ${batch}`);
    await raw(pool, await written(serverTables, warmRows), 4, `:warm${batch}`);
    return 2 * WARMUP;
  });
  const widths = (process.env.ZZ_BENCH_WIDTHS ?? '1,8').split(',').map(Number);
  for (let round = 0; round < ROUNDS; round++) {
    // alternate the order: neither width always comes first after the other (or the warm-up)
    for (const width of round % 2 === 0 ? widths : [...widths].reverse()) {
      const row = await measureRound(width);
      ratios[width] = [...(ratios[width] ?? []), row.ratio];
      table.push([String(round + 1), ...row.cells]);
    }
  }
} finally {
  agent.destroy();
  await server.stop();
  await pool.end();
  await serverTables.end();
  await admin.query(`DROP SCHEMA ${rawSchema} CASCADE`);
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}

/**
 * `n` reports (each a durable commit: record, REPORT entry, SLA timers, notifications, change),
 * then an ACCEPT with If-Match on each, `width` requests at a time; the rows they committed.
 */
async function reportsThenEvents(n: number, width: number, tag: string) {
  const ids: string[] = [];
  const rows: Row[] = [];
  let bad = 0;
  const reports = await load(n, width, async (i) => {
    const r = await post(url, '/api/cases', WORKER, reportBody(`${tag} ${i}`), {
      'idempotency-key': randomUUID(),
    });
    if (r.status !== 201) bad++;
    else {
      ids[i] = r.body.record.id;
      rows.push({ record: r.body.record, entry: r.body.entry });
    }
  });
  const events = await load(n, width, async (i) => {
    if (ids[i] === undefined) return;
    const r = await post(
      url,
      `/api/cases/${encodeURIComponent(ids[i])}/events`,
      DUTY,
      { type: 'ACCEPT' },
      { 'if-match': '"1"' },
    );
    if (r.status !== 200) bad++;
    else rows.push({ record: r.body.record, entry: r.body.entry });
  });
  return { reports, events, rows, bad };
}

/** One paired round at `width` connections: N reports and N events through HTTP, then the floor. */
async function measureRound(width: number): Promise<{ ratio: number; cells: string[] }> {
  const cpu0 = cpuMs(server.pid);
  const pg0 = postgresMs();
  const own0 = process.cpuUsage();
  const { reports, events, rows, bad } = await reportsThenEvents(N, width, 'bench');
  // CPU the server process and this client used for the 2N requests
  const cpu1 = cpuMs(server.pid);
  const pgHttp = postgresSince(pg0) / (2 * N);
  const serverUser = (cpu1.user - cpu0.user) / (2 * N);
  const serverSystem = (cpu1.system - cpu0.system) / (2 * N);
  const own = process.cpuUsage(own0);
  const clientCpu = (own.user + own.system) / 1000 / (2 * N);
  // the floor: the same 2N commits' rows, written by pg
  const toWrite = await written(serverTables, rows);
  const pg1 = postgresMs();
  const floor = await raw(pool, toWrite, width);
  const pgFloor = postgresSince(pg1) / (2 * N);
  const http = (2 * N) / (N / reports.rate + N / events.rate);
  return {
    ratio: http / floor.rate,
    cells: [
      String(width),
      reports.rate.toFixed(0),
      events.rate.toFixed(0),
      http.toFixed(0),
      floor.rate.toFixed(0),
      (http / floor.rate).toFixed(2),
      `${ms(pct(reports.lat, 50))} / ${ms(pct(reports.lat, 99))}`,
      `${ms(pct(events.lat, 50))} / ${ms(pct(events.lat, 99))}`,
      `${ms(pct(floor.lat, 50))} / ${ms(pct(floor.lat, 99))}`,
      `${(serverUser + serverSystem).toFixed(2)} (${serverSystem.toFixed(2)})`,
      clientCpu.toFixed(2),
      `${pgHttp.toFixed(2)} / ${pgFloor.toFixed(2)}`,
      String(bad),
    ],
  };
}

const head = [
  'round',
  'conns',
  'reports/s',
  'events/s',
  'HTTP commits/s',
  'raw pg commits/s',
  'HTTP / raw',
  'report p50/p99 ms',
  'event p50/p99 ms',
  'raw p50/p99 ms',
  'server CPU ms/req (system)',
  'client CPU ms/req',
  'PostgreSQL CPU ms/commit (HTTP / raw)',
  'non-2xx',
];
console.log(
  `\n${ROUNDS} rounds of ${N} reports + ${N} ACCEPT events per width, server in a child process on PostgreSQL, client ${CLIENT}, floor ${FLOOR}\n`,
);
printTable(head, table);

console.log('');
for (const [width, rs] of Object.entries(ratios)) {
  const sorted = [...rs].sort((a, b) => a - b);
  const goal = Number(width) === 1 ? 0.5 : 1;
  const met = rs.filter((r) => r >= goal).length;
  console.log(
    `${width} connection(s): HTTP / raw median ${median(rs).toFixed(2)} (rounds ${sorted.map((r) => r.toFixed(2)).join(', ')}); ` +
      `goal ${Number(width) === 1 ? '≥ 0.5' : '> 1'} met in ${met} of ${rs.length} rounds`,
  );
}
