import { initial } from './0001_initial.js';
import { accessLog } from './0002_access_log.js';
import { checkIns } from './0003_check_ins.js';
import { photos } from './0004_photos.js';
import { oneTripCommit } from './0005_one_trip_commit.js';
import { groupCommit } from './0006_group_commit.js';

/** One schema step: applied once, in order, inside the transaction that records it. */
export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

/** Every migration the code knows, oldest first; the last one's `version` is the schema's. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', statements: initial },
  { version: 2, name: 'access log', statements: accessLog },
  { version: 3, name: 'check-ins', statements: checkIns },
  { version: 4, name: 'photos', statements: photos },
  { version: 5, name: 'one-trip commit', statements: oneTripCommit },
  { version: 6, name: 'group commit', statements: groupCommit },
];

/** The newest schema version this code knows. */
export const SCHEMA_VERSION: number = migrations.at(-1)?.version ?? 0;
