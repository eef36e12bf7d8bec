import { describe, expect, it } from 'vitest';
import {
  type CommunityLists,
  communityListsSchema,
  parseCommunityLists,
  requestCertificate,
  sampleCommunityLists,
} from '../src/duty/index.js';

const VILLAGE = 'qj-sj-c2';
const ask = (certificate: string, lists: CommunityLists = sampleCommunityLists) =>
  requestCertificate(lists, { communityId: VILLAGE, certificate });

describe('the four lists and one catalogue (四清单一目录)', () => {
  it('given the sample lists, then they satisfy the schema and every must-not-issue entry has a reason and an authority in both languages', () => {
    const r = parseCommunityLists(sampleCommunityLists);
    expect(r.ok).toBe(true);
    expect(sampleCommunityLists.mustNotIssue).toHaveLength(20);
    for (const e of sampleCommunityLists.mustNotIssue) {
      for (const text of [e.name, e.reason, e.authority]) {
        expect(text.zh.length, e.id).toBeGreaterThan(0);
        expect(text.en.length, e.id).toBeGreaterThan(0);
      }
    }
    for (const key of ['villageMatters', 'negativeMatters', 'mayIssue', 'signage'] as const) {
      expect(sampleCommunityLists[key].length, key).toBeGreaterThan(0);
    }
    expect(new Set(sampleCommunityLists.signage.map((s) => s.placement))).toEqual(
      new Set(['exterior', 'interior']),
    );
  });

  it('given a request for a kinship certificate, then it is refused with the reason, the authority and the list it comes from', () => {
    const d = ask('亲属关系证明');
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.refusal.code).toBe('duty.certificateRefused');
    if (d.refusal.code !== 'duty.certificateRefused') return;
    expect(d.refusal.list).toBe('mustNotIssue');
    expect(d.refusal.entry.id).toBe('kinship');
    expect(d.refusal.reason).toEqual({
      zh: '“亲属关系证明”列入不得出具证明清单，村（社区）不予出具：亲属关系以户籍、婚姻登记等记录为准，村（社区）无法核实。请向户籍所在地公安派出所或公证机构申请。',
      en: '“Kinship certificate” is on the list of certificates a community must not issue: kinship rests on household-registration and marriage records, which a village cannot verify. Apply to the police station where you are registered, or a notary office.',
    });
  });

  it('given a certificate asked for by id, English name in any case, or alias, then it is found on the must-not-issue list', () => {
    for (const name of [
      'noCriminalRecord',
      '  no-criminal-record CERTIFICATE ',
      '无违法犯罪记录证明',
    ]) {
      const d = ask(name);
      expect(d.ok ? null : d.refusal.code, name).toBe('duty.certificateRefused');
    }
  });

  it('given every must-not-issue entry of the sample, when requested by its zh name, then each is refused and none is granted', () => {
    for (const e of sampleCommunityLists.mustNotIssue) {
      const d = ask(e.name.zh);
      expect(d.ok, e.id).toBe(false);
      if (!d.ok && d.refusal.code === 'duty.certificateRefused') expect(d.refusal.entry).toBe(e);
    }
  });

  it('given a certificate on the may-issue list, then it is granted with its entry', () => {
    const d = ask('农村集体经济组织成员身份证明');
    expect(d).toEqual({ ok: true, list: 'mayIssue', entry: sampleCommunityLists.mayIssue[0] });
    expect(ask('集体经济组织成员证明').ok).toBe(true);
  });

  it('given a certificate on neither list, then it is refused as not on the may-issue list', () => {
    const d = ask(' 收入证明 ');
    expect(d).toEqual({
      ok: false,
      refusal: {
        code: 'duty.certificateUnlisted',
        list: 'mayIssue',
        reason: {
          zh: '“收入证明”不在可依法出具证明清单上，村（社区）不予出具',
          en: '“收入证明” is not on the list of certificates the community may lawfully issue, so it is not issued',
        },
      },
    });
  });

  it('given lists of another community, then the request is refused as not applicable', () => {
    const d = requestCertificate(sampleCommunityLists, {
      communityId: 'qj-sj-c1',
      certificate: '农村集体经济组织成员身份证明',
    });
    expect(d.ok ? null : d.refusal.code).toBe('duty.listsNotForCommunity');
    if (!d.ok)
      expect(d.refusal.reason.en).toBe(
        'These four lists and one catalogue do not apply to qj-sj-c1',
      );
  });

  it('given a certificate wrongly on both lists, then the schema reports it at the must-not-issue entry and a request is still refused', () => {
    const both: CommunityLists = {
      ...sampleCommunityLists,
      mayIssue: [
        ...sampleCommunityLists.mayIssue,
        { id: 'kin', name: { zh: '亲属关系证明', en: 'Kinship' } },
      ],
    };
    const r = parseCommunityLists(both);
    expect(r.ok ? [] : r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['duty.certificateOnBothLists', ['mustNotIssue', 0]],
    ]);
    if (!r.ok) {
      expect(r.diagnostics[0]?.message).toEqual({
        zh: '证明“亲属关系证明”同时列入可出具和不得出具两张清单',
        en: 'The certificate “Kinship certificate” is on both the may-issue and the must-not-issue list',
      });
    }
    expect(ask('亲属关系证明', both).ok).toBe(false);
  });
});

describe('schema errors of the four lists', () => {
  const at = <T>(xs: T[], i: number): T => {
    const x = xs[i];
    if (x === undefined) throw new Error(`no entry ${i}`);
    return x;
  };

  it('given a must-not-issue entry without a reason, then the error points at its reason', () => {
    const data = structuredClone(sampleCommunityLists);
    delete (at(data.mustNotIssue, 2) as Partial<(typeof data.mustNotIssue)[2]>).reason;
    const r = parseCommunityLists(data);
    expect(r.ok ? [] : r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['duty.invalidData', ['mustNotIssue', 2, 'reason']],
    ]);
    if (!r.ok) expect(r.diagnostics[0]?.message.zh).toContain('mustNotIssue.2.reason');
  });

  it('given a sign with an unknown placement, an empty English name and no communities, then each error has its path', () => {
    const data = structuredClone(sampleCommunityLists);
    data.communityIds = [];
    (at(data.signage, 0) as { placement: string }).placement = 'roof';
    at(data.villageMatters, 1).name.en = '';
    const r = communityListsSchema.safeParse(data);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path)).toEqual([
      ['communityIds'],
      ['villageMatters', 1, 'name', 'en'],
      ['signage', 0, 'placement'],
    ]);
  });

  it('given a duplicate id in the signage catalogue, then duty.duplicateId names the list and the second entry', () => {
    const lists = {
      ...sampleCommunityLists,
      signage: [...sampleCommunityLists.signage, sampleCommunityLists.signage[0]],
    };
    const r = parseCommunityLists(lists);
    expect(r.ok ? [] : r.diagnostics).toEqual([
      {
        code: 'duty.duplicateId',
        path: ['signage', sampleCommunityLists.signage.length, 'id'],
        severity: 'error',
        message: {
          zh: 'signage 中的编号 partyOrganization 重复',
          en: 'The id partyOrganization appears more than once in signage',
        },
      },
    ]);
  });

  it('given something that is not an object, then it is one diagnostic at the root', () => {
    const r = parseCommunityLists('四清单');
    expect(r.ok ? [] : r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['duty.invalidData', []],
    ]);
  });
});
