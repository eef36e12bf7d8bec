import type { CaseRecord } from '@zhizhi/core';

/**
 * The cases this process committed or read last, by id, at most `max` of them (the least
 * recently used goes first): the event route steps from one of them instead of reading the
 * case again. Only the records the client handed out (a commit's or a read's result) are kept,
 * so the core runtime accepts them as the caller's `record`; a stale one — another process moved
 * the case since — is never applied: its commit fails the version check and the runtime sends
 * the event again on a fresh read, so the answer (a 200 or a 409) is what a fresh read gives.
 * What the route decides from the record itself, the caller's scope, reads only `townId` and
 * `context.reporterId`, which no event changes.
 *
 * @internal
 */
export interface RecentCases {
  get(id: string): CaseRecord | undefined;
  remember(record: CaseRecord): void;
  forget(id: string): void;
  readonly size: number;
}

/** @internal */
export function createRecentCases(max = 10_000): RecentCases {
  const byId = new Map<string, CaseRecord>();
  return {
    get(id) {
      const record = byId.get(id);
      if (record !== undefined) {
        // most recently used last: the first key is the one to drop
        byId.delete(id);
        byId.set(id, record);
      }
      return record;
    },
    remember(record) {
      if (max <= 0) return;
      const known = byId.get(record.id);
      // a commit answered late must not replace a newer version read or committed since
      if (known !== undefined && known.version > record.version) return;
      byId.delete(record.id);
      byId.set(record.id, record);
      if (byId.size > max) byId.delete(byId.keys().next().value as string);
    },
    forget(id) {
      byId.delete(id);
    },
    get size() {
      return byId.size;
    },
  };
}
