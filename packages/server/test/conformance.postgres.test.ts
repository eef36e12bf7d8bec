import { clientConformance, type TestApi } from '@zhizhi/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { PgStore, pgDriver } from '../src/index.js';
import { underTest } from './clients.js';
import { freshSchema, postgresAvailable } from './services.js';

const available = await postgresAvailable('conformance.postgres.test.ts');
const space = available ? await freshSchema('conf') : undefined;
afterAll(() => space?.drop());

describe.skipIf(!available)('PostgreSQL', () => {
  clientConformance(
    'LocalClient over PgStore on PostgreSQL (pg)',
    async () => {
      const s = space as NonNullable<typeof space>;
      // an empty schema per test: the file's schema is dropped and made again
      const pool = s.pool(4);
      await pool.query(`DROP SCHEMA IF EXISTS ${s.schema} CASCADE; CREATE SCHEMA ${s.schema};`);
      const store = await PgStore.open(pgDriver(pool));
      return underTest(store, () => pool.end());
    },
    { describe, it, expect } as unknown as TestApi,
  );
});
