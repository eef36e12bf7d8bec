import type { AddressInfo } from 'node:net';
import { SimulatedClock } from '@zhizhi/core';
import { sampleDutyLists, sampleOrg, sampleSlaPolicy } from '@zhizhi/core/sample';
import { createServer, PgStore, pgliteDriver } from '@zhizhi/server';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A real zhizhi server (in-memory PGlite, demo tokens, CORS for the test page). */
    zhizhiServer: string;
  }
}

/** Starts one zhizhi server for the browser tests; they reach it over HTTP and SSE. */
export default async function setup(project: TestProject) {
  const store = await PgStore.open(await pgliteDriver('memory'));
  const app = await createServer({
    directory: sampleOrg,
    store,
    clock: new SimulatedClock('2026-09-01T08:00:00+08:00'),
    slaPolicy: sampleSlaPolicy,
    dutyLists: sampleDutyLists,
    demo: true,
    tickMs: 0,
    rateLimit: false,
    stream: { pollMs: 25, retryMs: 50 },
    cors: { origins: [/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/] },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  project.provide('zhizhiServer', `http://127.0.0.1:${port}`);
  return async () => {
    await app.close();
    await store.driver.close();
  };
}
