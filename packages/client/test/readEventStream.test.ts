import { readdirSync, readFileSync } from 'node:fs';
import { createServer as httpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Change } from '@zhizhi/core/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { createSseParser, HttpClient, readEventStream, type SseEvent } from '../src/index.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(cond: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(10);
  }
}

const change = (seq: number): Change => ({
  seq,
  kind: 'case',
  instanceId: `c-${seq}`,
  townId: 'qj-sj',
  version: 1,
  status: 'intake',
  entry: { seq: 1, event: 'REPORT' } as unknown as Change['entry'],
  notifications: [],
});
const sse = (c: Change) => `id: ${c.seq}\nevent: change\ndata: ${JSON.stringify(c)}\n\n`;

/** A scripted fake server: `handle` per request, the requests it saw. */
async function fake(handle: (req: IncomingMessage, res: ServerResponse, n: number) => void) {
  const seen: IncomingMessage[] = [];
  const server = httpServer((req, res) => {
    seen.push(req);
    handle(req, res, seen.filter((r) => r.url?.startsWith('/api/stream')).length);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('createSseParser', () => {
  it('given CRLF, CR and LF line ends, split chunks, comments and multi-line data, then it yields the events the standard says', () => {
    const events: SseEvent[] = [];
    const comments: string[] = [];
    const retries: number[] = [];
    const p = createSseParser({
      event: (e) => events.push(e),
      comment: (c) => comments.push(c),
      retry: (ms) => retries.push(ms),
    });
    for (const chunk of [
      'retry: 1500\r\n: hello\r\n\r',
      '\nid: 7\r\nevent: change\r\ndata: a\r',
      'data: b\n\ndata:c\r\rid: 8\nda',
      'ta: no end',
    ])
      p.push(chunk);
    p.end();
    expect(retries).toEqual([1500]);
    expect(comments).toEqual(['hello']);
    expect(events).toEqual([
      { id: '7', event: 'change', data: 'a\nb' },
      { id: '7', event: 'message', data: 'c' },
    ]);
  });
});

describe('readEventStream', () => {
  it('given a stream the server ends, then it reconnects with Last-Event-ID and goes on', async () => {
    const f = await fake((req, res, n) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      if (n === 1) {
        res.end(`retry: 10\n\n${sse(change(1))}${sse(change(2))}`);
      } else {
        expect(req.headers['last-event-id']).toBe('2');
        res.write(sse(change(3)));
      }
    });
    cleanups.push(f.close);
    const got: string[] = [];
    const stream = readEventStream({
      url: `${f.baseUrl}/api/stream`,
      onEvent: (e) => {
        got.push(e.id ?? '');
      },
    });
    await until(() => got.length === 3);
    stream.close();
    await stream.done;
    expect(got).toEqual(['1', '2', '3']);
    expect(f.seen.length).toBe(2);
  });

  it('given a 403, then it stops without retrying', async () => {
    const f = await fake((_req, res) => {
      res
        .writeHead(403, { 'content-type': 'application/json' })
        .end('{"code":"auth.outsideScope"}');
    });
    cleanups.push(f.close);
    const stream = readEventStream({ url: `${f.baseUrl}/api/stream`, onEvent: () => undefined });
    await stream.done;
    expect(f.seen.length).toBe(1);
  });
});

describe('HttpClient.subscribe on a gap', () => {
  it('given a gap event, then it reads the missed changes from the feed and resumes after them, each once in order', async () => {
    const f = await fake((req, res, n) => {
      if (req.url?.startsWith('/api/changes')) {
        expect(req.url).toContain('since=1');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ items: [change(2), change(3)], cursor: 3 }));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      if (n === 1) res.end(`retry: 10\n\n${sse(change(1))}event: gap\ndata: {"since":1}\n\n`);
      else {
        expect(req.headers['last-event-id']).toBe('3');
        res.write(`${sse(change(3))}${sse(change(4))}`);
      }
    });
    cleanups.push(f.close);
    const client = new HttpClient({
      baseUrl: f.baseUrl,
      token: 't',
      stream: { initialDelayMs: 10 },
    });
    const heard: number[] = [];
    const sub = await client.subscribe((c) => heard.push(c.seq), { since: 0 });
    await until(() => heard.length >= 4);
    await sleep(50);
    sub.close();
    await client.close();
    expect(heard).toEqual([1, 2, 3, 4]);
    expect(sub.last).toBe(4);
  });

  it('given a gap the feed cannot fill either (410), then onGap is told and the stream resumes from the head', async () => {
    const f = await fake((req, res, n) => {
      if (req.url?.startsWith('/api/changes')) {
        res.writeHead(410, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ code: 'feed.gap', message: { zh: '', en: '' }, params: { since: 5 } }),
        );
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      if (n === 1) res.end('retry: 10\n\nevent: gap\ndata: {"since":5}\n\n');
      else {
        expect(req.headers['last-event-id']).toBeUndefined();
        expect(req.url).toBe('/api/stream');
        res.write(`: resuming after 40\n\n${sse(change(41))}`);
      }
    });
    cleanups.push(f.close);
    const client = new HttpClient({
      baseUrl: f.baseUrl,
      token: 't',
      stream: { initialDelayMs: 10 },
    });
    const gaps: number[] = [];
    const heard: number[] = [];
    const sub = await client.subscribe((c) => heard.push(c.seq), {
      since: 5,
      onGap: (s) => gaps.push(s),
    });
    await until(() => heard.length === 1);
    sub.close();
    await client.close();
    expect(gaps).toEqual([5]);
    expect(heard).toEqual([41]);
  });
});

describe('HttpClient without a server', () => {
  it('given nothing listening, then commands return client.network errors and reads throw HttpClientError', async () => {
    const f = await fake(() => undefined);
    const baseUrl = f.baseUrl;
    await f.close(); // the port is free now: connections are refused
    const client = new HttpClient({ baseUrl, token: 't' });
    const r = await client.report({ reporterId: 'x', title: 't' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('client.network');
    const s = await client.send('c-1', { type: 'ACCEPT', by: 'x' }, { expectedVersion: 1 });
    expect(!s.ok && s.error.code).toBe('client.network');
    const d = await client.deploy({ id: 'x' }, 'x');
    expect(!d.ok && d.diagnostics[0]?.code).toBe('client.network');
    const readings = await client.readings('sensor', [{}, {}]);
    expect(readings.refused.map((x) => x.code)).toEqual(['client.network', 'client.network']);
    await expect(client.getCase('c-1')).rejects.toMatchObject({
      name: 'HttpClientError',
      error: { code: 'client.network' },
    });
  });

  it('given a proxy answering HTML, then a command gets client.http with the status', async () => {
    const f = await fake((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
    });
    cleanups.push(f.close);
    const client = new HttpClient({ baseUrl: f.baseUrl, token: 't' });
    const r = await client.send('c-1', { type: 'ACCEPT', by: 'x' });
    expect(!r.ok && r.error).toMatchObject({ code: 'client.http', params: { status: 502 } });
  });

  it('given a tokenFor that fails, then the command gets client.token', async () => {
    const client = new HttpClient({
      baseUrl: 'http://127.0.0.1:9',
      tokenFor: () => {
        throw new Error('no SSO');
      },
    });
    const r = await client.report({ reporterId: 'w', title: 't' });
    expect(!r.ok && r.error.code).toBe('client.token');
  });
});

describe('the package source', () => {
  it('uses fetch and Web APIs only: no Node or DOM globals', () => {
    const dir = new URL('../src/', import.meta.url);
    for (const file of readdirSync(dir)) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      for (const bad of [
        /from 'node:/,
        /\bprocess\./,
        /\bBuffer\b/,
        /\bwindow\b/,
        /\bdocument\b/,
        /new EventSource/,
        /\brequire\(/,
      ])
        expect(bad.test(text), `${file} uses ${bad}`).toBe(false);
    }
  });
});
