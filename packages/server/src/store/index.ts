export {
  type Driver,
  type PgDriverOptions,
  pgDriver,
  pgliteDriver,
  type Queryable,
  type QueryOptions,
} from './driver.js';
export { type Migration, migrations, SCHEMA_VERSION } from './migrations/index.js';
export { migrate, PgStore, type PgStoreOptions, SchemaTooNew } from './PgStore.js';
