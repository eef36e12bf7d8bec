import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Directory } from '../src/org/Directory.js';
import type { Org } from '../src/org/orgSchema.js';
import { roles, sections } from '../src/org/roles.js';
import { sampleOrg } from '../src/sample/sampleOrg.js';
import { validateScenario } from '../src/scenario/check/validateScenario.js';
import { configLines } from './support/configLines.js';

/** examples/org/district-org.json: the org file a district copies for `zhizhi … --org`. */
const file = new URL('../../../examples/org/district-org.json', import.meta.url);
const org = JSON.parse(readFileSync(file, 'utf8')) as Org;
const standardCaseFlow = readFileSync(
  new URL('../scenarios/standard-case-flow.json', import.meta.url),
  'utf8',
);

/** standard-case-flow with the sample's post (三江街道 村镇建设岗) replaced by the example's (云岭镇 村镇建设岗, the post its did-you-mean suggests). */
const adapted = () =>
  JSON.parse(standardCaseFlow.replaceAll('"qj-sj-czjs"', '"qx-yl-czjs"')) as unknown;

describe('examples/org/district-org.json', () => {
  it('given the example org, then checkConfig finds no problem', () => {
    expect(configLines({ org })).toEqual([]);
  });

  it('given the example org, then every reference in it resolves (checkConfig does not look)', () => {
    const unit = new Map(org.units.map((u) => [u.id, u]));
    const below = {
      city: null,
      district: 'city',
      town: 'district',
      community: 'town',
      grid: 'community',
    };
    for (const u of org.units) {
      if (u.parentId === null) expect(u.level, u.id).toMatch(/^(city|district)$/);
      else expect(unit.get(u.parentId)?.level, u.id).toBe(below[u.level]);
    }
    const all = [...org.units, ...org.posts, ...org.departments, ...org.members].map((x) => x.id);
    expect(new Set(all).size).toBe(all.length);
    for (const p of org.posts) expect(unit.get(p.townId)?.level, p.id).toBe('town');
    for (const d of org.departments) expect(unit.get(d.districtId)?.level, d.id).toBe('district');
    const dir = new Directory(org);
    for (const m of org.members) {
      expect(unit.get(m.unitId), m.id).toBeDefined();
      if (m.role === 'postStaff') {
        const post = dir.post(m.postId ?? '');
        expect(post?.townId, m.id).toBe(m.unitId);
      } else expect(m.postId, m.id).toBeUndefined();
      if (m.role === 'departmentStaff' || m.role === 'cityOperator') {
        const d = dir.department(m.departmentId ?? '');
        expect(d?.kind, m.id).toBe(
          m.role === 'cityOperator' ? 'cityOperationsCenter' : 'department',
        );
        expect(d?.districtId, m.id).toBe(m.unitId);
      } else expect(m.departmentId, m.id).toBeUndefined();
      expect(m.section !== undefined, m.id).toBe(m.role === 'sectionLead');
    }
  });

  it('given the example org, then it has every role, and every town a command center and four staffed sections', () => {
    const held = new Set(org.members.map((m) => m.role));
    expect(roles.filter((r) => r !== 'system' && !held.has(r))).toEqual([]);
    const dir = new Directory(org);
    const towns = org.units.filter((u) => u.level === 'town');
    expect(towns).toHaveLength(2);
    for (const t of towns) {
      expect(dir.membersWithRole(t.id, 'commander'), t.id).not.toHaveLength(0);
      expect(dir.membersWithRole(t.id, 'dutyOfficer'), t.id).not.toHaveLength(0);
      expect(dir.membersWithRole(t.id, 'sensor'), t.id).not.toHaveLength(0);
      for (const s of sections) {
        expect(dir.membersWithRole(t.id, 'sectionLead', s), `${t.id} ${s}`).toHaveLength(1);
        const posts = dir.postsOf(t.id, s);
        expect(posts.length, `${t.id} ${s}`).toBeGreaterThan(0);
        for (const p of posts)
          expect(dir.staffOf({ kind: 'post', id: p.id }), p.id).not.toEqual([]);
      }
    }
    expect(dir.cityOperationsCenter('qx')?.id).toBe('qx-cyzx');
    const grids = org.units.filter((u) => u.level === 'grid');
    for (const g of grids) {
      for (const r of ['gridChief', 'gridWorker', 'partTimeGridWorker'] as const) {
        expect(dir.membersWithRole(g.id, r), `${g.id} ${r}`).not.toHaveLength(0);
      }
    }
  });

  it('given its ids are its own, then none of them is a sample-org id', () => {
    const sample = new Set(
      [...sampleOrg.units, ...sampleOrg.posts, ...sampleOrg.departments, ...sampleOrg.members].map(
        (x) => x.id,
      ),
    );
    const ours = [...org.units, ...org.posts, ...org.departments, ...org.members].map((x) => x.id);
    expect(ours.filter((id) => sample.has(id))).toEqual([]);
  });

  it('given standard-case-flow with its post replaced by the example org’s, then it validates against the example org', () => {
    expect(validateScenario(adapted(), new Directory(org))).toEqual([]);
  });

  it('given standard-case-flow as shipped, then the example org has no post qj-sj-czjs (scenario.unknownPost)', () => {
    const diagnostics = validateScenario(JSON.parse(standardCaseFlow), new Directory(org));
    expect(diagnostics.map((d) => `${d.path.join('.')} ${d.code}`)).toEqual([
      'participants.posts.0 scenario.unknownPost',
      'steps.2.lead.id scenario.unknownPost',
      'steps.4.assignee.post scenario.unknownPost',
    ]);
    expect(diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });
});
