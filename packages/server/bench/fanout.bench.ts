// SSE fan-out: a server child process on a PGlite data directory (the default deployment) with
// 1,000 open `GET /api/stream` subscribers; for each of K reports, the time from the commit's
// 201 until every subscriber has the change (and each delivery's latency), against the floor
// of one subscriber alone, measured in the same run. Not run in CI. Usage:
//   pnpm --filter @zhizhi/server bench:fanout [subscribers, default 1000] [commits, default 10]
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auth, call, DUTY, reportBody, sleep, WORKER } from '../test/fixtures/load.js';
import { spawnServer } from '../test/fixtures/spawnServer.js';
import { ms, pct, printTable } from './stats.js';

const SUBSCRIBERS = Number(process.argv[2] ?? 1000);
const COMMITS = Number(process.argv[3] ?? 10);

interface Subscriber {
  /** When (performance.now()) each sequence number arrived. */
  seen: Map<number, number>;
  ready: Promise<void>;
  close(): void;
}

const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });

/** One SSE reader over a raw socket: notes the arrival time of every `id:` line. */
async function subscribe(url: string, headers: Record<string, string>): Promise<Subscriber> {
  const seen = new Map<number, number>();
  let req: http.ClientRequest | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    req = http.get(`${url}/api/stream`, { agent, headers }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`stream: HTTP ${res.statusCode}`));
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        const now = performance.now();
        buffer += chunk;
        if (buffer.includes('retry:')) resolve();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) if (line.startsWith('id: ')) seen.set(Number(line.slice(4)), now);
      });
      res.on('error', () => undefined);
    });
    req.on('error', reject);
  });
  return { seen, ready, close: () => req?.destroy() };
}

/** K reports, one at a time: for each, when its 201 came and its sequence number. */
async function commits(url: string, k: number, gapMs: number) {
  const out: { seq: number; at: number }[] = [];
  for (let i = 0; i < k; i++) {
    await sleep(gapMs);
    const r = await call(url, 'POST', '/api/cases', WORKER, reportBody(`fan-out ${i}`));
    if (r.status !== 201) throw new Error(`report: ${r.status} ${JSON.stringify(r.body)}`);
    out.push({ seq: r.body.seq as number, at: performance.now() });
  }
  return out;
}

/** Per commit: when the last subscriber had it; every delivery's latency. */
async function measure(subs: Subscriber[], done: { seq: number; at: number }[]) {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    if (subs.every((s) => done.every((d) => s.seen.has(d.seq)))) break;
    await sleep(50);
  }
  const all: number[] = [];
  const each: number[] = [];
  let missing = 0;
  for (const d of done) {
    let last = 0;
    for (const s of subs) {
      const t = s.seen.get(d.seq);
      if (t === undefined) {
        missing++;
        continue;
      }
      each.push(t - d.at);
      last = Math.max(last, t - d.at);
    }
    all.push(last);
  }
  return { all, each, missing };
}

const dir = mkdtempSync(join(tmpdir(), 'zz-fanout-'));
const server = await spawnServer(
  { ZZ_STORE: `pglite:${join(dir, 'pg')}`, ZZ_TICK_MS: '0' },
  180_000,
);
const headers = { ...(await auth(DUTY)), accept: 'text/event-stream' };
const rows: string[][] = [];
try {
  await commits(server.url, 3, 0); // warm up
  // the floor: one subscriber alone
  const one = await subscribe(server.url, headers);
  await one.ready;
  const floor = await measure([one], await commits(server.url, COMMITS, 300));
  one.close();
  // the fan-out
  const subs: Subscriber[] = [];
  for (let i = 0; i < SUBSCRIBERS; i += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, SUBSCRIBERS - i) }, () => subscribe(server.url, headers)),
    );
    await Promise.all(batch.map((s) => s.ready));
    subs.push(...batch);
  }
  await sleep(1000);
  const rss0 = process.memoryUsage().rss;
  const fan = await measure(subs, await commits(server.url, COMMITS, 1000));
  for (const s of subs) s.close();
  const row = (name: string, m: typeof fan) => [
    name,
    `${ms(pct(m.each, 50))} / ${ms(pct(m.each, 99))}`,
    `${ms(pct(m.all, 50))} / ${ms(pct(m.all, 99))}`,
    String(m.missing),
  ];
  rows.push(row('1 subscriber (floor)', floor), row(`${SUBSCRIBERS} subscribers`, fan));
  printTable(['', 'each delivery p50 / p99 ms', 'all have it p50 / p99 ms', 'missed'], rows);
  console.log(
    `\nratio (all ${SUBSCRIBERS} have it, p50) / (floor, p50): ${(pct(fan.all, 50) / pct(floor.all, 50)).toFixed(2)}×; ${COMMITS} commits each; bench process RSS ${(rss0 / 2 ** 20).toFixed(0)} MiB`,
  );
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
