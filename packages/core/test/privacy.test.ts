import { describe, expect, it } from 'vitest';
import { LocalClient } from '../src/client.js';
import { replayCaseTrail } from '../src/engine/replayCaseTrail.js';
import { Directory, SimulatedClock } from '../src/index.js';
import {
  isResidentIdNumber,
  maskAuditEntry,
  maskCaseRecord,
  maskChange,
  maskIdCard,
  maskInstance,
  maskPhone,
  maySeePersonalData,
  PII_MASK,
  personalFieldsOf,
  piiFieldsOf,
} from '../src/privacy.js';
import { MemoryStore } from '../src/runtime.js';
import {
  builtInScenarios,
  sampleDutyLists,
  sampleOrg,
  sampleSlaPolicy,
} from '../src/sample/index.js';

const org = new Directory(sampleOrg);
const member = (id: string) => {
  const m = org.member(id);
  if (!m) throw new Error(id);
  return m;
};
const WORKER = 'qj-sj-c1-g1-worker';
const ID = '11010519491231002X';
const contact = { name: '王女士', phone: '13812345678', idCard: ID };

function newClient() {
  return new LocalClient({
    directory: org,
    store: new MemoryStore(),
    clock: new SimulatedClock('2026-09-01T08:00:00+08:00'),
    slaPolicy: sampleSlaPolicy,
    dutyLists: sampleDutyLists,
  });
}
const report = (extra: object = {}) => ({
  gridId: 'qj-sj-c1-g1',
  reporterId: WORKER,
  category: 'riverPollution',
  severity: 'medium' as const,
  title: '河道漂浮物',
  ...extra,
});

describe('masks', () => {
  it('keep the ends of a phone and an ID number, and hide the middle', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdCard(ID)).toBe('1101**********002X');
    expect(maskPhone('110')).toBe(PII_MASK);
  });

  it('check an ID number’s birth date and check character', () => {
    expect(isResidentIdNumber(ID)).toBe(true);
    expect(isResidentIdNumber('110105194912310021')).toBe(false);
    expect(isResidentIdNumber('11010519491331002X')).toBe(false); // month 13
    expect(isResidentIdNumber('11010519491231002x')).toBe(false);
    expect(isResidentIdNumber('1101051949123100')).toBe(false);
  });
});

describe('a report with the reporter’s contact', () => {
  it('is refused with the path and the rule when the phone or the ID number is wrong, and nothing is stored', async () => {
    const client = newClient();
    const phone = await client.report(report({ reporter: { phone: '1381234567' } }));
    expect(phone.ok).toBe(false);
    if (!phone.ok) {
      expect(phone.error.path).toEqual(['reporter', 'phone']);
      expect(phone.error.message.en).toContain('mainland mobile number');
    }
    const id = await client.report(
      report({ reporter: { phone: '13812345678', idCard: '110105194912310021' } }),
    );
    expect(id.ok).toBe(false);
    if (!id.ok) {
      expect(id.error.path).toEqual(['reporter', 'idCard']);
      expect(id.error.message.en).toContain('check character');
    }
    expect((await client.listCases({})).items).toEqual([]);
  });

  it('keeps it in the case and the REPORT entry, and a restore from the trail keeps it', async () => {
    const client = newClient();
    const r = await client.report(report({ reporter: contact }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.record.context.reporter).toEqual(contact);
    expect(r.entry.data?.reporter).toEqual(contact);
    const trail = await client.audit(r.record.id);
    const replayed = replayCaseTrail(org, sampleSlaPolicy, r.record.id, trail);
    expect(replayed.ok && replayed.context).toEqual(r.record.context);
  });

  it('is masked for everyone but the reporter, in the record, the trail and the feed', async () => {
    const client = newClient();
    const r = await client.report(report({ reporter: contact }));
    if (!r.ok) throw new Error('report');
    const duty = member('qj-sj-duty');
    const masked = maskCaseRecord(r.record, duty);
    expect(masked.context.reporter).toEqual({
      name: PII_MASK,
      phone: '138****5678',
      idCard: '1101**********002X',
    });
    expect(r.record.context.reporter).toEqual(contact); // not changed in place
    expect(maskCaseRecord(r.record, member(WORKER))).toBe(r.record);
    expect(maskAuditEntry(r.entry, duty).data?.reporter).toEqual(masked.context.reporter);
    expect(maskAuditEntry(r.entry, member(WORKER))).toBe(r.entry);
    const [change] = await client.changesSince(0);
    if (!change) throw new Error('change');
    expect(maskChange(change, duty).entry.data?.reporter).toEqual(masked.context.reporter);
    expect(personalFieldsOf(r.record)).toEqual([
      'reporter.name',
      'reporter.phone',
      'reporter.idCard',
    ]);
  });
});

describe('maySeePersonalData', () => {
  it('allows the reporter, the town’s duty officers and commander, and the handling post while the case is open', async () => {
    const client = newClient();
    const r = await client.report(report({ reporter: contact }));
    if (!r.ok) throw new Error('report');
    const id = r.record.id;
    const duty = 'qj-sj-duty';
    const may = async (m: string) =>
      maySeePersonalData(member(m), (await client.getCase(id)) ?? r.record, org);
    expect(await may(WORKER)).toBe(true);
    expect(await may(duty)).toBe(true);
    expect(await may('qj-sj-commander')).toBe(true);
    expect(await may('qj-th-duty')).toBe(false);
    expect(await may('qj-sj-c1-g1-chief')).toBe(false);
    expect(await may('qj-sj-lead-economicDevelopment')).toBe(false);
    expect(await may('qj-sj-nyfw-staff')).toBe(false);
    expect(await client.send(id, { type: 'ACCEPT', by: duty })).toMatchObject({ ok: true });
    expect(
      await client.send(id, {
        type: 'DISPATCH',
        by: duty,
        lead: { kind: 'post', id: 'qj-sj-nyfw' },
      }),
    ).toMatchObject({ ok: true });
    expect(await may('qj-sj-nyfw-staff')).toBe(true);
    expect(await may('qj-sj-czjs-staff')).toBe(false);
    const closed = { ...((await client.getCase(id)) ?? r.record), status: 'closed' as const };
    expect(maySeePersonalData(member('qj-sj-nyfw-staff'), closed, org)).toBe(false);
    expect(maySeePersonalData(member(duty), closed, org)).toBe(true);
    expect(maySeePersonalData(member(WORKER), closed, org)).toBe(true);
  });
});

describe('scenario fields marked pii', () => {
  it('are masked in the instance, the trail’s command data and the notifications', async () => {
    const client = newClient();
    const band = builtInScenarios.find((d) => d.id === 'elderly-health-band');
    if (!band) throw new Error('band');
    expect((await client.deploy(band, 'qj-sj-duty')).ok).toBe(true);
    const pii = piiFieldsOf(band as never);
    expect([...pii].sort()).toEqual(['condition', 'elderName', 'heartRate']);
    const trigger = (band as { triggers: { id: string; kind: string }[] }).triggers.find(
      (t) => t.kind === 'manual',
    );
    const started = await client.start({
      scenario: 'elderly-health-band',
      trigger: trigger?.id ?? 'manual',
      by: 'qj-sj-duty',
      gridId: 'qj-sj-c1-g1',
      data: { elderName: '李奶奶', heartRate: 150 },
    });
    expect(started.ok, JSON.stringify(started)).toBe(true);
    if (!started.ok) return;
    const masked = maskInstance(started.record, pii);
    expect(masked.context.data.elderName).toBe(PII_MASK);
    expect(masked.context.data.heartRate).toBe(PII_MASK);
    expect(started.record.context.data.elderName).toBe('李奶奶');
    expect(personalFieldsOf(started.record, pii).sort()).toEqual([
      'data.elderName',
      'data.heartRate',
    ]);
    const entry = {
      ...started.entry,
      data: { step: 's', data: { elderName: '李奶奶', room: '3' } },
    };
    expect(maskAuditEntry(entry, member('qj-sj-duty'), pii).data).toEqual({
      step: 's',
      data: { elderName: PII_MASK, room: '3' },
    });
    const change = {
      seq: 1,
      kind: 'scenario',
      instanceId: 'x',
      townId: 'qj-sj',
      version: 1,
      status: 's',
      entry,
      notifications: [{ fields: { elderName: '李奶奶', __proto__: 1 } } as never],
    };
    const out = maskChange(change, member('qj-sj-duty'), new Set(['elderName', '__proto__']));
    const fields = out.notifications[0]?.fields ?? {};
    expect(fields.elderName).toBe(PII_MASK);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(maySeePersonalData(member('qj-sj-duty'), started.record, org)).toBe(true);
    expect(maySeePersonalData(member('qj-sj-c1-g1-worker'), started.record, org)).toBe(false);
  });
});
