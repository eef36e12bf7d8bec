export { type Driver, pgDriver, pgliteDriver, type Queryable } from './driver.js';
export { type Migration, migrations, SCHEMA_VERSION } from './migrations/index.js';
export { migrate, PgStore, type PgStoreOptions, SchemaTooNew } from './PgStore.js';
