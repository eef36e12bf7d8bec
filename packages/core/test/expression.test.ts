import { describe, expect, it } from 'vitest';
import {
  compileCondition,
  type EvaluateOptions,
  type ExprNode,
  evaluateCondition,
  evaluateExpression,
  exprCatalog,
  exprLimits,
  exprNodeSchema,
  type FieldType,
  parseExpression,
  parseExprNode,
  printExpression,
  typeCheckExpression,
} from '../src/expr/index.js';

function parse(source: string): ExprNode {
  const r = parseExpression(source);
  if (!r.ok) throw new Error(`${source}: ${r.diagnostics.map((d) => d.message.en).join('; ')}`);
  return r.value;
}

/** The diagnostic code of a source that must not parse. */
function parseError(source: string): string {
  const r = parseExpression(source);
  if (r.ok) throw new Error(`${source} parsed as ${printExpression(r.value)}`);
  expect(r.diagnostics).toHaveLength(1);
  expect(r.diagnostics[0]?.path).toEqual([]);
  return r.diagnostics[0]?.code ?? '';
}

/** The value of a source over data, or the error code. */
function run(source: string, data: unknown = {}, options?: EvaluateOptions): unknown {
  const r = evaluateExpression(parse(source), data, options);
  return r.ok ? r.value : r.error.code;
}

const field = (...path: string[]): ExprNode => ({ kind: 'field', path });
const lit = (value: string | number | boolean | null): ExprNode => ({ kind: 'literal', value });
const bin = (op: string, left: ExprNode, right: ExprNode) =>
  ({ kind: 'binary', op, left, right }) as ExprNode;

describe('parseExpression', () => {
  it('given literals, when parsed, then they become literal nodes', () => {
    expect(parse('120')).toEqual(lit(120));
    expect(parse('1.5e3')).toEqual(lit(1500));
    expect(parse('2E-2')).toEqual(lit(0.02));
    expect(parse('-7')).toEqual(lit(-7));
    expect(parse('"fire"')).toEqual(lit('fire'));
    expect(parse('"a\\"b\\\\c\\/\\n\\t\\u4e2d"')).toEqual(lit('a"b\\c/\n\t中'));
    expect(parse('true')).toEqual(lit(true));
    expect(parse('false')).toEqual(lit(false));
    expect(parse('null')).toEqual(lit(null));
    expect(parse('[]')).toEqual({ kind: 'array', items: [] });
    expect(parse('[1, "a", [true]]')).toEqual({
      kind: 'array',
      items: [lit(1), lit('a'), { kind: 'array', items: [lit(true)] }],
    });
  });

  it('given names and dotted paths (also in Chinese), then they become field nodes', () => {
    expect(parse('heartRate')).toEqual(field('heartRate'));
    expect(parse('household.floor')).toEqual(field('household', 'floor'));
    expect(parse('a.b.c')).toEqual(field('a', 'b', 'c'));
    expect(parse('心率')).toEqual(field('心率'));
    expect(parse('_x.$y')).toEqual(field('_x', '$y'));
  });

  it('given each binary operator, then the AST names it', () => {
    for (const op of ['==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%']) {
      expect(parse(`a ${op} b`)).toEqual(bin(op, field('a'), field('b')));
    }
    expect(parse('a in b')).toEqual(bin('in', field('a'), field('b')));
    expect(parse('a not in b')).toEqual(bin('not in', field('a'), field('b')));
    expect(parse('a contains b')).toEqual(bin('contains', field('a'), field('b')));
    expect(parse('a and b')).toEqual(bin('and', field('a'), field('b')));
    expect(parse('a && b')).toEqual(bin('and', field('a'), field('b')));
    expect(parse('a or b')).toEqual(bin('or', field('a'), field('b')));
    expect(parse('a || b')).toEqual(bin('or', field('a'), field('b')));
  });

  it('given not, ! and unary minus, then they become unary nodes', () => {
    expect(parse('not a')).toEqual({ kind: 'unary', op: 'not', operand: field('a') });
    expect(parse('!a')).toEqual(parse('not a'));
    expect(parse('-a')).toEqual({ kind: 'unary', op: '-', operand: field('a') });
    expect(parse('-(5)')).toEqual({ kind: 'unary', op: '-', operand: lit(5) });
    expect(parse('--a')).toEqual({
      kind: 'unary',
      op: '-',
      operand: { kind: 'unary', op: '-', operand: field('a') },
    });
  });

  it('given a whitelisted function, then it becomes a call node', () => {
    expect(parse('minutesSince(alarmAt)')).toEqual({
      kind: 'call',
      name: 'minutesSince',
      args: [field('alarmAt')],
    });
  });

  it('given mixed operators, then precedence is or < and < not < comparison < + - < * / % < unary -', () => {
    const shape = (s: string) => printExpression(parse(s));
    const grouped = (s: string) => JSON.stringify(parse(s));
    expect(grouped('a or b and c')).toBe(grouped('a or (b and c)'));
    expect(grouped('a and b or c')).toBe(grouped('(a and b) or c'));
    expect(grouped('not a and b')).toBe(grouped('(not a) and b'));
    expect(grouped('not a == b')).toBe(grouped('not (a == b)'));
    expect(grouped('!a == b')).toBe(grouped('not (a == b)'));
    expect(grouped('a == b + c * d')).toBe(grouped('a == (b + (c * d))'));
    expect(grouped('a - b - c')).toBe(grouped('(a - b) - c'));
    expect(grouped('a / b % c')).toBe(grouped('(a / b) % c'));
    expect(grouped('-a * b')).toBe(grouped('(-a) * b'));
    expect(grouped('a + b in c')).toBe(grouped('(a + b) in c'));
    expect(grouped('a or b or c')).toBe(grouped('(a or b) or c'));
    expect(shape('(a + b) * c')).toBe('(a + b) * c');
    expect(shape('a * (b + c)')).toBe('a * (b + c)');
    expect(shape('a - (b - c)')).toBe('a - (b - c)');
    expect(shape('((a))')).toBe('a');
  });

  it('given the examples from the brief, then they parse', () => {
    for (const s of [
      'heartRate > 120 or heartRate < 40',
      'level == 1 and type in ["leakage", "overTemperature"]',
      'not answered and minutesSince(alarmAt) >= 5',
      'household.floor * 2 + 1 <= 9',
      'category != "fire"',
      'tags contains "elderly"',
    ]) {
      expect(parseExpression(s).ok).toBe(true);
    }
  });

  it('given whitespace of any kind (tabs, newlines, the ideographic space), then it is skipped', () => {
    expect(parse(' a\t==\n1\u3000')).toEqual(parse('a == 1'));
  });

  it('given bad syntax, then the diagnostic has a stable code and the offset', () => {
    expect(parseError('a ==')).toBe('expr.unexpectedEnd');
    expect(parseError('(a')).toBe('expr.unexpectedEnd');
    expect(parseError('a b')).toBe('expr.syntax');
    expect(parseError('a == == b')).toBe('expr.syntax');
    expect(parseError(')')).toBe('expr.syntax');
    expect(parseError('[1, 2,]')).toBe('expr.syntax');
    expect(parseError('a.')).toBe('expr.unexpectedEnd');
    expect(parseError('a.in')).toBe('expr.syntax');
    expect(parseError('a.1')).toBe('expr.syntax');
    expect(parseError('in')).toBe('expr.syntax');
    expect(parseError('a not b')).toBe('expr.syntax');
    expect(parseError('a == !b')).toBe('expr.syntax');
    expect(parseError('a # b')).toBe('expr.badChar');
    expect(parseError('a & b')).toBe('expr.badChar');
    expect(parseError("a == 'x'")).toBe('expr.badChar');
    expect(parseError('a = 1')).toBe('expr.singleEquals');
    expect(parseError('1.')).toBe('expr.badNumber');
    expect(parseError('1e999')).toBe('expr.badNumber');
    expect(parseError('12abc')).toBe('expr.badNumber');
    expect(parseError('"abc')).toBe('expr.badString');
    expect(parseError('"\\x"')).toBe('expr.badString');
    expect(parseError('"\\u12"')).toBe('expr.badString');
    expect(parseError('"a\nb"')).toBe('expr.badString');
    expect(parseError('a < b < c')).toBe('expr.chainedComparison');
    expect(parseError('a == b in c')).toBe('expr.chainedComparison');
    expect(parseError('eval(x)')).toBe('expr.unknownFunction');
    expect(parseError('length(a, b)')).toBe('expr.arity');
    expect(parseError('length()')).toBe('expr.arity');
    expect(parseError('')).toBe('expr.empty');
    expect(parseError('   ')).toBe('expr.empty');
    expect(parseError(42 as unknown as string)).toBe('expr.empty');

    const r = parseExpression('level == 1 and type @ 2');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostics[0]?.message.en).toContain('offset 20');
      expect(r.diagnostics[0]?.message.zh).toContain('位置 20');
    }
  });

  it('given __proto__, constructor or prototype anywhere in a name, then it is refused', () => {
    expect(parseError('__proto__')).toBe('expr.forbiddenName');
    expect(parseError('a.__proto__.polluted == 1')).toBe('expr.forbiddenName');
    expect(parseError('constructor')).toBe('expr.forbiddenName');
    expect(parseError('x.constructor.prototype')).toBe('expr.forbiddenName');
    expect(parseError('prototype(1)')).toBe('expr.forbiddenName');
    expect(parse('"__proto__" in keys')).toEqual(bin('in', lit('__proto__'), field('keys')));
  });

  it('given sources beyond the limits, then tooLong, tooDeep and tooLarge', () => {
    expect(parseError(`a == "${'x'.repeat(exprLimits.maxSourceLength)}"`)).toBe('expr.tooLong');
    expect(parseError(`${'('.repeat(33)}a${')'.repeat(33)}`)).toBe('expr.tooDeep');
    expect(parseError(`${'not '.repeat(40)}a`)).toBe('expr.tooDeep');
    expect(parseError(`${'-'.repeat(40)}a`)).toBe('expr.tooDeep');
    expect(parseError(Array.from({ length: 40 }, () => 'a').join(' + '))).toBe('expr.tooDeep');
    expect(parseError(`[${Array.from({ length: 300 }, () => '1').join(',')}]`)).toBe(
      'expr.tooLarge',
    );
    expect(parseError(Array.from({ length: 40 }, () => 'a').join('.'))).toBe('expr.tooDeep');
    expect(parseExpression(`${'('.repeat(32)}a${')'.repeat(32)}`).ok).toBe(true);
    expect(parseExpression(`${'('.repeat(1000)}`).ok).toBe(false);
  });

  it('given any diagnostic, then its code is in the catalogue and both languages are filled', () => {
    for (const s of ['a ==', 'a b', 'a @', 'a = 1', '1e999', '"x', 'a<b<c', 'f(1)', 'length()']) {
      const r = parseExpression(s);
      if (r.ok) throw new Error(s);
      for (const d of r.diagnostics) {
        expect(Object.hasOwn(exprCatalog, d.code)).toBe(true);
        expect(d.message.en).not.toMatch(/\{\w+\}/);
        expect(d.message.zh).not.toMatch(/\{\w+\}/);
      }
    }
  });
});

describe('printExpression', () => {
  it('given ASTs, then it prints canonical source that parses back to the same AST', () => {
    const cases: [string, string][] = [
      ['(a&&b)||!c', 'a and b or not c'],
      ['a && (b || c)', 'a and (b or c)'],
      ['!(a && b)', 'not (a and b)'],
      ['not not a', 'not not a'],
      ['(not a) == b', '(not a) == b'],
      ['a - -5', 'a - -5'],
      ['-(5)', '-(5)'],
      ['-(-5)', '-(-5)'],
      ['- -a', '- -a'],
      ['-(a + 1)', '-(a + 1)'],
      ['x == -0', 'x == -0'],
      ['(a == b) == c', '(a == b) == c'],
      ['a == (b == c)', 'a == (b == c)'],
      ['a not  in [1,2]', 'a not in [1, 2]'],
      ['1e21 > 1.5e-7', '1e+21 > 1.5e-7'],
      ['"\\u0001\\"" == "中"', '"\\u0001\\"" == "中"'],
      ['length([1,2]) % 2', 'length([1, 2]) % 2'],
    ];
    for (const [source, printed] of cases) {
      const ast = parse(source);
      expect(printExpression(ast)).toBe(printed);
      expect(parse(printExpression(ast))).toEqual(ast);
    }
  });
});

describe('evaluateExpression', () => {
  const data = {
    heartRate: 130,
    level: 1,
    type: 'leakage',
    category: 'noise',
    tags: ['elderly', 'alone'],
    scores: [1, 2, 3],
    household: { floor: 3, address: { town: '解放碑' } },
    answered: false,
    name: '张三丰',
  };

  it('given the brief examples, then they evaluate as expected', () => {
    expect(run('heartRate > 120 or heartRate < 40', data)).toBe(true);
    expect(run('level == 1 and type in ["leakage", "overTemperature"]', data)).toBe(true);
    expect(run('household.floor * 2 + 1 <= 9', data)).toBe(true);
    expect(run('category != "fire"', data)).toBe(true);
    expect(run('tags contains "elderly"', data)).toBe(true);
    expect(run('household.address.town == "解放碑"', data)).toBe(true);
  });

  it('given comparison operators, then numbers and strings compare by value, strictly typed', () => {
    expect(run('1 == 1')).toBe(true);
    expect(run('1 != 1')).toBe(false);
    expect(run('1 == "1"')).toBe(false);
    expect(run('1 != "1"')).toBe(true);
    expect(run('2 < 3')).toBe(true);
    expect(run('3 <= 3')).toBe(true);
    expect(run('3 > 3')).toBe(false);
    expect(run('3 >= 3')).toBe(true);
    expect(run('"apple" < "banana"')).toBe(true);
    expect(run('[1, [2]] == [1, [2]]')).toBe(true);
    expect(run('[1, 2] == [2, 1]')).toBe(false);
    expect(run('household == household', data)).toBe(true);
    expect(run('household == null', data)).toBe(false);
    expect(run('1 < "2"')).toBe('expr.runtimeType');
    expect(run('true < false')).toBe('expr.runtimeType');
  });

  it('given null or a missing field, then it is null, == null is true and other comparisons false', () => {
    expect(run('missing', data)).toBe(null);
    expect(run('household.missing.deeper', data)).toBe(null);
    expect(run('heartRate.x', data)).toBe(null);
    expect(run('tags.length', data)).toBe(null);
    expect(run('missing == null', data)).toBe(true);
    expect(run('missing != null', data)).toBe(false);
    expect(run('heartRate == null', data)).toBe(false);
    for (const op of ['<', '<=', '>', '>=']) {
      expect(run(`missing ${op} 1`, data)).toBe(false);
      expect(run(`1 ${op} missing`, data)).toBe(false);
      expect(run(`null ${op} null`, data)).toBe(false);
    }
    expect(run('missing + 1', data)).toBe(null);
    expect(run('-missing', data)).toBe(null);
    expect(run('missing in tags', data)).toBe(false);
    expect(run('"x" in missing', data)).toBe(false);
    expect(run('"x" not in missing', data)).toBe(true);
    expect(run('missing contains "x"', data)).toBe(false);
    expect(run('length(missing)', data)).toBe(null);
    expect(run('x', undefined)).toBe(null);
    expect(run('x', 'not an object')).toBe(null);
  });

  it('given and, or, not, then booleans combine, null counts as false, and they short-circuit', () => {
    expect(run('true and false')).toBe(false);
    expect(run('true and true')).toBe(true);
    expect(run('false or true')).toBe(true);
    expect(run('false or false')).toBe(false);
    expect(run('not true')).toBe(false);
    expect(run('!false')).toBe(true);
    expect(run('not answered', data)).toBe(true);
    expect(run('not missing', data)).toBe(true);
    expect(run('missing and true', data)).toBe(false);
    expect(run('false and 1 / 0 == 1')).toBe(false);
    expect(run('true or 1 / 0 == 1')).toBe(true);
    expect(run('true and 1 / 0 == 1')).toBe('expr.divisionByZero');
    expect(run('1 and true')).toBe('expr.runtimeType');
    expect(run('not "yes"')).toBe('expr.runtimeType');
  });

  it('given in, not in and contains, then membership is structural and contains also finds substrings', () => {
    expect(run('type in ["leakage", "overTemperature"]', data)).toBe(true);
    expect(run('type not in ["leakage"]', data)).toBe(false);
    expect(run('2 in scores', data)).toBe(true);
    expect(run('"2" in scores', data)).toBe(false);
    expect(run('[1] in [[1], [2]]')).toBe(true);
    expect(run('tags contains "alone"', data)).toBe(true);
    expect(run('tags contains "x"', data)).toBe(false);
    expect(run('name contains "三"', data)).toBe(true);
    expect(run('name contains null', data)).toBe(false);
    expect(run('name contains 1', data)).toBe('expr.runtimeType');
    expect(run('1 in "abc"')).toBe('expr.runtimeType');
    expect(run('1 contains 1')).toBe('expr.runtimeType');
  });

  it('given arithmetic, then numbers compute and division by zero is an error, not Infinity', () => {
    expect(run('1 + 2 * 3')).toBe(7);
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('10 - 4 - 3')).toBe(3);
    expect(run('7 / 2')).toBe(3.5);
    expect(run('7 % 3')).toBe(1);
    expect(run('-7 % 3')).toBe(-1);
    expect(run('-heartRate', data)).toBe(-130);
    expect(run('- -2')).toBe(2);
    expect(run('1 / 0')).toBe('expr.divisionByZero');
    expect(run('1 % 0')).toBe('expr.divisionByZero');
    expect(run('1e308 * 10')).toBe('expr.notFinite');
    expect(run('"a" + "b"')).toBe('expr.runtimeType');
    expect(run('-"a"')).toBe('expr.runtimeType');
  });

  it('given length and the since-functions, then they use the code points and the given clock', () => {
    expect(run('length(tags)', data)).toBe(2);
    expect(run('length(name)', data)).toBe(3);
    expect(run('length("𠀀a")')).toBe(2);
    expect(run('length(1)')).toBe('expr.runtimeType');
    const now = Date.UTC(2024, 4, 1, 0, 10);
    const at = { alarmAt: '2024-05-01T08:00:00+08:00', ms: Date.UTC(2024, 4, 1) };
    expect(run('minutesSince(alarmAt)', at, { now })).toBe(10);
    expect(run('minutesSince(ms)', at, { now })).toBe(10);
    expect(run('hoursSince("2024-04-30T23:10Z")', {}, { now })).toBe(1);
    expect(run('daysSince("2024-04-29")', {}, { now: Date.UTC(2024, 4, 1) })).toBe(2);
    expect(run('minutesSince("2024-05-01T00:09:30.5Z")', {}, { now })).toBeCloseTo(0.4917, 3);
    expect(run('minutesSince(missing)', {}, { now })).toBe(null);
    expect(run('not answered and minutesSince(alarmAt) >= 5', at, { now })).toBe(true);
    expect(run('minutesSince(alarmAt)', at)).toBe('expr.noClock');
    for (const bad of [
      '"2024-05-01T08:00:00"',
      '"2024-02-30"',
      '"yesterday"',
      '"2024-13-01"',
      'true',
    ]) {
      expect(run(`minutesSince(${bad})`, {}, { now })).toBe('expr.badDate');
    }
    const year50 = new Date(0);
    year50.setUTCFullYear(50, 0, 2);
    expect(run('daysSince("0050-01-01")', {}, { now: year50.getTime() })).toBe(1);
  });

  it('given data with own __proto__ and constructor keys, then they are never read and nothing is polluted', () => {
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "a": {"__proto__": 1}}',
    );
    const before = JSON.stringify(hostile);
    const forbidden: ExprNode[] = [
      field('__proto__'),
      field('__proto__', 'polluted'),
      field('constructor', 'prototype'),
      field('a', '__proto__'),
    ];
    for (const ast of forbidden) {
      const r = evaluateExpression(ast, hostile);
      expect(r.ok ? r.value : r.error.code).toBe('expr.forbiddenName');
    }
    expect(run('polluted', hostile)).toBe(null);
    expect(run('toString', {})).toBe(null);
    expect(run('hasOwnProperty', {})).toBe(null);
    expect(run('a == a', hostile)).toBe(true);
    expect(JSON.stringify(hostile)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('given a huge array or deep data, then evaluation stops within the step budget', () => {
    const big = { list: Array.from({ length: 1_200_000 }, (_, i) => i) };
    const started = performance.now();
    expect(run('-1 in list', big)).toBe('expr.tooExpensive');
    expect(run('999 in list', big)).toBe(true);
    expect(run('list == list', big)).toBe(true);
    expect(run('-1 in list', big, { maxSteps: 100 })).toBe('expr.tooExpensive');
    let deep: unknown = 0;
    let deep2: unknown = 0;
    for (let i = 0; i < 100_000; i++) {
      deep = [deep];
      deep2 = [deep2];
    }
    expect(run('a == b', { a: deep, b: deep2 })).toBe(true);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const cyclic2: Record<string, unknown> = {};
    cyclic2.self = cyclic2;
    expect(run('a == b', { a: cyclic, b: cyclic2 })).toBe('expr.tooExpensive');
    expect(run('a.self.self.self == null', { a: cyclic })).toBe(false);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('given a malformed or cyclic AST built in code, then it returns a diagnostic and never throws', () => {
    const bad = [
      null,
      42,
      { kind: 'nope' },
      { kind: 'literal', value: Number.NaN },
      { kind: 'literal' },
      { kind: 'field', path: 'a' },
      { kind: 'field', path: [] },
      { kind: 'array', items: 3 },
      { kind: 'call', name: 'eval', args: [lit(1)] },
      { kind: 'call', name: 'length', args: [] },
      { kind: 'unary', op: '~', operand: lit(1) },
      { kind: 'binary', op: '**', left: lit(1), right: lit(2) },
    ];
    for (const ast of bad) {
      const r = evaluateExpression(ast as ExprNode, {});
      expect(r.ok).toBe(false);
    }
    const loop: Record<string, unknown> = { kind: 'unary', op: 'not' };
    loop.operand = loop;
    const r = evaluateExpression(loop as unknown as ExprNode, {});
    expect(r.ok ? 'ok' : r.error.code).toBe('expr.tooDeep');
    const throwing = {
      get a() {
        throw new Error('boom');
      },
    };
    const t = evaluateExpression(field('a'), throwing);
    expect(t.ok ? 'ok' : t.error.code).toBe('expr.badData');
  });

  it('given any evaluation, then the data is not mutated', () => {
    const d = structuredClone(data);
    run('tags contains "x" or household.floor * 2 > 1 and [1, 2] == scores', d);
    expect(d).toEqual(data);
  });
});

describe('evaluateCondition and compileCondition', () => {
  it('given a condition, then it gives a boolean; null counts as false; other values are notBoolean', () => {
    expect(evaluateCondition(parse('answered'), {})).toEqual({ ok: true, value: false });
    expect(evaluateCondition(parse('answered'), { answered: true })).toEqual({
      ok: true,
      value: true,
    });
    const r = evaluateCondition(parse('1 + 1'), {});
    expect(r.ok ? 'ok' : r.error.code).toBe('expr.notBoolean');
  });

  it('given a source, then compileCondition returns a frozen { ast, evaluate } that only interprets the AST', () => {
    const c = compileCondition('heartRate > 120 or heartRate < 40');
    if (!c.ok) throw new Error('compile failed');
    expect(c.evaluate({ heartRate: 130 })).toEqual({ ok: true, value: true });
    expect(c.evaluate({ heartRate: 80 })).toEqual({ ok: true, value: false });
    expect(c.evaluate({})).toEqual({ ok: true, value: false });
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.ast)).toBe(true);
    expect(JSON.parse(JSON.stringify(c.ast))).toEqual(c.ast);
    const bad = compileCondition('heartRate >');
    expect(bad.ok ? 'ok' : bad.diagnostics[0]?.code).toBe('expr.unexpectedEnd');
  });

  it('given fields, then compileCondition also type-checks', () => {
    const bad = compileCondition('level == "1"', { level: 'number' });
    expect(bad.ok ? 'ok' : bad.diagnostics[0]?.code).toBe('expr.typeMismatch');
    expect(compileCondition('level == 1', { level: 'number' }).ok).toBe(true);
  });
});

describe('typeCheckExpression', () => {
  const fields: Record<string, FieldType> = {
    heartRate: 'number',
    level: 'number',
    type: 'string',
    category: 'string',
    answered: 'boolean',
    alarmAt: 'date',
    resolvedAt: 'date',
    tags: 'string[]',
    scores: 'number[]',
    household: { object: { floor: 'number', address: { object: { town: 'string' } } } },
  };
  const codes = (source: string) => typeCheckExpression(parse(source), fields).map((d) => d.code);

  it('given well-typed conditions, then there are no diagnostics', () => {
    for (const s of [
      'heartRate > 120 or heartRate < 40',
      'level == 1 and type in ["leakage", "overTemperature"]',
      'not answered and minutesSince(alarmAt) >= 5',
      'household.floor * 2 + 1 <= 9',
      'household.address.town == "解放碑"',
      'category != "fire"',
      'tags contains "elderly"',
      'type contains "leak"',
      '3 in scores and level not in [2, 3]',
      'alarmAt < resolvedAt',
      'resolvedAt == null',
      'length(tags) > 0 and length(type) < 10',
      'household != null',
      'level in []',
    ]) {
      expect(codes(s), s).toEqual([]);
    }
  });

  it('given unknown fields or paths, then expr.unknownField names them', () => {
    expect(codes('age > 60')).toEqual(['expr.unknownField']);
    expect(codes('household.flor == 1')).toEqual(['expr.unknownField']);
    expect(codes('heartRate.value == 1')).toEqual(['expr.unknownField']);
    expect(codes('toString == null')).toEqual(['expr.unknownField']);
    const d = typeCheckExpression(parse('household.flor == 1'), fields)[0];
    expect(d?.message.en).toBe('Unknown field household.flor');
    expect(d?.path).toEqual([]);
  });

  it('given operators on the wrong types, then expr.typeMismatch quotes the sub-expression', () => {
    expect(codes('level == "1"')).toEqual(['expr.typeMismatch']);
    expect(codes('type > 3')).toEqual(['expr.typeMismatch']);
    expect(codes('answered < true')).toEqual(['expr.typeMismatch']);
    expect(codes('alarmAt > 5')).toEqual(['expr.typeMismatch']);
    expect(codes('heartRate and answered')).toEqual(['expr.typeMismatch']);
    expect(codes('not level')).toEqual(['expr.typeMismatch']);
    expect(codes('-type == 1')).toEqual(['expr.typeMismatch']);
    expect(codes('type + 1 == 2')).toEqual(['expr.typeMismatch']);
    expect(codes('level in tags')).toEqual(['expr.typeMismatch']);
    expect(codes('level in type')).toEqual(['expr.typeMismatch']);
    expect(codes('tags contains 1')).toEqual(['expr.typeMismatch']);
    expect(codes('level contains 1')).toEqual(['expr.typeMismatch']);
    expect(codes('type in [1, "a"]')).toEqual(['expr.typeMismatch']);
    expect(codes('minutesSince(level) > 1')).toEqual(['expr.typeMismatch']);
    expect(codes('length(level) > 1')).toEqual(['expr.typeMismatch']);
    expect(codes('household == household')).toEqual(['expr.typeMismatch']);
    const d = typeCheckExpression(parse('level == "1" and answered'), fields)[0];
    expect(d?.message.en).toBe(
      'The operator == in `level == "1"` cannot be applied to number, string',
    );
  });

  it('given a non-boolean expression, then expr.notBoolean', () => {
    expect(codes('level + 1')).toEqual(['expr.notBoolean']);
    expect(codes('type')).toEqual(['expr.notBoolean']);
    expect(codes('tags')).toEqual(['expr.notBoolean']);
    expect(codes('answered')).toEqual([]);
  });

  it('given several errors, then each is reported once without cascades', () => {
    expect(codes('age > 1 and level == "x" or type > 1')).toEqual([
      'expr.unknownField',
      'expr.typeMismatch',
      'expr.typeMismatch',
    ]);
  });
});

describe('exprNodeSchema and parseExprNode', () => {
  it('given a parsed AST as JSON, then it validates', () => {
    const ast = parse('not answered and minutesSince(alarmAt) >= 5 or type in ["a", -1, null]');
    expect(exprNodeSchema.safeParse(JSON.parse(JSON.stringify(ast))).success).toBe(true);
    expect(parseExprNode(ast)).toEqual({ ok: true, value: ast });
  });

  it('given bad ASTs, then they are rejected with codes and a path inside the AST', () => {
    const code = (value: unknown) => {
      const r = parseExprNode(value);
      return r.ok ? 'ok' : r.diagnostics[0]?.code;
    };
    expect(code({ kind: 'eval', source: 'x' })).toBe('expr.invalidAst');
    expect(code({ kind: 'field', path: ['a'], extra: 1 })).toBe('expr.invalidAst');
    expect(code({ kind: 'field', path: [] })).toBe('expr.invalidAst');
    expect(code({ kind: 'field', path: ['in'] })).toBe('expr.invalidAst');
    expect(code({ kind: 'field', path: ['first name'] })).toBe('expr.invalidAst');
    expect(code({ kind: 'call', name: 'eval', args: [] })).toBe('expr.invalidAst');
    expect(code({ kind: 'call', name: 'length', args: [] })).toBe('expr.invalidAst');
    expect(code({ kind: 'binary', op: '**', left: lit(1), right: lit(1) })).toBe('expr.invalidAst');
    expect(code({ kind: 'literal', value: Number.POSITIVE_INFINITY })).toBe('expr.invalidAst');
    expect(code({ kind: 'literal', value: {} })).toBe('expr.invalidAst');
    expect(code(JSON.parse('{"kind":"field","path":["a","__proto__"]}'))).toBe(
      'expr.forbiddenName',
    );
    expect(code({ kind: 'field', path: ['constructor'] })).toBe('expr.forbiddenName');
    const r = parseExprNode(bin('and', lit(true), { kind: 'field', path: ['prototype'] }));
    expect(r.ok ? [] : r.diagnostics[0]?.path).toEqual(['right', 'path', 0]);

    let deep: ExprNode = lit(true);
    for (let i = 0; i < 40; i++) deep = { kind: 'unary', op: 'not', operand: deep };
    expect(code(deep)).toBe('expr.tooDeep');
    const wide: ExprNode = { kind: 'array', items: Array.from({ length: 300 }, () => lit(1)) };
    expect(code(wide)).toBe('expr.tooLarge');
    let veryDeep: ExprNode = lit(true);
    for (let i = 0; i < 200_000; i++) veryDeep = { kind: 'unary', op: 'not', operand: veryDeep };
    expect(code(veryDeep)).toBe('expr.tooDeep');
    const cyclic: Record<string, unknown> = { kind: 'unary', op: 'not' };
    cyclic.operand = cyclic;
    expect(['expr.tooDeep', 'expr.tooLarge']).toContain(code(cyclic));
  });
});
