import { describe, expect, it } from 'vitest';
import { checkConfig } from '../src/config.js';
import {
  Directory,
  isReservedId,
  type Member,
  type Org,
  SimulatedClock,
  SYSTEM_ACTOR_ID,
} from '../src/index.js';
import { Engine } from '../src/runtime.js';
import { sampleDutyLists, sampleOrg, sampleSlaPolicy } from '../src/sample/index.js';
import { configLines } from './support/configLines.js';

describe('checkConfig', () => {
  it('given the sample configuration, then there is nothing to report', () => {
    expect(
      configLines({ org: sampleOrg, slaPolicy: sampleSlaPolicy, dutyLists: sampleDutyLists }),
    ).toEqual([]);
  });

  it('given a bad duration, a bad role and a forged org, then each problem names its path', () => {
    const policy = {
      ...sampleSlaPolicy,
      defaults: { ...sampleSlaPolicy.defaults, accept: '30 minutes' },
    };
    expect(configLines({ slaPolicy: policy })).toEqual([
      expect.stringMatching(/^slaPolicy\.defaults\.accept: /),
    ]);
    const org = { ...sampleOrg, members: [{ id: 'x', name: 'x', role: 'king', unitId: 'qj' }] };
    expect(configLines({ org })).toEqual([expect.stringMatching(/^org\.members\.0\.role: /)]);
    expect(configLines({ org: JSON.parse('{"__proto__":{}}') })[0]).toMatch(/^org\./);
  });

  it('given a category on both duty lists, then it is refused because no lead could take it', () => {
    const lists = {
      statutory: [{ category: 'roadFacilities', section: 'economicDevelopment' }],
      departmentLed: sampleDutyLists.departmentLed,
    };
    expect(configLines({ dutyLists: lists })).toEqual([
      'dutyLists.statutory.0.category: roadFacilities is also department-led (no lead could ever take it)',
    ]);
  });
});

describe('checkConfig: ids the runtime reserves', () => {
  const withMembers = (...extra: Member[]): Org => ({
    ...sampleOrg,
    members: [...sampleOrg.members, ...extra],
  });
  const at = sampleOrg.members.length;
  const someone = { name: '张三', unitId: 'qj-sj-c1-g1' };

  it('given isReservedId, then it names the system actor id and every id with a colon, and nothing else', () => {
    expect(isReservedId(SYSTEM_ACTOR_ID)).toBe(true);
    expect(isReservedId('band-1:dispatch:3')).toBe(true);
    expect(isReservedId('qj-sj-c1-g1-worker')).toBe(false);
    expect(isReservedId('System')).toBe(false);
  });

  it('given an org member with the id system who is a grid worker, then it is refused at its id (the Engine would fire SLA timers as that grid worker, and refuse them)', () => {
    const org = withMembers({ ...someone, id: SYSTEM_ACTOR_ID, role: 'gridWorker' });
    expect(configLines({ org })).toEqual([expect.stringMatching(`^org\\.members\\.${at}\\.id: `)]);
  });

  it('given that org anyway, when a case falls overdue, then the SLA firing is refused (why checkConfig must refuse it)', async () => {
    const org = withMembers({ ...someone, id: SYSTEM_ACTOR_ID, role: 'gridWorker' });
    const clock = new SimulatedClock('2026-03-02T09:00:00+08:00');
    const engine = new Engine({ directory: new Directory(org), clock });
    await engine.report({
      id: 'c1',
      gridId: 'qj-sj-c1-g1',
      reporterId: 'qj-sj-c1-g1-worker',
      category: 'riverPollution',
      severity: 'medium',
      title: '雨污混流',
    });
    clock.advance('PT1H');
    const { fired, results } = await engine.tick();
    expect(fired).toBe(0);
    expect(!results[0]?.ok && results[0]?.error.code).toBe('actor.roleNotAllowed');
  });

  const refusals: [string, Org, RegExp][] = [
    [
      'a member id with a colon',
      withMembers({ ...someone, id: 'w:1', role: 'gridWorker' }),
      new RegExp(`^org\\.members\\.${at}\\.id: `),
    ],
    [
      'a member with role system under another id',
      withMembers({ ...someone, id: 'robot', role: 'system' }),
      new RegExp(`^org\\.members\\.${at}\\.role: `),
    ],
    [
      'two system members',
      withMembers(
        { id: SYSTEM_ACTOR_ID, name: '系统', role: 'system', unitId: '*' },
        { id: SYSTEM_ACTOR_ID, name: '系统', role: 'system', unitId: '*' },
      ),
      new RegExp(`^org\\.members\\.${at + 1}\\.id: `),
    ],
    [
      'a unit id with a colon',
      {
        ...sampleOrg,
        units: [
          ...sampleOrg.units,
          { id: 'qj:x', level: 'grid', parentId: 'qj-sj-c1', name: { zh: '格', en: 'Grid' } },
        ],
      },
      new RegExp(`^org\\.units\\.${sampleOrg.units.length}\\.id: `),
    ],
    [
      'a post named system',
      {
        ...sampleOrg,
        posts: [
          ...sampleOrg.posts,
          {
            id: 'system',
            townId: 'qj-sj',
            section: 'safetyRuleOfLaw',
            name: { zh: '岗', en: 'Post' },
          },
        ],
      },
      new RegExp(`^org\\.posts\\.${sampleOrg.posts.length}\\.id: `),
    ],
    [
      'a department id with a colon',
      {
        ...sampleOrg,
        departments: [
          ...sampleOrg.departments,
          {
            id: 'post:qj-sj-czjs',
            districtId: 'qj',
            kind: 'department',
            name: { zh: '局', en: 'Bureau' },
          },
        ],
      },
      new RegExp(`^org\\.departments\\.${sampleOrg.departments.length}\\.id: `),
    ],
  ];
  for (const [what, org, line] of refusals) {
    it(`given ${what}, then checkConfig refuses it naming the path`, () => {
      expect(configLines({ org })).toEqual([expect.stringMatching(line)]);
    });
  }

  it('given an org that declares the system member itself (id system, role system), then it passes, and the Directory keeps it as the system', () => {
    const org = withMembers({ id: SYSTEM_ACTOR_ID, name: '系统', role: 'system', unitId: '*' });
    expect(configLines({ org })).toEqual([]);
    expect(new Directory(org).member(SYSTEM_ACTOR_ID)?.role).toBe('system');
  });
});

describe('checkConfig: an org that holds together', () => {
  const clone = () => JSON.parse(JSON.stringify(sampleOrg));
  it('given dangling references, wrong levels, a duplicate id and staff without their post or department, then each is refused at its path', () => {
    const org = clone();
    org.units.find((u: { level: string }) => u.level === 'grid').parentId = 'nowhere';
    org.posts[0].townId = org.units.find((u: { level: string }) => u.level === 'district').id;
    org.departments[0].districtId = 'qj-sj';
    org.posts[1].id = org.posts[2].id;
    const staff = org.members.find((m: { role: string }) => m.role === 'postStaff');
    delete staff.postId;
    const operator = org.members.find((m: { role: string }) => m.role === 'cityOperator');
    operator.departmentId = 'no-such-department';
    const codes = checkConfig({ org }).map((d) => `${d.code} ${d.path.slice(1, 3).join('.')}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^config\.duplicateId posts\.2$/),
        expect.stringMatching(/^config\.unknownRef units\.\d+$/),
        'config.wrongLevel posts.0',
        'config.wrongLevel departments.0',
        expect.stringMatching(/^config\.roleNeeds members\.\d+$/),
        expect.stringMatching(/^config\.unknownRef members\.\d+$/),
      ]),
    );
    for (const d of checkConfig({ org })) {
      expect(d.message.zh).not.toBe(d.message.en);
      expect(d.path[0]).toBe('org');
    }
  });

  it('given the sample org, then it holds together', () => {
    expect(checkConfig({ org: sampleOrg })).toEqual([]);
  });
});
