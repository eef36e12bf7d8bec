import { PGlite } from '@electric-sql/pglite';
import { clientConformance, type TestApi } from '@zhizhi/core/testing';
import { PgStore, pgliteDriver } from '@zhizhi/server';
import { afterAll, describe, expect, it } from 'vitest';
import { serve } from './helpers.js';

// one in-memory PGlite for the file (starting one costs ~2 s); every test gets an empty schema
const db = await PGlite.create('memory://');
afterAll(() => db.close());

clientConformance(
  'HttpClient on PGlite',
  async () => {
    await db.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
    const store = await PgStore.open(await pgliteDriver(db));
    return serve(store);
  },
  { describe, it, expect } as unknown as TestApi,
);
