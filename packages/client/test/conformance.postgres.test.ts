import { clientConformance, type TestApi } from '@zhizhi/core/testing';
import { PgStore, pgDriver } from '@zhizhi/server';
import { afterAll, describe, expect, it } from 'vitest';
import { serve } from './helpers.js';
import { postgresAvailable, schemaFor } from './services.js';

const available = await postgresAvailable('conformance.postgres.test.ts');
const space = available ? schemaFor('hclient') : undefined;
afterAll(() => space?.drop());

describe.skipIf(!available)('PostgreSQL', () => {
  clientConformance(
    'HttpClient on PostgreSQL',
    async () => {
      const pool = await (space as NonNullable<typeof space>).fresh();
      const store = await PgStore.open(pgDriver(pool));
      return serve(store, () => pool.end());
    },
    { describe, it, expect } as unknown as TestApi,
  );
});
