import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type StartedServer, startServer } from '../src/index.js';

const dataDir = mkdtempSync(join(tmpdir(), 'zhizhi-start-'));
const lines: string[] = [];
const start = () =>
  startServer({ port: 0, dataDir, log: (l) => lines.push(l), tickMs: 0, lang: 'en' });
let server: StartedServer | undefined;

afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const WORKER = 'qj-sj-c1-g1-worker';
const DUTY = 'qj-sj-duty';
const OTHER_RESIDENT = 'qj-sj-c2-g1-resident';

async function token(url: string, memberId: string) {
  const res = await fetch(`${url}/api/demo/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ memberId }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { token: string; member: { id: string; role: string } };
}

const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

async function caseIds(url: string, t: string) {
  const res = await fetch(`${url}/api/cases`, { headers: bearer(t) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { id: string }[] }).items.map((c) => c.id);
}

describe('startServer', () => {
  let caseId = '';
  let workerToken = '';

  it('migrates a fresh PGlite folder, deploys the built-in scenarios and serves the demo page with a strict CSP', async () => {
    server = await start();
    const { url } = server;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines).toContain('Applied migration 0001 initial');
    expect(lines).toContain('Applied migration 0002 access log');
    expect(lines).toContain('Built-in scenarios: 5 deployed now, 0 already there');
    expect(lines).toContain(`Demo page: ${url}/`);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).toContain('<script type="module" src="/demo.js"></script>');
    expect(html).not.toMatch(/<script>|onclick=|style=/);
    const js = await fetch(`${url}/demo.js`);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(await js.text()).not.toContain('innerHTML');
    // an icon file, since the CSP allows no data: images (a missing one is a console error)
    const icon = await fetch(`${url}/favicon.svg`);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    const secret = statSync(join(dataDir, 'jwt-secret'));
    expect(secret.mode & 0o777).toBe(0o600);
  });

  it('hands out demo tokens for members of different roles; a case reported by the grid worker is seen by the duty officer, not by a resident of another grid', async () => {
    const { url } = server as StartedServer;
    const worker = await token(url, WORKER);
    const duty = await token(url, DUTY);
    const resident = await token(url, OTHER_RESIDENT);
    expect([worker.member.role, duty.member.role, resident.member.role]).toEqual([
      'gridWorker',
      'dutyOfficer',
      'resident',
    ]);
    workerToken = worker.token;
    const res = await fetch(`${url}/api/cases`, {
      method: 'POST',
      headers: { ...bearer(worker.token), 'content-type': 'application/json' },
      body: JSON.stringify({
        gridId: 'qj-sj-c1-g1',
        category: 'riverPollution',
        severity: 'medium',
        title: '河道漂浮物',
      }),
    });
    expect(res.status).toBe(201);
    caseId = ((await res.json()) as { record: { id: string } }).record.id;
    expect(await caseIds(url, duty.token)).toContain(caseId);
    expect(await caseIds(url, resident.token)).not.toContain(caseId);
  });

  it('turns the sensor simulator on over the demo endpoint', async () => {
    const { url } = server as StartedServer;
    const duty = await token(url, DUTY);
    const res = await fetch(`${url}/api/demo/simulator`, {
      method: 'POST',
      headers: { ...bearer(duty.token), 'content-type': 'application/json' },
      body: JSON.stringify({ on: true }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { on: boolean }).on).toBe(true);
    const sim = (server as StartedServer).simulator;
    sim.stop();
    // the 2nd round is a level-1 leakage at the elderly-care center (the 1st may still be running)
    for (let i = 0; i < 50 && sim.stats.leaks === 0; i++) {
      await sim.round();
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(sim.stats.leaks).toBe(1);
    const { items } = await (server as StartedServer).app.zhizhi.client.listInstances();
    expect(items.map((r) => r.scenario.id)).toContain('electrical-fire');
  });

  it('restarts on the same data folder with the case and the same JWT secret', async () => {
    const secret = readFileSync(join(dataDir, 'jwt-secret'), 'utf8');
    await server?.close();
    lines.length = 0;
    server = await start();
    expect(lines).toContain(`Database schema at version ${SCHEMA_VERSION}, no migration needed`);
    expect(lines).toContain('Built-in scenarios: 0 deployed now, 5 already there');
    expect(readFileSync(join(dataDir, 'jwt-secret'), 'utf8')).toBe(secret);
    // the token signed before the restart still works
    const res = await fetch(`${server.url}/api/cases/${caseId}`, { headers: bearer(workerToken) });
    expect(res.status).toBe(200);
  });

  it('close() lets an in-flight request finish and ends an open SSE stream', async () => {
    const s = server as StartedServer;
    const { token: t } = await token(s.url, WORKER);
    const stream = await fetch(`${s.url}/api/stream`, { headers: bearer(t) });
    expect(stream.status).toBe(200);
    const body = JSON.stringify({
      gridId: 'qj-sj-c1-g1',
      category: 'riverPollution',
      severity: 'low',
      title: 'in flight',
    });
    const { hostname, port } = new URL(s.url);
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          hostname,
          port,
          method: 'POST',
          path: '/api/cases',
          headers: {
            ...bearer(t),
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (c) => {
            text += c;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.flushHeaders();
      // half the body now, the rest once the server is closing
      req.write(body.slice(0, 10));
      setTimeout(() => {
        closing = s.close();
        setTimeout(() => req.end(body.slice(10)), 150);
      }, 150);
    });
    let closing: Promise<void> | undefined;
    const t0 = Date.now();
    const got = await answer;
    expect(got.status, got.text).toBe(201);
    const reader = stream.body?.getReader();
    // the stream ends: read until done
    for (;;) {
      const r = await reader?.read();
      if (!r || r.done) break;
    }
    await closing;
    expect(Date.now() - t0).toBeLessThan(3000);
    server = undefined;
    expect(lines.at(-1)).toBe('Stopped');
  });
});
