import { PGlite } from '@electric-sql/pglite';
import { clientConformance, type TestApi } from '@zhizhi/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { PgStore, pgliteDriver } from '../src/index.js';
import { underTest } from './clients.js';

// one in-memory PGlite for the file (starting one costs ~2 s); every test gets an empty schema
const db = await PGlite.create('memory://');
afterAll(() => db.close());

clientConformance(
  'LocalClient over PgStore on PGlite (in memory)',
  async () => {
    await db.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
    const store = await PgStore.open(await pgliteDriver(db));
    return underTest(store, () => store.close());
  },
  { describe, it, expect } as unknown as TestApi,
);
