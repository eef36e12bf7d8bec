import { readXml, type XmlElement } from '@zhizhi/core/alert';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUTY, RESIDENT, testServer, WORKER } from './http.helpers.js';

let t: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  t = await testServer({ rateLimit: false });
});
afterAll(() => t.close());

const base = '/open311/v2';
const request = (over: Record<string, unknown> = {}) => ({
  service_code: 'riverPollution',
  lat: 28.96,
  long: 106.65,
  address_string: '三角镇河边路 1 号',
  description: '河面漂浮大量垃圾',
  media_url: 'https://example.org/p/1.jpg',
  grid_id: 'qj-sj-c1-g1',
  ...over,
});

const isOpen311Error = (body: unknown, status: number) =>
  Array.isArray(body) &&
  body.length === 1 &&
  body[0].code === status &&
  typeof body[0].description === 'string';

async function post(member: string, body: unknown) {
  return t.app.inject({
    method: 'POST',
    url: `${base}/requests.json`,
    headers: await t.auth(member),
    payload: body as Record<string, unknown>,
  });
}

describe('Open311 GeoReport v2', () => {
  it('lists the services: one per category of the duty lists and the SLA policy', async () => {
    const res = await t.app.inject({ url: `${base}/services.json`, headers: await t.auth(DUTY) });
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as { service_code: string; group: string }[];
    const codes = list.map((s) => s.service_code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'riverPollution',
        'waterlogging',
        'homestayNoise',
        'electricalFire',
        'roadFacilities',
        'streetVendors',
      ]),
    );
    expect(new Set(codes).size).toBe(codes.length);
    expect(list.find((s) => s.service_code === 'riverPollution')).toEqual({
      service_code: 'riverPollution',
      service_name: 'riverPollution',
      description: '经济发展 / Economic development',
      metadata: false,
      type: 'realtime',
      keywords: 'riverPollution,economicDevelopment',
      group: '经济发展',
    });
    expect(list.find((s) => s.service_code === 'roadFacilities')?.group).toBe('区城市管理局');

    const one = await t.app.inject({
      url: `${base}/services/riverPollution.json`,
      headers: await t.auth(DUTY),
    });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual({ service_code: 'riverPollution', attributes: [] });
  });

  it('answers an unknown service code with a 404 in the spec’s error format', async () => {
    const res = await t.app.inject({
      url: `${base}/services/noSuchThing.json`,
      headers: await t.auth(DUTY),
    });
    expect(res.statusCode).toBe(404);
    expect(isOpen311Error(res.json(), 404)).toBe(true);
    expect(res.json()[0].description).toMatch(/^No service noSuchThing.* \/ 服务 noSuchThing/);
    const before = await t.store.lastSeq();
    const created = await post(WORKER, request({ service_code: 'noSuchThing' }));
    expect(created.statusCode).toBe(404);
    expect(isOpen311Error(created.json(), 404)).toBe(true);
    expect(await t.store.lastSeq()).toBe(before);
  });

  it('creates a case the caller reports, which GET /api/cases/{id} shows', async () => {
    const res = await post(WORKER, request());
    expect(res.statusCode, res.body).toBe(201);
    const [created] = res.json();
    expect(Object.keys(created).sort()).toEqual([
      'account_id',
      'service_notice',
      'service_request_id',
    ]);
    expect(created.account_id).toBeNull();
    const got = await t.app.inject({
      url: `/api/cases/${encodeURIComponent(created.service_request_id)}`,
      headers: await t.auth(DUTY),
    });
    expect(got.statusCode, got.body).toBe(200);
    const ctx = got.json().record.context;
    expect(ctx).toMatchObject({
      category: 'riverPollution',
      reporterId: WORKER,
      gridId: 'qj-sj-c1-g1',
      title: '河面漂浮大量垃圾',
      description: '河面漂浮大量垃圾',
      location: { lat: 28.96, lng: 106.65, address: '三角镇河边路 1 号' },
      photos: ['https://example.org/p/1.jpg'],
    });

    const one = await t.app.inject({
      url: `${base}/requests/${encodeURIComponent(created.service_request_id)}.json`,
      headers: await t.auth(DUTY),
    });
    expect(one.statusCode, one.body).toBe(200);
    const arr = one.json();
    expect(arr).toHaveLength(1);
    expect(arr[0]).toMatchObject({
      service_request_id: created.service_request_id,
      status: 'open',
      service_code: 'riverPollution',
      service_name: 'riverPollution',
      description: '河面漂浮大量垃圾',
      address: '三角镇河边路 1 号',
      address_id: null,
      zipcode: null,
      lat: 28.96,
      long: 106.65,
      media_url: 'https://example.org/p/1.jpg',
      agency_responsible: null,
    });
    expect(Date.parse(arr[0].requested_datetime)).toBeGreaterThan(0);
  });

  it('refuses another reporter in the body (403) and keeps the title to 200 chars', async () => {
    const forged = await post(WORKER, { ...request(), reporterId: DUTY });
    expect(forged.statusCode).toBe(403);
    expect(isOpen311Error(forged.json(), 403)).toBe(true);
    const long = await post(WORKER, request({ description: '长'.repeat(300) }));
    expect(long.statusCode, long.body).toBe(201);
    const got = await t.client.getCase(long.json()[0].service_request_id);
    expect(got?.context.title).toHaveLength(200);
    expect(got?.context.description).toHaveLength(300);
  });

  it('filters requests by id list, service code, dates and status; agency from the lead', async () => {
    const a = (await post(WORKER, request({ description: '过滤 A' }))).json()[0]
      .service_request_id as string;
    const b = (
      await post(WORKER, request({ service_code: 'waterlogging', description: '过滤 B' }))
    ).json()[0].service_request_id as string;
    const c = (await post(WORKER, request({ description: '过滤 C' }))).json()[0]
      .service_request_id as string;
    // close c: reject it as invalid at intake
    const headers = await t.auth(DUTY);
    const rej = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${encodeURIComponent(c)}/events`,
      headers,
      payload: { type: 'REJECT', reason: '重复上报' },
    });
    expect(rej.statusCode, rej.body).toBe(200);
    // dispatch a to a post
    await t.app.inject({
      method: 'POST',
      url: `/api/cases/${encodeURIComponent(a)}/events`,
      headers,
      payload: { type: 'ACCEPT' },
    });
    const dis = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${encodeURIComponent(a)}/events`,
      headers,
      payload: { type: 'DISPATCH', lead: { kind: 'post', id: 'qj-sj-czjs' } },
    });
    expect(dis.statusCode, dis.body).toBe(200);

    const list = async (query: string) => {
      const res = await t.app.inject({ url: `${base}/requests.json?${query}`, headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { service_request_id: string; status: string }[];
    };
    const ids = (rs: { service_request_id: string }[]) => rs.map((r) => r.service_request_id);

    const byId = await list(`service_request_id=${encodeURIComponent(`${a},${b}`)}`);
    expect(ids(byId).sort()).toEqual([a, b].sort());
    const aReq = byId.find((r) => r.service_request_id === a) as Record<string, unknown>;
    expect(aReq.agency_responsible).toBe('村镇建设岗');

    const water = await list('service_code=waterlogging');
    expect(ids(water)).toContain(b);
    expect(ids(water)).not.toContain(a);

    const closed = await list('status=closed');
    expect(ids(closed)).toEqual([c]);
    expect(closed[0]?.status).toBe('closed');
    const open = await list('status=open');
    expect(ids(open)).toEqual(expect.arrayContaining([a, b]));
    expect(ids(open)).not.toContain(c);

    const all = await list('');
    expect(ids(all)).toEqual(expect.arrayContaining([a, b, c]));
    const past = await list(`end_date=${encodeURIComponent('2020-01-01T00:00:00Z')}`);
    expect(past).toEqual([]);
    const future = await list(`start_date=${encodeURIComponent('2100-01-01T00:00:00+08:00')}`);
    expect(future).toEqual([]);
    const around = await list(
      `start_date=${encodeURIComponent('2026-08-31T00:00:00+08:00')}&end_date=${encodeURIComponent('2026-09-02T00:00:00+08:00')}`,
    );
    expect(ids(around)).toEqual(expect.arrayContaining([a, b, c]));

    const badDate = await t.app.inject({
      url: `${base}/requests.json?start_date=yesterday`,
      headers,
    });
    expect(badDate.statusCode).toBe(400);
    expect(isOpen311Error(badDate.json(), 400)).toBe(true);
    expect(badDate.json()[0].description).toContain('start_date');
  });

  it('shows another town’s duty officer none of them, and 403 on one of them', async () => {
    const [created] = (await post(WORKER, request({ description: '可见性' }))).json();
    const other = await t.auth('qj-th-duty');
    const list = await t.app.inject({ url: `${base}/requests.json`, headers: other });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([]);
    const byId = await t.app.inject({
      url: `${base}/requests.json?service_request_id=${encodeURIComponent(created.service_request_id)}`,
      headers: other,
    });
    expect(byId.json()).toEqual([]);
    const one = await t.app.inject({
      url: `${base}/requests/${encodeURIComponent(created.service_request_id)}.json`,
      headers: other,
    });
    expect(one.statusCode).toBe(403);
    expect(isOpen311Error(one.json(), 403)).toBe(true);
    // a resident sees only their own
    const mine = (await post(RESIDENT, request({ description: '居民上报' }))).json()[0];
    const res = await t.app.inject({
      url: `${base}/requests.json`,
      headers: await t.auth(RESIDENT),
    });
    expect(res.json().map((r: { service_request_id: string }) => r.service_request_id)).toEqual([
      mine.service_request_id,
    ]);
    const missing = await t.app.inject({
      url: `${base}/requests/nope.json`,
      headers: await t.auth(DUTY),
    });
    expect(missing.statusCode).toBe(404);
    expect(isOpen311Error(missing.json(), 404)).toBe(true);
  });

  it('answers missing grid_id and a bad lat with a 400 naming the field, storing nothing', async () => {
    const before = await t.store.lastSeq();
    const { grid_id: _g, ...noGrid } = request();
    const a = await post(WORKER, noGrid);
    expect(a.statusCode).toBe(400);
    expect(isOpen311Error(a.json(), 400)).toBe(true);
    expect(a.json()[0].description).toContain('grid_id');
    for (const lat of [91, 'north']) {
      const b = await post(WORKER, request({ lat }));
      expect(b.statusCode).toBe(400);
      expect(isOpen311Error(b.json(), 400)).toBe(true);
      expect(b.json()[0].description).toContain('lat');
    }
    const c = await post(WORKER, request({ long: undefined }));
    expect(c.statusCode).toBe(400);
    expect(c.json()[0].description).toContain('long');
    expect(await t.store.lastSeq()).toBe(before);
  });

  it('answers no token with a 401 array error', async () => {
    for (const [method, url] of [
      ['GET', `${base}/services.json`],
      ['GET', `${base}/requests.json`],
      ['POST', `${base}/requests.json`],
    ] as const) {
      const res = await t.app.inject({
        method,
        url,
        ...(method === 'POST' ? { payload: request() } : {}),
      });
      expect(res.statusCode, url).toBe(401);
      expect(isOpen311Error(res.json(), 401)).toBe(true);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it('refuses __proto__ bodies (4xx, array error) and stores nothing', async () => {
    const before = await t.store.lastSeq();
    const headers = { ...(await t.auth(WORKER)), 'content-type': 'application/json' };
    const good = JSON.stringify(request()).slice(0, -1);
    for (const payload of [
      `${good},"__proto__":{"reporterId":"qj-sj-duty"}}`,
      `${good},"constructor":{"prototype":{"x":1}}}`,
      JSON.stringify(request({ service_code: '__proto__' })),
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: `${base}/requests.json`,
        headers,
        payload,
      });
      expect(res.statusCode, payload).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, payload).toBeLessThan(500);
      expect(Array.isArray(res.json())).toBe(true);
      expect(res.json()[0].code).toBe(res.statusCode);
    }
    expect(await t.store.lastSeq()).toBe(before);
    expect(({} as Record<string, unknown>).reporterId).toBeUndefined();
  });

  it('lists the Open311 routes in the OpenAPI document', async () => {
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/open311/v2/services.json', '/open311/v2/requests.json']),
    );
  });
});

describe('Open311 in XML and form encoding', () => {
  /** The XML answer read back with core's safe reader: root name and each item's fields. */
  function xml(body: string) {
    const r = readXml(body);
    if (!r.ok) throw new Error(`not XML: ${JSON.stringify(r)} ${body}`);
    const fieldsOf = (e: XmlElement) =>
      Object.fromEntries(
        e.children.map((c) => [c.name, c.children.length ? c.children.map((x) => x.text) : c.text]),
      );
    return {
      root: r.root.name,
      items: r.root.children.map(fieldsOf),
      rootFields: fieldsOf(r.root),
    };
  }

  it('answers every endpoint in GeoReport v2 XML with the JSON answer’s fields, escaped', async () => {
    const headers = await t.auth(WORKER);
    const services = await t.app.inject({ url: `${base}/services.xml`, headers });
    expect(services.statusCode).toBe(200);
    expect(services.headers['content-type']).toBe('application/xml; charset=utf-8');
    const json = await t.app.inject({ url: `${base}/services.json`, headers });
    const sx = xml(services.body);
    expect(sx.root).toBe('services');
    expect(sx.items.map((s) => s.service_code)).toEqual(
      json.json().map((s: { service_code: string }) => s.service_code),
    );
    expect(sx.items[0]).toEqual(
      Object.fromEntries(Object.entries(json.json()[0]).map(([k, v]) => [k, String(v)])),
    );
    const def = xml(
      (await t.app.inject({ url: `${base}/services/riverPollution.xml`, headers })).body,
    );
    expect(def.root).toBe('service_definition');
    expect(def.rootFields).toEqual({ service_code: 'riverPollution', attributes: '' });

    const nasty = '<b>"&\'</b>]]>\u0001 河面';
    const created = await t.app.inject({
      method: 'POST',
      url: `${base}/requests.xml`,
      headers,
      payload: request({ description: nasty }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const cx = xml(created.body);
    expect(cx.root).toBe('service_requests');
    const id = cx.items[0]?.service_request_id as string;
    expect(cx.items[0]?.account_id).toBe('');
    expect(created.headers.location).toBe(`${base}/requests/${id}.xml`);
    const one = await t.app.inject({ url: `${base}/requests/${id}.xml`, headers });
    const ox = xml(one.body);
    expect(ox.root).toBe('service_requests');
    expect(ox.items[0]?.description).toBe(nasty.replace('\u0001', ''));
    expect(one.body).not.toContain('<b>');
    const asJson = (await t.app.inject({ url: `${base}/requests/${id}.json`, headers })).json()[0];
    expect(ox.items[0]?.service_request_id).toBe(asJson.service_request_id);
    expect(ox.items[0]?.lat).toBe(String(asJson.lat));
    expect(ox.items[0]?.zipcode).toBe('');
    const list = xml(
      (await t.app.inject({ url: `${base}/requests.xml?service_request_id=${id}`, headers })).body,
    );
    expect(list.items.map((r) => r.service_request_id)).toEqual([id]);
  });

  it('answers errors in XML as <errors><error><code/><description/></error></errors>', async () => {
    const headers = await t.auth(WORKER);
    for (const [url, status] of [
      [`${base}/services/nope.xml`, 404],
      [`${base}/requests/nope.xml`, 404],
      [`${base}/requests.xml?start_date=yesterday`, 400],
      [`${base}/nothing.xml`, 404],
    ] as const) {
      const res = await t.app.inject({ url, headers });
      expect(res.statusCode, url).toBe(status);
      expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
      const x = xml(res.body);
      expect(x.root).toBe('errors');
      expect(x.items[0]?.code).toBe(String(status));
      expect(String(x.items[0]?.description).length).toBeGreaterThan(0);
    }
    const anon = await t.app.inject({ url: `${base}/services.xml` });
    expect(anon.statusCode).toBe(401);
    expect(xml(anon.body).items[0]?.code).toBe('401');
  });

  it('takes POST requests form-encoded (the spec’s encoding) as well as JSON, with attribute[...] and checks alike', async () => {
    const headers = {
      ...(await t.auth(WORKER)),
      'content-type': 'application/x-www-form-urlencoded',
    };
    const form = new URLSearchParams({
      service_code: 'riverPollution',
      lat: '28.96',
      long: '106.65',
      description: '表单上报 a&b=c',
      'attribute[grid_id]': 'qj-sj-c1-g1',
      'attribute[severity]': 'high',
      phone: '13912345678',
    }).toString();
    const res = await t.app.inject({
      method: 'POST',
      url: `${base}/requests.json`,
      headers,
      payload: form,
    });
    expect(res.statusCode, res.body).toBe(201);
    const rec = await t.client.getCase(res.json()[0].service_request_id);
    expect(rec?.context).toMatchObject({
      severity: 'high',
      description: '表单上报 a&b=c',
      location: { lat: 28.96, lng: 106.65 },
      reporter: { phone: '13912345678' },
    });
    const before = await t.store.lastSeq();
    for (const [body, path] of [
      ['service_code=riverPollution&lat=north&long=1&grid_id=qj-sj-c1-g1', 'body.lat'],
      ['service_code=riverPollution&address_string=x&grid_id=a&grid_id=b', 'body.grid_id'],
      [
        'service_code=riverPollution&address_string=x&grid_id=qj-sj-c1-g1&__proto__=1',
        'body.__proto__',
      ],
    ] as const) {
      for (const format of ['json', 'xml']) {
        const bad = await t.app.inject({
          method: 'POST',
          url: `${base}/requests.${format}`,
          headers,
          payload: body,
        });
        expect(bad.statusCode, body).toBe(400);
        const description =
          format === 'json' ? bad.json()[0].description : xml(bad.body).items[0]?.description;
        expect(description, body).toContain(path);
      }
    }
    expect(await t.store.lastSeq()).toBe(before);
  });
});
