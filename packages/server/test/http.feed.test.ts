import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUTY, RESIDENT, reportBody, testServer, WORKER } from './http.helpers.js';
import { readFrames, type Sse } from './sse.js';

let t: Awaited<ReturnType<typeof testServer>>;
let base = '';
beforeAll(async () => {
  t = await testServer({ stream: { heartbeatMs: 150, pollMs: 30 } });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

const report = async (title: string, gridId = 'qj-sj-c1-g1', by = WORKER) => {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: await t.auth(by),
    payload: reportBody(title, gridId),
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { record: { id: string }; seq: number };
};

const changes = (frames: Sse[]) => frames.filter((f) => f.event === 'change');

describe('GET /api/changes', () => {
  it('returns what the caller may see after `since`, with a cursor to resume from', async () => {
    const start = await t.store.lastSeq();
    const a = await report('feed a');
    await report('feed other town', 'qj-th-c1-g1', 'qj-th-c1-g1-worker');
    const mine = await report('居民的', 'qj-sj-c1-g1', RESIDENT);
    const duty = await t.app.inject({
      url: `/api/changes?since=${start}`,
      headers: await t.auth(DUTY),
    });
    expect(duty.statusCode).toBe(200);
    const body = duty.json();
    expect(body.items.map((c: { instanceId: string }) => c.instanceId)).toEqual([
      a.record.id,
      mine.record.id,
    ]);
    expect(body.cursor).toBe(start + 3);
    const resident = await t.app.inject({
      url: `/api/changes?since=${start}`,
      headers: await t.auth(RESIDENT),
    });
    expect(resident.json().items.map((c: { instanceId: string }) => c.instanceId)).toEqual([
      mine.record.id,
    ]);
    const page = await t.app.inject({
      url: `/api/changes?since=${start}&limit=1`,
      headers: await t.auth(DUTY),
    });
    expect(page.json().cursor).toBe(start + 1);
  });
});

describe('GET /api/stream (SSE over a socket)', () => {
  it('streams each change once, in order, across a disconnect and a Last-Event-ID reconnect', async () => {
    const auth = await t.auth(DUTY);
    const start = await t.store.lastSeq();
    const ctl = new AbortController();
    const res = await fetch(`${base}/api/stream?since=${start}`, {
      headers: auth,
      signal: ctl.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(res.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await report(`s${i}`)).record.id);
    const first = changes(await readFrames(res, (f) => changes(f).length >= 2));
    ctl.abort(); // disconnect mid-way
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${ids[0]}/events`,
      headers: auth,
      payload: { type: 'ACCEPT' },
    });
    expect(sent.statusCode).toBe(200);
    for (let i = 3; i < 5; i++) ids.push((await report(`s${i}`)).record.id);
    const last = first.at(-1)?.id as string;
    const again = await fetch(`${base}/api/stream`, {
      headers: { ...auth, 'last-event-id': last },
    });
    const expectedTotal = 6;
    const rest = changes(
      await readFrames(again, (f) => changes(f).length >= expectedTotal - first.length),
    );
    const all = [...first, ...rest].map((f) => Number(f.id));
    const expected = Array.from({ length: expectedTotal }, (_, i) => start + 1 + i);
    expect(all).toEqual(expected);
    const events = [...first, ...rest].map((f) => JSON.parse(f.data as string).entry.event);
    expect(events.filter((e) => e === 'ACCEPT').length).toBe(1);
    // both streams were closed by the client; the server let go of them
    for (let i = 0; i < 100 && t.app.zhizhi.openStreams() > 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(t.app.zhizhi.openStreams()).toBe(0);
  });

  it('sends heartbeat comments and filters by scope', async () => {
    const res = await fetch(`${base}/api/stream`, { headers: await t.auth('qj-th-duty') });
    await report('not for qj-th');
    const frames = await readFrames(res, (f) => f.some((x) => x.comment === 'heartbeat'));
    expect(changes(frames)).toEqual([]);
    const outside = await fetch(`${base}/api/stream?town=qj-sj`, {
      headers: await t.auth('qj-th-duty'),
    });
    expect(outside.status).toBe(403);
    expect(((await outside.json()) as { code: string }).code).toBe('auth.outsideScope');
    const anon = await fetch(`${base}/api/stream`);
    expect(anon.status).toBe(401);
  });
});

describe('one feed reader for every stream', () => {
  it('serves every stream from one reader of the store, and each stream still gets each change once', async () => {
    const headers = await t.auth(DUTY);
    const start = await t.store.lastSeq();
    const streams = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${base}/api/stream?since=${start}`, { headers })),
    );
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await report(`hub ${i}`)).record.id);
    const got = await Promise.all(
      streams.map(async (res) =>
        changes(await readFrames(res, (f) => changes(f).length >= 3)).map((f) => Number(f.id)),
      ),
    );
    for (const seqs of got) expect(seqs).toEqual([start + 1, start + 2, start + 3]);
    // 20 streams at the head: a new change reaches each of them from the one reader's window,
    // none of them reads the store itself (a reader per stream would make 20 filtered reads)
    const client = t.client;
    const original = client.changesSince.bind(client);
    const calls = { byStreams: 0, byTheReader: 0 };
    client.changesSince = (seq, filter, limit) => {
      if (filter) calls.byStreams++;
      else calls.byTheReader++;
      return original(seq, filter, limit);
    };
    let idle: Response[] = [];
    try {
      idle = await Promise.all(
        Array.from({ length: 20 }, () => fetch(`${base}/api/stream`, { headers })),
      );
      const { seq } = await report('hub idle');
      const seen = await Promise.all(
        idle.map(async (res) => changes(await readFrames(res, (f) => changes(f).length >= 1))),
      );
      for (const frames of seen) expect(frames.map((f) => Number(f.id))).toEqual([seq]);
    } finally {
      client.changesSince = original;
    }
    expect(calls.byStreams).toBe(0);
    expect(calls.byTheReader).toBeGreaterThan(0);
  });
});
