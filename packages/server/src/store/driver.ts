import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Something SQL can be sent to: a driver, or the connection of a running transaction. */
export interface Queryable {
  /** Runs one statement with `$1…` parameters and returns its rows. */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

/**
 * The little a {@link PgStore} needs of a PostgreSQL connection: single statements, and a
 * transaction that commits when `fn` resolves and rolls back when it throws.
 *
 * @example
 * ```ts
 * import { pgliteDriver } from '@zhizhi/server';
 * const driver = await pgliteDriver('memory');
 * const [row] = await driver.query<{ one: number }>('SELECT 1 AS one');
 * await driver.close();
 * ```
 */
export interface Driver extends Queryable {
  /** `pglite` or `pg`. */
  readonly name: string;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Releases what the driver opened itself (a pool passed in is left open). */
  close(): Promise<void>;
}

/**
 * A driver over embedded PGlite (PostgreSQL compiled to WASM, one connection): `'memory'` for
 * a throw-away database, or a directory that keeps the data across restarts.
 *
 * @example
 * ```ts
 * import { pgliteDriver, PgStore } from '@zhizhi/server';
 * const store = await PgStore.open(await pgliteDriver('./data/town'));
 * ```
 */
export async function pgliteDriver(
  dataDir: string | 'memory' | PGlite = 'memory',
): Promise<Driver> {
  const owned = !(dataDir instanceof PGlite);
  const db =
    dataDir instanceof PGlite
      ? dataDir
      : await PGlite.create(dataDir === 'memory' ? 'memory://' : dataDir);
  const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<R>(sql: string, params?: readonly unknown[]) {
      const result = await q.query<R>(sql, params as unknown[] | undefined);
      return result.rows;
    },
  });
  const direct = wrap(db);
  return {
    name: 'pglite',
    query: direct.query,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    async close() {
      if (owned && !db.closed) await db.close();
    },
  };
}

/**
 * A driver over `pg` against a PostgreSQL server: a connection string or pool settings (a pool
 * is made and closed with the driver), or a `pg.Pool` you own.
 *
 * @example
 * ```ts
 * import { pgDriver, PgStore } from '@zhizhi/server';
 * const store = await PgStore.open(pgDriver('postgres://postgres@127.0.0.1:5432/zhizhi'));
 * ```
 */
export function pgDriver(target: string | pg.PoolConfig | pg.Pool): Driver {
  const owned = !(target instanceof pg.Pool);
  const pool =
    target instanceof pg.Pool
      ? target
      : new pg.Pool(typeof target === 'string' ? { connectionString: target } : target);
  return {
    name: 'pg',
    async query<R>(sql: string, params?: readonly unknown[]) {
      const result = await pool.query(sql, params as unknown[] | undefined);
      return result.rows as R[];
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const value = await fn({
          async query<R>(sql: string, params?: readonly unknown[]) {
            const result = await client.query(sql, params as unknown[] | undefined);
            return result.rows as R[];
          },
        });
        await client.query('COMMIT');
        return value;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true; // the connection is gone: do not return it to the pool
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async close() {
      if (owned) await pool.end();
    },
  };
}
