import { builtInScenarios } from '@zhizhi/core/sample';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUTY, reportBody, testServer, WORKER } from './http.helpers.js';

let t: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  t = await testServer();
});
afterAll(() => t.close());

describe('ids of the other kind', () => {
  it('answers 404, not 5xx, for an instance id under /api/cases and a case id under /api/instances', async () => {
    const headers = await t.auth(DUTY);
    const band = builtInScenarios.find((d) => d.id === 'elderly-health-band');
    await t.app.inject({
      method: 'PUT',
      url: '/api/scenarios/elderly-health-band',
      headers,
      payload: band,
    });
    const inst = await t.app.inject({
      method: 'POST',
      url: '/api/scenarios/elderly-health-band/instances',
      headers,
      payload: { trigger: 'manual', gridId: 'qj-sj-c1-g1' },
    });
    const instanceId = inst.json().record.id as string;
    const c = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: await t.auth(WORKER),
      payload: reportBody('kind'),
    });
    const caseId = c.json().record.id as string;
    for (const url of [
      `/api/cases/${encodeURIComponent(instanceId)}`,
      `/api/cases/${encodeURIComponent(instanceId)}/actions`,
      `/api/cases/${encodeURIComponent(instanceId)}/audit/verify`,
      `/api/instances/${encodeURIComponent(caseId)}`,
    ]) {
      const res = await t.app.inject({ url, headers });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(404);
    }
    const send = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${encodeURIComponent(instanceId)}/events`,
      headers,
      payload: { type: 'ACCEPT' },
    });
    expect(send.statusCode).toBe(404);
    const cmd = await t.app.inject({
      method: 'POST',
      url: `/api/instances/${encodeURIComponent(caseId)}/commands`,
      headers,
      payload: { type: 'SIGNAL', name: 'x' },
    });
    expect(cmd.statusCode).toBe(404);
  });
});
