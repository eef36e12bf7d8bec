// Check-ins (打卡) over HTTP: POST /api/check-ins takes the worker from the token, never the
// body; GET /api/check-ins keeps to the caller's role (own, grid, towns in scope, none); notes
// are masked for everyone but the worker; the routes are in the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUTY, RESIDENT, testServer, WORKER } from './http.helpers.js';

const OTHER_GRID_WORKER = 'qj-sj-c1-g2-worker';
const RIDER = 'qj-sj-c1-g1-rider';
const CHIEF = 'qj-sj-c1-g1-chief';
const OTHER_TOWN_DUTY = 'qj-th-duty';

let t: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  t = await testServer();
});
afterAll(() => t.close());

async function post(member: string | undefined, body: unknown) {
  return t.app.inject({
    method: 'POST',
    url: '/api/check-ins',
    headers: member ? await t.auth(member) : {},
    payload: body as Record<string, unknown>,
  });
}

async function list(member: string, query = '') {
  return t.app.inject({ url: `/api/check-ins${query}`, headers: await t.auth(member) });
}

const ids = (res: { json(): unknown }) =>
  (res.json() as { items: { workerId: string }[] }).items.map((c) => c.workerId).sort();

describe('check-ins over HTTP', () => {
  it('given a grid worker, when they check in, then 201 with the worker from the token, and the same check-in again is 200 created:false', async () => {
    const body = {
      dutyId: 'serveResidents',
      kind: 'call',
      household: '11-2-301',
      at: t.clock.now(),
    };
    const first = await post(WORKER, body);
    expect(first.statusCode).toBe(201);
    const record = first.json().record;
    expect(record.workerId).toBe(WORKER);
    expect(record.gridId).toBe('qj-sj-c1-g1');
    expect(record.townId).toBe('qj-sj');
    const again = await post(WORKER, body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, record: { id: record.id } });
  });

  it('given a workerId in the body, then 400 naming body.workerId and nothing is stored', async () => {
    const before = (await list(DUTY)).json().items.length;
    const res = await post(WORKER, { dutyId: 'dailyPatrol', kind: 'patrol', workerId: RIDER });
    expect(res.statusCode).toBe(400);
    expect(res.json().path.join('.')).toContain('body');
    expect(JSON.stringify(res.json())).toContain('workerId');
    expect((await list(DUTY)).json().items.length).toBe(before);
  });

  it('given no token, a resident, or a duty officer, when they check in, then 401 / 403 and nothing is stored', async () => {
    const before = (await list(DUTY)).json().items.length;
    expect((await post(undefined, { dutyId: 'dailyPatrol', kind: 'patrol' })).statusCode).toBe(401);
    const resident = await post(RESIDENT, { dutyId: 'dailyPatrol', kind: 'patrol' });
    expect(resident.statusCode).toBe(403);
    expect(resident.json().code).toBe('checkIn.notGridCrew');
    expect((await post(DUTY, { dutyId: 'dailyPatrol', kind: 'patrol' })).statusCode).toBe(403);
    const future = await post(WORKER, {
      dutyId: 'dailyPatrol',
      kind: 'patrol',
      at: t.clock.now() + 86_400_000,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().path).toEqual(['at']);
    expect((await list(DUTY)).json().items.length).toBe(before);
  });

  it('given check-ins of three workers on two grids, then each role lists what it may: own, grid, town, none', async () => {
    for (const w of [RIDER, OTHER_GRID_WORKER])
      expect((await post(w, { dutyId: 'dailyPatrol', kind: 'patrol' })).statusCode).toBe(201);
    expect(ids(await list(WORKER))).toEqual([WORKER]);
    expect(ids(await list(RIDER))).toEqual([RIDER]);
    expect((await list(WORKER, `?worker=${RIDER}`)).statusCode).toBe(403);
    expect(ids(await list(CHIEF))).toEqual([RIDER, WORKER]);
    expect((await list(CHIEF, '?grid=qj-sj-c1-g2')).statusCode).toBe(403);
    expect(ids(await list(DUTY))).toEqual([RIDER, WORKER, OTHER_GRID_WORKER]);
    expect(ids(await list(DUTY, '?grid=qj-sj-c1-g2'))).toEqual([OTHER_GRID_WORKER]);
    expect((await list(OTHER_TOWN_DUTY)).json().items).toEqual([]);
    expect((await list(OTHER_TOWN_DUTY, '?town=qj-sj')).statusCode).toBe(403);
    expect((await list(RESIDENT)).statusCode).toBe(403);
  });

  it('given a note with a phone and an ID-card number, then the worker reads it in clear and the duty officer masked', async () => {
    const note = '回访王大爷 13812345678，身份证 11010519491231002X';
    const res = await post(WORKER, {
      dutyId: 'serveResidents',
      kind: 'visit',
      household: '11-2-302',
      note,
    });
    expect(res.json().record.note).toBe(note);
    const id = res.json().record.id;
    const mine = (await list(WORKER, `?id=${id}`)).json().items[0];
    expect(mine.note).toBe(note);
    const theirs = (await list(DUTY, `?id=${id}`)).json().items[0];
    expect(theirs.note).toBe('回访王大爷 138****5678，身份证 1101**********002X');
  });

  it('given the OpenAPI document, then both routes and the CheckInRecord schema are in it', async () => {
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(spec.paths['/api/check-ins'])).toEqual(['post', 'get']);
    expect(spec.components.schemas.CheckInRecord).toBeDefined();
  });
});
