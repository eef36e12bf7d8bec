import type { CaseRecord } from '@zhizhi/core';
import { describe, expect, it } from 'vitest';
import { createRecentCases } from '../src/http/recentCases.js';

const rec = (id: string, version: number) => ({ id, version }) as unknown as CaseRecord;

describe('createRecentCases', () => {
  it('given more cases than it may keep, when one more is remembered, then the least recently used is dropped', () => {
    const recent = createRecentCases(2);
    recent.remember(rec('a', 1));
    recent.remember(rec('b', 1));
    recent.get('a'); // a used last: b goes first
    recent.remember(rec('c', 1));
    expect([recent.get('a')?.id, recent.get('b'), recent.get('c')?.id]).toEqual([
      'a',
      undefined,
      'c',
    ]);
    expect(recent.size).toBe(2);
  });

  it('given a case kept at version 3, when version 2 arrives late, then version 3 stays', () => {
    const recent = createRecentCases();
    recent.remember(rec('a', 3));
    recent.remember(rec('a', 2));
    expect(recent.get('a')?.version).toBe(3);
    recent.remember(rec('a', 4));
    expect(recent.get('a')?.version).toBe(4);
  });

  it('given a kept case, when it is forgotten, then it is not found; with room for none, nothing is kept', () => {
    const recent = createRecentCases();
    recent.remember(rec('a', 1));
    recent.forget('a');
    expect(recent.get('a')).toBeUndefined();
    const none = createRecentCases(0);
    none.remember(rec('a', 1));
    expect(none.get('a')).toBeUndefined();
  });
});
