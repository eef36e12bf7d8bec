import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import {
  migrate,
  migrations,
  PgStore,
  pgliteDriver,
  SCHEMA_VERSION,
  SchemaTooNew,
} from '../src/index.js';

const db = await PGlite.create('memory://');
afterAll(() => db.close());

describe('migrations', () => {
  it('given a new database, then open applies every migration once and records the version', async () => {
    const driver = await pgliteDriver(db);
    await PgStore.open(driver);
    expect(await migrate(driver)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    const rows = await driver.query<{ version: number }>(
      'SELECT version FROM schema_version ORDER BY version',
    );
    expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    expect(rows.at(-1)?.version).toBe(SCHEMA_VERSION);
  });

  it('given a database from newer code, then open refuses it in Chinese and English and changes nothing', async () => {
    const driver = await pgliteDriver(db);
    await driver.query(
      `INSERT INTO schema_version (version, name) VALUES (${SCHEMA_VERSION + 1}, 'future')`,
    );
    const error = await PgStore.open(driver).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaTooNew);
    const e = error as SchemaTooNew;
    expect(e.found).toBe(SCHEMA_VERSION + 1);
    expect(e.zh).toContain('请升级 @zhizhi/server');
    expect(e.en).toContain('newer than this code knows');
    expect(e.message).toContain(e.zh);
    expect(e.message).toContain(e.en);
    const rows = await driver.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_version');
    expect(rows[0]?.n).toBe(migrations.length + 1);
  });
});
