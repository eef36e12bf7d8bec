import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pgliteDriver } from '@zhizhi/server';
import mqtt from 'mqtt';
import { afterAll, describe, expect, it } from 'vitest';
import { leakageReading, MQTT_URL, mosquittoAvailable } from '../../../scripts/mosquitto.mjs';

const mqttUp = await mosquittoAvailable(mqtt, 'start.test.ts', 'the MQTT test of start.test.ts');
const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(root, 'packages/cli/dist/zhizhi.js');
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'zhizhi-cli-start-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Runs `zhizhi start …`; `exit` settles with the exit code, `output` is what it printed so far. */
function run(args: string[]) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.ZHIZHI_JWT_SECRET;
  const child: ChildProcess = spawn(process.execPath, [cli, 'start', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c) => {
    output += c;
  });
  child.stderr?.on('data', (c) => {
    output += c;
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exit, output: () => output };
}

async function until<T>(what: string, fn: () => T | undefined, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('zhizhi start', () => {
  it('given --port 0, then it prints the real URL, serves the OpenAPI document and exits 0 on SIGTERM', async () => {
    const portal = 'https://portal.example.gov.cn';
    const p = run(['--port', '0', '--data', tmp(), '--lang', 'en', '--cors', portal]);
    try {
      const url = await until('the URL', () => /listening on (http:\/\/\S+)/.exec(p.output())?.[1]);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
      const res = await fetch(`${url}/api/openapi.json`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { openapi: string }).openapi).toBe('3.1.0');
      // the built UI packages of the workspace are served on the same origin, and announced
      const pages = [
        ['/designer', 'Scenario designer'],
        ['/portal', 'Portal example'],
      ] as const;
      for (const [mount, title] of pages) {
        expect(p.output()).toContain(`${title}: ${url}${mount}/`);
        const page = await fetch(`${url}${mount}/`);
        expect(page.status).toBe(200);
        expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
        expect(await page.text()).toMatch(/^<!doctype html>/i);
      }
      // --cors: a portal on its own origin may call the API; another origin is not let in
      const preflight = (origin: string) =>
        fetch(`${url}/api/cases`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST' },
        });
      expect((await preflight(portal)).headers.get('access-control-allow-origin')).toBe(portal);
      const other = await preflight('https://evil.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      // the demo page links them
      const demo = await (await fetch(`${url}/`)).text();
      for (const [mount] of pages) expect(demo).toContain(`<a href="${mount}/">`);
      const widgets = await fetch(`${url}/widgets/zhizhi-widgets.js`);
      expect(widgets.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(await widgets.text()).toContain('customElements');
      const t0 = Date.now();
      p.child.kill('SIGTERM');
      expect(await p.exit).toBe(0);
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(p.output()).toContain('Stopped');
    } finally {
      p.child.kill('SIGKILL');
    }
  });

  it('given a database migrated by newer code, then it refuses it with the zh message and exits 1', async () => {
    const data = tmp();
    mkdirSync(join(data, 'pg'));
    const driver = await pgliteDriver(join(data, 'pg'));
    await driver.query(
      'CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    await driver.query("INSERT INTO schema_version (version, name) VALUES (99, 'future')");
    await driver.close();
    const p = run(['--port', '0', '--data', data]);
    expect(await p.exit).toBe(1);
    expect(p.output()).toContain('数据库结构版本为 99');
    expect(p.output()).not.toContain('listening');
  });

  it('given a bad --port, then it is a usage error (exit 2)', async () => {
    const p = run(['--port', '70000']);
    expect(await p.exit).toBe(2);
    expect(p.output()).toContain('--port');
  });

  it.each([
    'javascript:alert(1)',
    'https://portal.example/path',
    'portal.example',
    'https://a.example,',
  ])('given --cors %s, then it is a usage error (exit 2) naming the option', async (value) => {
    const p = run(['--cors', value]);
    expect(await p.exit).toBe(2);
    expect(p.output()).toContain('--cors');
  });
  it.each([
    [['--mqtt-group', 'zhizhi'], '--mqtt-group'],
    [['--mqtt-prefix', 'city'], '--mqtt-prefix'],
  ])(
    'given %j without --mqtt, then it is a usage error (exit 2) naming both options',
    async (args, option) => {
      const p = run(['--lang', 'en', ...args]);
      expect(await p.exit).toBe(2);
      expect(p.output()).toContain(`${option} needs --mqtt <URL>`);
    },
  );

  it.each([
    ['--mqtt-prefix', 'zhizhi/#'],
    ['--mqtt-group', '$share'],
    ['--mqtt-client-id', 'a b'],
    ['--mqtt-prefix', 'x'.repeat(129)],
    ['--mqtt-group', 'a\u001b[31m'],
  ])(
    'given %s %j, then it is a usage error (exit 2) that names the option and shows the value escaped',
    async (option, value) => {
      const p = run(['--lang', 'en', '--mqtt', 'mqtt://127.0.0.1:1', option, value]);
      expect(await p.exit).toBe(2);
      expect(p.output()).toContain(`${option} must be 1 to 128 letters, digits, _ and -`);
      expect(p.output()).not.toContain('\u001b');
    },
  );

  it.skipIf(!mqttUp)(
    'given --mqtt with --mqtt-prefix, --mqtt-group and --mqtt-client-id, then it subscribes to the shared topic and a level-1 reading published there starts an instance',
    async () => {
      const run8 = randomBytes(4).toString('hex');
      const prefix = `zzcli${run8}`;
      const group = `g${run8}`;
      const clientId = `c${run8}`;
      const p = run([
        ...['--port', '0', '--data', tmp(), '--lang', 'en', '--mqtt', MQTT_URL],
        ...['--mqtt-prefix', prefix, '--mqtt-group', group, '--mqtt-client-id', clientId],
      ]);
      try {
        const url = await until(
          'the URL',
          () => /listening on (http:\/\/\S+)/.exec(p.output())?.[1],
        );
        expect(p.output()).toContain(`subscribed to $share/${group}/${prefix}/+/readings`);
        const { token } = (await (
          await fetch(`${url}/api/demo/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ memberId: 'qj-sj-duty' }),
          })
        ).json()) as { token: string };
        const changes = async () =>
          (
            (await (
              await fetch(`${url}/api/changes?since=0`, {
                headers: { authorization: `Bearer ${token}` },
              })
            ).json()) as { items: { kind: string }[] }
          ).items.filter((c) => c.kind !== 'case').length;
        const before = await changes();
        const publisher = await mqtt.connectAsync(MQTT_URL, { clientId: `${clientId}-pub` });
        await publisher.publishAsync(
          `${prefix}/qj-sj/readings`,
          JSON.stringify(leakageReading(`${run8}-dev`)),
          { qos: 1 },
        );
        await publisher.endAsync();
        let after = before;
        const deadline = Date.now() + 15_000;
        while (after === before && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 100));
          after = await changes();
        }
        expect(after).toBeGreaterThan(before);
        p.child.kill('SIGTERM');
        expect(await p.exit).toBe(0);
      } finally {
        p.child.kill('SIGKILL');
        // drop the persistent session this run left on the broker
        const c = await mqtt.connectAsync(MQTT_URL, { clientId, clean: true });
        await c.endAsync();
      }
    },
    60_000,
  );
});
