import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonStrict } from '../src/json.js';

const codes = (text: string) => {
  const r = parseJsonStrict(text);
  return r.ok ? [] : r.diagnostics.map((d) => d.code);
};

describe('parseJsonStrict', () => {
  it('given a key repeated in one object, then it is refused at the second one with its path, line and the first line', () => {
    const r = parseJsonStrict(
      '{\n  "fields": [\n    { "id": "phone", "pii": true,\n      "pii": false }\n  ]\n}',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        code: 'json.duplicateKey',
        path: ['fields', 0, 'pii'],
        line: 4,
        column: 7,
        severity: 'error',
      }),
    ]);
    expect(r.diagnostics[0]?.message.en).toBe(
      'The key "pii" appears twice in one object (first on line 3); JSON readers disagree on which one wins',
    );
    expect(r.diagnostics[0]?.message.zh).toContain('键 "pii" 出现了两次');
  });

  it('given several duplicates, then each is listed (reading goes on after a duplicate)', () => {
    expect(codes('{"a":1,"a":2,"b":{"c":1,"c":1}}')).toEqual([
      'json.duplicateKey',
      'json.duplicateKey',
    ]);
  });

  it('given a __proto__ key anywhere, then it is refused like a duplicate and never reaches the prototype', () => {
    const r = parseJsonStrict('{"x":{"__proto__":{"polluted":true}}}');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.diagnostics[0]).toMatchObject({
        code: 'json.forbiddenKey',
        path: ['x', '__proto__'],
      });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('given keys named constructor or toString, then they are ordinary own properties', () => {
    const r = parseJsonStrict('{"constructor":1,"toString":"x"}');
    expect(r).toEqual({ ok: true, value: { constructor: 1, toString: 'x' } });
  });

  it('given a UTF-8 byte-order mark before the document, then it is skipped', () => {
    expect(parseJsonStrict('\uFEFF{"a":[1,2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it('given broken JSON, then one syntax diagnostic says where (line, column, path) and what was expected, in zh and en', () => {
    const r = parseJsonStrict('{"steps": [\n  {"id": "a",}\n]}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      code: 'json.unexpected',
      path: ['steps', 0],
      line: 2,
      column: 14,
      message: { en: 'Expected a key in double quotes here, found "}"' },
    });
    expect(r.diagnostics[0]?.message.zh).toBe('此处应为双引号中的键，却是 "}"');
  });

  it('given each kind of syntax error, then it has its stable code', () => {
    expect(codes('')).toEqual(['json.empty']);
    expect(codes('{"a":1')).toEqual(['json.unexpectedEnd']);
    expect(codes('{"a":1} x')).toEqual(['json.trailing']);
    expect(codes('"\\x"')).toEqual(['json.badEscape']);
    expect(codes('"a\tb"')).toEqual(['json.controlChar']);
    expect(codes('01')).toEqual(['json.badNumber']);
    expect(codes('[1.]')).toEqual(['json.badNumber']);
    expect(codes('[-]')).toEqual(['json.badNumber']);
    expect(codes('{a:1}')).toEqual(['json.unexpected']);
    expect(codes('[1 2]')).toEqual(['json.unexpected']);
    expect(codes('NaN')).toEqual(['json.unexpected']);
    expect(codes('\uFEFF\uFEFF{}')).toEqual(['json.unexpected']);
  });

  it('given nesting deeper than maxDepth, then json.tooDeep (and no stack overflow on a million brackets)', () => {
    expect(codes('[[[1]]]')).toEqual([]);
    expect(parseJsonStrict('[[[1]]]', { maxDepth: 2 }).ok).toBe(false);
    expect(codes('['.repeat(1_000_000))).toEqual(['json.tooDeep']);
  });

  it('given any JSON value, when it is stringified, then the strict reader reads back what JSON.parse does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v, null, Math.random() < 0.5 ? 2 : undefined);
        const r = parseJsonStrict(text);
        if (r.ok) expect(r.value).toEqual(JSON.parse(text));
        else {
          expect(r.diagnostics.every((d) => d.code === 'json.forbiddenKey')).toBe(true);
          expect(text).toContain('"__proto__"');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('given any text made of JSON tokens, then it accepts only what JSON.parse accepts, with the same value', () => {
    const token = fc.constantFrom(
      ...['{', '}', '[', ']', '"', '"a"', '"a"', ':', ',', '0', '1', '-', '.', 'e', '+'],
      ...[' ', '\n', '\\', '\\u00e9', 'true', 'null', 'false', 'x', '\t', '\u2028'],
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 24 }), (tokens) => {
        const text = tokens.join('');
        let native: { value: unknown } | null;
        try {
          native = { value: JSON.parse(text) };
        } catch {
          native = null;
        }
        const r = parseJsonStrict(text);
        if (native === null) expect(r.ok, text).toBe(false);
        if (r.ok) expect(r.value).toEqual(native?.value);
        else if (native !== null)
          expect(r.diagnostics.map((d) => d.code)).toContain('json.duplicateKey');
      }),
      { numRuns: 3000 },
    );
  });
});
