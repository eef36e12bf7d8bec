import pg from 'pg';

/** Where the tests find PostgreSQL (trust auth on the developers' and CI machines). */
export const PG_URL = process.env.ZHIZHI_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REQUIRED = process.env.ZHIZHI_REQUIRE_SERVICES === '1';

/**
 * Whether PostgreSQL answers. Unreachable: a loud warning and the caller skips, unless
 * `ZHIZHI_REQUIRE_SERVICES=1` (CI), where it throws so that the run fails.
 */
export async function postgresAvailable(file: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  let ok = false;
  try {
    await client.connect();
    await client.query('SELECT 1');
    ok = true;
  } catch {
    ok = false;
  } finally {
    await client.end().catch(() => undefined);
  }
  if (ok) return true;
  const msg = `PostgreSQL is not reachable at ${PG_URL}`;
  if (REQUIRED) throw new Error(`${msg} and ZHIZHI_REQUIRE_SERVICES=1: failing ${file}`);
  console.warn(
    `\n⚠️  ${msg}: SKIPPING the PostgreSQL tests of ${file}.\n` +
      '   Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n',
  );
  return false;
}

/** A schema of this file's own, emptied per test, dropped at the end. */
export function schemaFor(tag: string) {
  const schema = `zz_${tag}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  return {
    schema,
    /** An empty schema and a pool whose connections use it. */
    async fresh(max = 4): Promise<pg.Pool> {
      await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema};`);
      return new pg.Pool({ connectionString: PG_URL, max, options: `-c search_path=${schema}` });
    },
    drop: () => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  };
}
