import { Directory } from '@zhizhi/core';
import { sampleOrg } from '@zhizhi/core/sample';
import { describe, expect, it } from 'vitest';
import { scopeOf } from '../src/index.js';

const directory = new Directory(sampleOrg);
const member = (id: string) => {
  const m = directory.member(id);
  if (!m) throw new Error(`no member ${id}`);
  return m;
};

describe('scopeOf', () => {
  it('given a department member of a district, when asked twice, then both answers list the towns of the district and cannot be changed', () => {
    const first = scopeOf(directory, member('qj-cgj-staff'));
    const towns = sampleOrg.units
      .filter((u) => u.level === 'town' && directory.ancestorAt(u.id, 'district')?.id === 'qj')
      .map((u) => u.id);
    expect(towns.length).toBeGreaterThan(1);
    expect(first).toEqual({ towns, ownCasesOnly: false });
    expect(() => (first.towns as string[]).push('elsewhere')).toThrow(TypeError);
    expect(scopeOf(directory, member('qj-cgj-staff'))).toEqual({ towns, ownCasesOnly: false });
  });

  it('given a resident and a duty officer of one town, then each sees that town, the resident only their own cases', () => {
    expect(scopeOf(directory, member('qj-sj-c1-g1-resident'))).toEqual({
      towns: ['qj-sj'],
      ownCasesOnly: true,
    });
    expect(scopeOf(directory, member('qj-sj-duty'))).toEqual({
      towns: ['qj-sj'],
      ownCasesOnly: false,
    });
  });
});
