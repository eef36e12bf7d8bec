import { PGlite } from '@electric-sql/pglite';
import type { LocalClient } from '@zhizhi/core/client';
import { SignJWT } from 'jose';
import { createServer, PgStore, pgliteDriver, type ZhizhiServer } from '../src/index.js';
import { localClient } from './clients.js';

export const SECRET = 'test-secret-test-secret-test-secret-0123';
const key = new TextEncoder().encode(SECRET);

/** A signed HS256 token for a member. */
export const tokenFor = (sub: string) =>
  new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setExpirationTime('1h')
    .sign(key);

export const DUTY = 'qj-sj-duty';
export const WORKER = 'qj-sj-c1-g1-worker';
export const RESIDENT = 'qj-sj-c1-g1-resident';
export const DEPT = 'qj-cgj-staff';

/** A server over PgStore on a fresh in-memory PGlite, with the sample org and a simulated clock. */
export async function testServer(options: Parameters<typeof createServer>[0] = {}) {
  const db = await PGlite.create('memory://');
  const store = await PgStore.open(await pgliteDriver(db));
  const { client, clock } = localClient(store);
  const app = await createServer({
    client,
    auth: { secret: SECRET },
    tickMs: 0,
    ...options,
  });
  const tokens = new Map<string, string>();
  const auth = async (member: string) => {
    let t = tokens.get(member);
    if (!t) {
      t = await tokenFor(member);
      tokens.set(member, t);
    }
    return { authorization: `Bearer ${t}` };
  };
  return {
    app: app as ZhizhiServer,
    client: client as LocalClient,
    clock,
    store,
    auth,
    async close() {
      await app.close();
      await client.close();
      await db.close();
    },
  };
}

export const reportBody = (title: string, gridId = 'qj-sj-c1-g1') => ({
  gridId,
  category: 'riverPollution',
  severity: 'medium',
  title,
});
