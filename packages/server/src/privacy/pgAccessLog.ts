import type { Driver } from '../store/driver.js';
import { type AccessEntry, type AccessLog, sealAccessEntry } from './AccessLog.js';

/**
 * The access log in the `access_log` table. An append is one transaction that takes a
 * transaction-scoped advisory lock on its town (so entries of one town are chained one after
 * the other by every process), reads the town's last entry and inserts the next.
 *
 * @example
 * ```ts
 * import { pgAccessLog, pgliteDriver, PgStore } from '@zhizhi/server';
 * const store = await PgStore.open(await pgliteDriver('memory'));
 * const log = pgAccessLog(store.driver);
 * ```
 */
export function pgAccessLog(driver: Driver): AccessLog {
  return {
    append(input) {
      return driver.transaction(async (tx) => {
        await tx.query(
          `SELECT pg_advisory_xact_lock(hashtext('zhizhi.access_log'), hashtext($1))`,
          [input.townId],
        );
        const [last] = await tx.query<{ entry: AccessEntry }>(
          'SELECT entry FROM access_log WHERE town_id = $1 ORDER BY seq DESC LIMIT 1',
          [input.townId],
        );
        const entry = sealAccessEntry(input, last?.entry);
        await tx.query(
          'INSERT INTO access_log (town_id, seq, instance_id, entry) VALUES ($1, $2, $3, $4::jsonb)',
          [entry.townId, entry.seq, entry.instanceId, JSON.stringify(entry)],
        );
        return entry;
      });
    },
    async list(townId, options = {}) {
      const limit = options.limit ?? 1000;
      const rows =
        options.instanceId === undefined
          ? await driver.query<{ entry: AccessEntry }>(
              'SELECT entry FROM (SELECT seq, entry FROM access_log WHERE town_id = $1 ORDER BY seq DESC LIMIT $2) t ORDER BY seq',
              [townId, limit],
            )
          : await driver.query<{ entry: AccessEntry }>(
              'SELECT entry FROM (SELECT seq, entry FROM access_log WHERE town_id = $1 AND instance_id = $2 ORDER BY seq DESC LIMIT $3) t ORDER BY seq',
              [townId, options.instanceId, limit],
            );
      return rows.map((r) => r.entry);
    },
  };
}
