// globalSetup of the `deploy` project: a real zhizhi server (`startServer` on a temp PGlite
// folder, demo mode, the five built-in scenarios deployed at start) for the deploy test in
// Chromium, and a duty officer's demo token. The test page is served by vitest on its own
// origin, so the server allows local origins (CORS) — test only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type StartedServer, startServer } from '@zhizhi/server';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    server: { url: string; token: string };
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'designer-deploy-'));
  let server: StartedServer | undefined;
  try {
    server = await startServer({
      port: 0,
      dataDir: dir,
      demo: true,
      log: () => {},
      tickMs: 0,
      lang: 'en',
      corsOrigins: [/^http:\/\/(localhost|127\.0\.0\.1):\d+$/ as unknown as string],
    });
    const r = await fetch(`${server.url}/api/demo/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ memberId: 'qj-sj-duty' }),
    });
    const { token } = (await r.json()) as { token: string };
    project.provide('server', { url: server.url, token });
  } catch (e) {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
