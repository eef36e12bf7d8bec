import { describe, expect, it } from 'vitest';
import { checkConfig } from '../src/config.js';
import { sampleDutyLists, sampleOrg, sampleSlaPolicy } from '../src/sample/index.js';

describe('checkConfig', () => {
  it('given the sample configuration, then there is nothing to report', () => {
    expect(
      checkConfig({ org: sampleOrg, slaPolicy: sampleSlaPolicy, dutyLists: sampleDutyLists }),
    ).toEqual([]);
  });

  it('given a bad duration, a bad role and a forged org, then each problem names its path', () => {
    const policy = {
      ...sampleSlaPolicy,
      defaults: { ...sampleSlaPolicy.defaults, accept: '30 minutes' },
    };
    expect(checkConfig({ slaPolicy: policy })).toEqual([
      expect.stringMatching(/^slaPolicy\.defaults\.accept: /),
    ]);
    const org = { ...sampleOrg, members: [{ id: 'x', name: 'x', role: 'king', unitId: 'qj' }] };
    expect(checkConfig({ org })).toEqual([expect.stringMatching(/^org\.members\.0\.role: /)]);
    expect(checkConfig({ org: JSON.parse('{"__proto__":{}}') })[0]).toMatch(/^org\./);
  });

  it('given a category on both duty lists, then it is refused because no lead could take it', () => {
    const lists = {
      statutory: [{ category: 'roadFacilities', section: 'economicDevelopment' }],
      departmentLed: sampleDutyLists.departmentLed,
    };
    expect(checkConfig({ dutyLists: lists })).toEqual([
      'dutyLists.statutory.0.category: roadFacilities is also department-led',
    ]);
  });
});
