import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * How one statement is sent.
 *
 * @example
 * ```ts
 * import type { QueryOptions } from '@zhizhi/server';
 * const hot: QueryOptions = { prepare: true };
 * ```
 */
export interface QueryOptions {
  /**
   * Parse and plan the statement once per connection and reuse it (a named prepared statement,
   * named after its text): for a fixed text sent on every commit. The `pg` driver honours it
   * unless made with `prepare: false`; PGlite ignores it.
   */
  prepare?: boolean;
}

/** Something SQL can be sent to: a driver, or the connection of a running transaction. */
export interface Queryable {
  /** Runs one statement with `$1…` parameters and returns its rows. */
  query<R = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<R[]>;
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
 * Options of {@link pgDriver}.
 *
 * @example
 * ```ts
 * import { pgDriver, type PgDriverOptions } from '@zhizhi/server';
 * // behind a connection pooler that cannot keep prepared statements per session
 * const options: PgDriverOptions = { prepare: false };
 * const driver = pgDriver('postgres://postgres@127.0.0.1:6432/zhizhi', options);
 * ```
 */
export interface PgDriverOptions {
  /**
   * Honour {@link QueryOptions.prepare} (default `true`): the store's commit statement is then
   * parsed and planned once per connection instead of on every commit. Turn it off behind a
   * pooler in transaction mode that does not track prepared statements (PgBouncer before 1.21,
   * or with `max_prepared_statements = 0`).
   */
  prepare?: boolean;
}

/** The name of the prepared statement for `sql`: the same text gives the same name. */
const preparedNames = new Map<string, string>();
function preparedName(sql: string): string {
  let name = preparedNames.get(sql);
  if (name === undefined) {
    name = `zz_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    preparedNames.set(sql, name);
  }
  return name;
}

/** One statement on a pool or a connection, as a named prepared statement when `prepared`. */
async function run<R>(
  on: pg.Pool | pg.PoolClient,
  sql: string,
  params: readonly unknown[] | undefined,
  prepared: boolean,
): Promise<R[]> {
  const values = params as unknown[] | undefined;
  const result = prepared
    ? await on.query({ name: preparedName(sql), text: sql, values })
    : await on.query(sql, values);
  return result.rows as R[];
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
export function pgDriver(
  target: string | pg.PoolConfig | pg.Pool,
  options: PgDriverOptions = {},
): Driver {
  const owned = !(target instanceof pg.Pool);
  const pool =
    target instanceof pg.Pool
      ? target
      : new pg.Pool(typeof target === 'string' ? { connectionString: target } : target);
  const prepare = options.prepare ?? true;
  return {
    name: 'pg',
    async query<R>(sql: string, params?: readonly unknown[], how?: QueryOptions) {
      return run<R>(pool, sql, params, prepare && how?.prepare === true);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const value = await fn({
          async query<R>(sql: string, params?: readonly unknown[], how?: QueryOptions) {
            return run<R>(client, sql, params, prepare && how?.prepare === true);
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
