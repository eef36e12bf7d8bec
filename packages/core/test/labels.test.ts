import { describe, expect, it } from 'vitest';
import {
  caseError,
  caseEventTypes,
  caseStatuses,
  errorCatalog,
  orgLevels,
  outcomes,
  roles,
  sections,
  severities,
  slaClocks,
} from '../src/index.js';
import { label, labels } from '../src/labels.js';
import { stepSchemas } from '../src/scenario/document/scenarioSchema.js';

const cjk = /[\u4e00-\u9fff]/;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('labels', () => {
  const tables = {
    status: caseStatuses,
    event: [...caseEventTypes, 'REPORT'],
    role: roles,
    section: sections,
    outcome: outcomes,
    severity: severities,
    clock: slaClocks,
    level: orgLevels,
    stepKind: Object.keys(stepSchemas),
  } as const;

  for (const [table, keys] of Object.entries(tables)) {
    it(`given every ${table}, then it has a Chinese and an English label and no extra keys`, () => {
      const t = labels[table as keyof typeof labels] as Record<string, readonly [string, string]>;
      expect(Object.keys(t).sort()).toEqual([...keys].sort());
      for (const key of keys) {
        expect(label(table as keyof typeof labels, key, 'zh-CN')).toMatch(cjk);
        expect(label(table as keyof typeof labels, key, 'en')).toMatch(/^[A-Z]/);
      }
    });
  }

  it('given an unknown key or an inherited property name, then the key itself comes back', () => {
    expect(label('status', 'nope', 'en')).toBe('nope');
    expect(label('status', 'constructor', 'en')).toBe('constructor');
  });
});

describe('error catalogue', () => {
  it('given every error code, then zh and en messages exist with the same placeholders', () => {
    for (const [code, t] of Object.entries(errorCatalog)) {
      expect(t.zh, code).toMatch(cjk);
      expect(t.en, code).toMatch(/[A-Za-z]/);
      expect(placeholders(t.zh), code).toEqual(placeholders(t.en));
    }
  });

  it('given params, then both messages are filled and unknown placeholders stay visible', () => {
    const e = caseError('case.notFound', { caseId: 'c9' }, ['caseId']);
    expect(e.message).toEqual({ zh: '事件 c9 不存在', en: 'Case c9 does not exist' });
    expect(caseError('case.notFound').message.en).toBe('Case {caseId} does not exist');
  });
});
