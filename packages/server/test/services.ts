import pg from 'pg';
import { PgStore, pgDriver } from '../src/index.js';

/** Where the tests find PostgreSQL (trust auth on the developers' and CI machines). */
export const PG_URL = process.env.ZHIZHI_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REQUIRED = process.env.ZHIZHI_REQUIRE_SERVICES === '1';

let reachable: Promise<boolean> | undefined;

/**
 * Whether PostgreSQL answers. Unreachable: a loud warning and the caller skips, unless
 * `ZHIZHI_REQUIRE_SERVICES=1` (CI), where it throws so that the run fails.
 */
export function postgresAvailable(file: string): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable.then((ok) => {
    if (ok) return true;
    const msg = `PostgreSQL is not reachable at ${PG_URL}`;
    if (REQUIRED) throw new Error(`${msg} and ZHIZHI_REQUIRE_SERVICES=1: failing ${file}`);
    console.warn(
      `\n⚠️  ${msg}: SKIPPING the PostgreSQL tests of ${file}.\n` +
        '   Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n',
    );
    return false;
  });
}

/** A fresh schema of its own (dropped by `drop`), and pools whose connections use it. */
export async function freshSchema(tag: string): Promise<{
  schema: string;
  pool(max?: number): pg.Pool;
  open(max?: number): Promise<PgStore>;
  drop(): Promise<void>;
}> {
  const schema = `zz_${tag}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const pools: pg.Pool[] = [];
  const pool = (max = 4) => {
    const p = new pg.Pool({ connectionString: PG_URL, max, options: `-c search_path=${schema}` });
    pools.push(p);
    return p;
  };
  return {
    schema,
    pool,
    open: async (max = 4) => PgStore.open(pgDriver(pool(max))),
    async drop() {
      await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
