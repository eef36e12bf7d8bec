import { connect, type Server, type Socket, createServer as tcpServer } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import type { Change } from '@zhizhi/core/runtime';
import { PgStore, pgliteDriver } from '@zhizhi/server';
import { afterAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../src/index.js';
import { DUTY, demoTokens, READER, report, serve } from './helpers.js';

const db = await PGlite.create('memory://');
afterAll(() => db.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(cond: () => boolean, ms = 8000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(10);
  }
}

/** A TCP proxy on 127.0.0.1 in front of `port` that the test can cut and bring back. */
async function proxy(port: number) {
  const sockets = new Set<Socket>();
  let connections = 0;
  let server: Server | undefined;
  let at = 0;
  const start = async (on = 0) => {
    server = tcpServer((inbound) => {
      connections += 1;
      sockets.add(inbound);
      const outbound = connect(port, '127.0.0.1');
      sockets.add(outbound);
      inbound.pipe(outbound).pipe(inbound);
      const drop = () => {
        inbound.destroy();
        outbound.destroy();
        sockets.delete(inbound);
        sockets.delete(outbound);
      };
      inbound.on('error', drop).on('close', drop);
      outbound.on('error', drop).on('close', drop);
    });
    await new Promise<void>((r) => server?.listen(on, '127.0.0.1', () => r()));
    at = (server.address() as { port: number }).port;
  };
  await start();
  return {
    get port() {
      return at;
    },
    get connections() {
      return connections;
    },
    /** Cuts every connection; with `down`, also stops listening (reconnects are refused). */
    async cut(down = false) {
      for (const s of sockets) s.destroy();
      sockets.clear();
      if (down) await new Promise<void>((r) => server?.close(() => r()));
    },
    up: () => start(at),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => (server?.listening ? server.close(() => r()) : r()));
    },
  };
}

describe('HttpClient.subscribe over a real server', () => {
  it('given the connection is cut mid-stream and the server is unreachable for a while, then the subscription resumes and hears each change once, in order', async () => {
    await db.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
    const t = await serve(await PgStore.open(await pgliteDriver(db)));
    const p = await proxy(Number(new URL(t.baseUrl).port));
    const far = new HttpClient({
      baseUrl: `http://127.0.0.1:${p.port}`,
      tokenFor: demoTokens(t.baseUrl),
      reader: READER,
      stream: { initialDelayMs: 20, maxDelayMs: 200 },
    });
    try {
      const first = await t.client.report(report('订阅前'));
      if (!first.ok) throw new Error('report refused');
      const heard: Change[] = [];
      const sub = await far.subscribe((c) => heard.push(c), { since: first.seq });

      const ids: string[] = [];
      for (let i = 0; i < 2; i++) {
        const r = await t.client.report(report(`断线前 ${i}`));
        if (r.ok) ids.push(r.record.id);
      }
      await until(() => heard.length === 2);

      // cut the stream; commit while it is down and while nothing listens
      await p.cut(true);
      for (let i = 0; i < 2; i++) {
        const r = await t.client.report(report(`断线中 ${i}`));
        if (r.ok) ids.push(r.record.id);
      }
      await t.client.send(ids[0] as string, { type: 'ACCEPT', by: DUTY });
      await sleep(150); // a few refused reconnects
      await p.up();
      await until(() => heard.length === 5);
      // and a plain cut while listening
      await p.cut();
      const last = await t.client.report(report('断线后'));
      await until(() => heard.length === 6);
      await sleep(100);
      sub.close();

      const expected = await t.client.changesSince(first.seq);
      expect(heard.map((c) => c.seq)).toEqual(expected.map((c) => c.seq));
      expect(new Set(heard.map((c) => c.seq)).size).toBe(6);
      expect(heard.at(-1)?.instanceId).toBe(last.ok ? last.record.id : '');
      expect(p.connections).toBeGreaterThan(2);
    } finally {
      await far.close();
      await p.close();
      await t.close();
    }
  });

  it('given no since, then it follows from the head; and with an instance filter, only that instance', async () => {
    await db.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
    const t = await serve(await PgStore.open(await pgliteDriver(db)));
    try {
      const before = await t.client.report(report('之前'));
      if (!before.ok) throw new Error('report refused');
      const all: number[] = [];
      const one: Change[] = [];
      const a = await t.client.subscribe((c) => all.push(c.seq));
      const b = await t.client.subscribe((c) => one.push(c), {
        filter: { instanceId: before.record.id },
      });
      await t.client.report(report('之后'));
      await t.client.send(before.record.id, { type: 'ACCEPT', by: DUTY });
      await until(() => all.length === 2 && one.length === 1);
      a.close();
      b.close();
      expect(all[0]).toBeGreaterThan(before.seq);
      expect(one.map((c) => c.entry.event)).toEqual(['ACCEPT']);
    } finally {
      await t.close();
    }
  });
});
