/**
 * The cases a server process keeps as it last committed or read them (`recentRecords`): an event
 * to one of them skips the read before its commit. Two server processes on one PostgreSQL
 * schema: when the other one moved a case since, the kept copy is stale, and the answer must
 * still be the one a fresh read gives — a 409 stays a 409, a refusal on the stale copy is not
 * the answer, and nothing stale is ever committed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  DUTY,
  POST,
  reportBody,
  STAFF,
  trailOf,
  uid,
  verify,
  WORKER,
} from './fixtures/load.js';
import { type ServerChild, spawnServer } from './fixtures/spawnServer.js';
import { freshSchema, postgresAvailable } from './services.js';

const available = await postgresAvailable('recentCases.postgres.test.ts');
const space = available ? await freshSchema('recent_cases') : undefined;
let a: ServerChild;
let b: ServerChild;
beforeAll(async () => {
  if (!space) return;
  const start = (name: string) =>
    spawnServer({ ZZ_STORE: `pg:${space.schema}`, ZZ_TICK_MS: '0', ZZ_CLAIMANT: name });
  [a, b] = await Promise.all([start('a'), start('b')]);
}, 60_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await space?.drop();
});

/** `event` on case `id` through the server at `base`, as `by`; `version`: sent as If-Match. */
const sendEvent = (base: string, id: string, by: string, event: unknown, version?: number) =>
  call(
    base,
    'POST',
    `/api/cases/${encodeURIComponent(id)}/events`,
    by,
    event,
    version === undefined ? {} : { 'if-match': `"${version}"` },
  );
const DISPATCH = { type: 'DISPATCH', lead: { kind: 'post', id: POST } };

/** A case reported through process A (which keeps it at version 1). */
async function reportedThroughA(): Promise<string> {
  const r = await call(a.url, 'POST', '/api/cases', WORKER, reportBody(`recent ${uid()}`));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.record.id as string;
}

describe.skipIf(!available)('a case kept by one process and moved by another', () => {
  it('given B accepted the case A keeps at version 1, when A gets ACCEPT with If-Match 1, then A answers 409 with the current version 2', async () => {
    const id = await reportedThroughA();
    const first = await sendEvent(b.url, id, DUTY, { type: 'ACCEPT' }, 1);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const stale = await sendEvent(a.url, id, DUTY, { type: 'ACCEPT' }, 1);
    expect(stale.status, JSON.stringify(stale.body)).toBe(409);
    expect(stale.body).toMatchObject({ code: 'store.conflict', currentVersion: 2 });
    expect((await trailOf(a.url, id)).map((e) => e.event)).toEqual(['REPORT', 'ACCEPT']);
  });

  it('given B accepted the case A keeps as reported, when A gets DISPATCH (refused on the kept copy), then A applies it on the accepted case: 200, version 3', async () => {
    const id = await reportedThroughA();
    expect((await sendEvent(b.url, id, DUTY, { type: 'ACCEPT' })).status).toBe(200);
    const sent = await sendEvent(a.url, id, DUTY, DISPATCH);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.record).toMatchObject({ status: 'assigned', version: 3 });
    expect((await trailOf(b.url, id)).map((e) => e.event)).toEqual([
      'REPORT',
      'ACCEPT',
      'DISPATCH',
    ]);
  });

  it('given B rejected the case A keeps as reported, when A gets ACCEPT without If-Match (valid on the kept copy), then A refuses it as a fresh read would and commits nothing', async () => {
    const id = await reportedThroughA();
    const rejected = await sendEvent(b.url, id, DUTY, {
      type: 'REJECT',
      reason: '无效上报',
    });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    const fresh = await sendEvent(b.url, id, DUTY, { type: 'ACCEPT' });
    const stale = await sendEvent(a.url, id, DUTY, { type: 'ACCEPT' });
    expect(fresh.status, JSON.stringify(fresh.body)).toBeGreaterThanOrEqual(400);
    expect({ status: stale.status, code: stale.body.code }).toEqual({
      status: fresh.status,
      code: fresh.body.code,
    });
    expect((await trailOf(a.url, id)).map((e) => e.event)).toEqual(['REPORT', 'REJECT']);
    expect(await verify(a.url, id)).toMatchObject({ ok: true, headMatchesRecord: true });
  });

  it('given A keeps the case at version 3 after its own DISPATCH and B acknowledged it since, when A gets an event with If-Match 3, then 409 with the current version 4', async () => {
    const id = await reportedThroughA();
    expect((await sendEvent(a.url, id, DUTY, { type: 'ACCEPT' })).status).toBe(200);
    const dispatched = await sendEvent(a.url, id, DUTY, DISPATCH, 2);
    expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);
    const ack = await sendEvent(b.url, id, STAFF, {
      type: 'ACKNOWLEDGE',
    });
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);
    const stale = await sendEvent(
      a.url,
      id,
      STAFF,
      {
        type: 'PROGRESS',
        note: '已到现场',
      },
      3,
    );
    expect(stale.status, JSON.stringify(stale.body)).toBe(409);
    expect(stale.body).toMatchObject({ code: 'store.conflict', currentVersion: 4 });
    // and without If-Match the same event is applied on the fresh case
    const progress = await sendEvent(a.url, id, STAFF, {
      type: 'PROGRESS',
      note: '已到现场',
    });
    expect(progress.status, JSON.stringify(progress.body)).toBe(200);
    expect(progress.body.record.version).toBe(5);
    expect((await trailOf(b.url, id)).map((e) => e.event)).toEqual([
      'REPORT',
      'ACCEPT',
      'DISPATCH',
      'ACKNOWLEDGE',
      'PROGRESS',
    ]);
  });
});
