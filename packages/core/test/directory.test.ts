import { describe, expect, it } from 'vitest';
import { Directory, sections, whoMayAct } from '../src/index.js';
import { sampleDutyLists, sampleOrg, sampleSlaPolicy } from '../src/sample/index.js';
import { configLines } from './support/configLines.js';
import { makeEngine, riverReport } from './support/engineFixture.js';

const dir = new Directory(sampleOrg);

describe('the sample org', () => {
  it('given the sample org, then it satisfies the org schema and has one district, two towns, communities and grids', () => {
    expect(
      configLines({ org: sampleOrg, slaPolicy: sampleSlaPolicy, dutyLists: sampleDutyLists }),
    ).toEqual([]);
    const count = (level: string) => sampleOrg.units.filter((u) => u.level === level).length;
    expect([count('district'), count('town'), count('community'), count('grid')]).toEqual([
      1, 2, 4, 8,
    ]);
  });

  it('given each town, then all four sections have posts and a lead, and the command center has a commander and duty officers', () => {
    for (const town of ['qj-sj', 'qj-th']) {
      for (const section of sections) {
        expect(dir.postsOf(town, section).length, `${town} ${section}`).toBeGreaterThan(0);
        expect(dir.membersWithRole(town, 'sectionLead', section)).toHaveLength(1);
      }
      expect(dir.membersWithRole(town, 'commander')).toHaveLength(1);
      expect(dir.membersWithRole(town, 'dutyOfficer').length).toBeGreaterThanOrEqual(1);
    }
    expect(dir.post('qj-sj-czjs')?.name.zh).toBe('村镇建设岗');
    expect(dir.post('qj-sj-xfgl')?.name.zh).toBe('消防管理岗');
  });

  it('given every role of DESIGN.md except system, then the sample has a member holding it', () => {
    const held = new Set(sampleOrg.members.map((m) => m.role));
    for (const role of [
      'resident',
      'gridWorker',
      'partTimeGridWorker',
      'gridChief',
      'gridInstructor',
      'communityStaff',
      'dutyOfficer',
      'commander',
      'sectionLead',
      'postStaff',
      'departmentStaff',
      'cityOperator',
      'sensor',
    ] as const) {
      expect(held.has(role), role).toBe(true);
    }
  });

  it('given ids in the sample, then every parent, post and department reference resolves', () => {
    for (const u of sampleOrg.units)
      if (u.parentId) expect(dir.unit(u.parentId), u.id).toBeDefined();
    for (const m of sampleOrg.members) {
      if (m.postId) expect(dir.post(m.postId), m.id).toBeDefined();
      if (m.departmentId) expect(dir.department(m.departmentId), m.id).toBeDefined();
      expect(dir.unit(m.unitId), m.id).toBeDefined();
    }
  });
});

describe('Directory lookups', () => {
  it('given a grid, then its escalation chain climbs grid → community → town → district', () => {
    expect(dir.escalationChain('qj-sj-c1-g1').map((u) => u.id)).toEqual([
      'qj-sj-c1-g1',
      'qj-sj-c1',
      'qj-sj',
      'qj',
    ]);
  });

  it('given members, then their town is found from their unit or post, and district staff have none', () => {
    const town = (id: string) => {
      const m = dir.member(id);
      return m ? dir.townOfMember(m) : 'missing';
    };
    expect(town('qj-sj-c1-g1-worker')).toBe('qj-sj');
    expect(town('qj-th-zzwd-staff')).toBe('qj-th');
    expect(town('qj-cgj-staff')).toBeUndefined();
    expect(dir.cityOperationsCenter('qj')?.id).toBe('qj-cyzx');
    expect(dir.member('system')?.role).toBe('system');
  });

  it('given a case at each step, then whoMayAct names exactly the people the rules allow', async () => {
    const { engine } = makeEngine();
    const r = await engine.report(riverReport);
    if (!r.ok) throw new Error(r.error.code);
    const ctx = r.record.context;
    const ids = (
      status: Parameters<typeof whoMayAct>[1],
      type: Parameters<typeof whoMayAct>[3],
      c = ctx,
    ) =>
      whoMayAct(dir, status, c, type)
        .map((m) => m.id)
        .sort();
    expect(ids('intake', 'ACCEPT')).toEqual(['qj-sj-commander', 'qj-sj-duty', 'qj-sj-duty2']);
    expect(ids('intake', 'CANCEL')).toEqual(['qj-sj-commander']);
    expect(ids('gridHandling', 'ESCALATE')).toEqual([
      'qj-sj-c1-g1-chief',
      'qj-sj-c1-g1-rider',
      'qj-sj-c1-g1-worker',
    ]);
    expect(ids('communityHandling', 'RESOLVE_ON_SITE')).toEqual(['qj-sj-c1-staff']);
    const led = { ...ctx, lead: { kind: 'department' as const, id: 'qj-cgj' } };
    expect(ids('assigned', 'ACKNOWLEDGE', led)).toEqual(['qj-cgj-staff']);
    expect(ids('verifying', 'CONFIRM')).toEqual([
      'qj-sj-c1-g1-chief',
      'qj-sj-c1-g1-rider',
      'qj-sj-c1-g1-worker',
      'qj-sj-duty',
      'qj-sj-duty2',
    ]);
    expect(ids('closed', 'CONFIRM')).toEqual([]);
  });
});
