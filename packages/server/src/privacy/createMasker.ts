import type { AuditEntry, CaseRecord, InstanceRecord, Member, ScenarioRecord } from '@zhizhi/core';
import type { LocalClient } from '@zhizhi/core/client';
import type { CheckInRecord } from '@zhizhi/core/duty';
import {
  maskAuditEntry,
  maskCaseRecord,
  maskChange,
  maskCheckIn,
  maskInstance,
  piiFieldsOf,
} from '@zhizhi/core/privacy';
import type { Change } from '@zhizhi/core/runtime';

const NONE: ReadonlySet<string> = new Set();

/**
 * How the server masks what it sends: every read path goes through one of these, and they
 * go through `@zhizhi/core/privacy`. The `pii` fields of an instance come from its scenario's
 * definition (an instance never changes version, so the answer is kept per instance).
 */
export interface Masker {
  /** The personal fields (`pii`) of a record's scenario; empty for a case. */
  piiOf(record: InstanceRecord): Promise<ReadonlySet<string>>;
  record<R extends InstanceRecord>(record: R, viewer: Member): Promise<R>;
  trail(record: InstanceRecord, trail: AuditEntry[], viewer: Member): Promise<AuditEntry[]>;
  entry(record: InstanceRecord, entry: AuditEntry, viewer: Member): Promise<AuditEntry>;
  change(change: Change, viewer: Member): Promise<Change>;
  /** A check-in: numbers in its note and address masked except for its worker. */
  checkIn(record: CheckInRecord, viewer: Member): Promise<CheckInRecord>;
}

/** The server's {@link Masker} over its client. */
export function createMasker(client: LocalClient, cacheSize = 10_000): Masker {
  const byDefinition = new Map<string, ReadonlySet<string>>();
  const byInstance = new Map<string, ReadonlySet<string>>();

  async function ofDefinition(id: string, version: string): Promise<ReadonlySet<string>> {
    const key = `${id}@${version}`;
    let set = byDefinition.get(key);
    if (!set) {
      const def = await client.definition(id, version);
      set = def ? piiFieldsOf(def.doc as Parameters<typeof piiFieldsOf>[0]) : NONE;
      byDefinition.set(key, set);
    }
    return set;
  }

  async function piiOf(record: InstanceRecord): Promise<ReadonlySet<string>> {
    if (record.kind !== 'scenario') return NONE;
    return ofDefinition(record.scenario.id, record.scenario.version);
  }

  async function piiOfInstance(instanceId: string): Promise<ReadonlySet<string>> {
    let set = byInstance.get(instanceId);
    if (!set) {
      const record = await client.getInstance(instanceId);
      set = record ? await piiOf(record) : NONE;
      if (byInstance.size >= cacheSize) byInstance.clear();
      byInstance.set(instanceId, set);
    }
    return set;
  }

  return {
    piiOf,
    async record<R extends InstanceRecord>(record: R, viewer: Member): Promise<R> {
      if (record.kind === 'case') return maskCaseRecord(record as CaseRecord, viewer) as R;
      return maskInstance(record as ScenarioRecord, await piiOf(record)) as R;
    },
    async trail(record, trail, viewer) {
      const pii = await piiOf(record);
      return trail.map((e) => maskAuditEntry(e, viewer, pii));
    },
    async entry(record, entry, viewer) {
      return maskAuditEntry(entry, viewer, await piiOf(record));
    },
    async change(change, viewer) {
      const pii = change.kind === 'scenario' ? await piiOfInstance(change.instanceId) : NONE;
      return maskChange(change, viewer, pii);
    },
    async checkIn(record, viewer) {
      return maskCheckIn(record, viewer);
    },
  };
}
