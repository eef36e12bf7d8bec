import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics/Diagnostic.js';
import {
  binaryOperators,
  type ExprNode,
  evaluateCondition,
  evaluateExpression,
  exprCatalog,
  exprFunctions,
  exprLimits,
  exprNodeSchema,
  type FieldType,
  isFieldSegment,
  isForbiddenName,
  parseExpression,
  parseExprNode,
  printExpression,
  typeCheckExpression,
} from '../src/expr/index.js';

// 100,000 generated cases in total; the count is checked at the end.
const RUNS = {
  randomStrings: 20_000,
  tokenSoup: 12_000,
  mutatedSources: 8_000,
  longSoup: 1_000,
  canonicalRoundTrip: 12_000,
  spelledRoundTrip: 12_000,
  evaluator: 25_000,
  junk: 5_000,
  typing: 5_000,
};
const TOTAL = Object.values(RUNS).reduce((a, b) => a + b, 0);
// Generous: a case normally takes microseconds; this only catches a hang, not GC pauses.
const MAX_CASE_MS = 1000;
let cases = 0;
let slowest = 0;

function timed<T>(f: () => T): T {
  const started = performance.now();
  const result = f();
  slowest = Math.max(slowest, performance.now() - started);
  return result;
}

// --- Arbitraries -------------------------------------------------------------------------

const identifier = fc.oneof(
  fc
    .stringMatching(/^[a-zA-Z_$][a-zA-Z0-9_$]{0,6}$/)
    .filter((s) => isFieldSegment(s) && !isForbiddenName(s)),
  fc.constantFrom('心率', '网格', 'household', 'floor', 'tags', 'a', 'b', 'x', 'length'),
);

/** Path segments for the evaluator: also names that reach the prototype chain. */
const hostileSegment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'b', 'tags', 'household', 'floor', 'polluted') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
      'length',
      'valueOf',
    ),
  },
);

const literalValue = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 0.5, 1e21, 5e-324),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('elderly', 'fire', '__proto__', '中文', ''),
  fc.boolean(),
  fc.constant(null),
);

function countNodes(node: ExprNode): number {
  switch (node.kind) {
    case 'array':
      return 1 + node.items.reduce((n, item) => n + countNodes(item), 0);
    case 'call':
      return 1 + node.args.reduce((n, item) => n + countNodes(item), 0);
    case 'unary':
      return 1 + countNodes(node.operand);
    case 'binary':
      return 1 + countNodes(node.left) + countNodes(node.right);
    default:
      return 1;
  }
}

function astOf(segment: fc.Arbitrary<string>): fc.Arbitrary<ExprNode> {
  const { node } = fc.letrec<{
    node: ExprNode;
    leaf: ExprNode;
    array: ExprNode;
    call: ExprNode;
    unary: ExprNode;
    binary: ExprNode;
  }>((tie) => ({
    node: fc.oneof(
      { maxDepth: 6, depthSize: 'small', withCrossShrink: true },
      tie('leaf'),
      tie('binary'),
      tie('unary'),
      tie('array'),
      tie('call'),
    ),
    leaf: fc.oneof(
      literalValue.map((value): ExprNode => ({ kind: 'literal', value })),
      fc
        .array(segment, { minLength: 1, maxLength: 3 })
        .map((path): ExprNode => ({ kind: 'field', path })),
    ),
    array: fc
      .array(tie('node'), { maxLength: 3 })
      .map((items): ExprNode => ({ kind: 'array', items })),
    call: fc
      .record({
        name: fc.constantFrom(...(Object.keys(exprFunctions) as 'length'[])),
        arg: tie('node'),
      })
      .map(({ name, arg }): ExprNode => ({ kind: 'call', name, args: [arg] })),
    unary: fc
      .record({ op: fc.constantFrom('not' as const, '-' as const), operand: tie('node') })
      .map(({ op, operand }): ExprNode => ({ kind: 'unary', op, operand })),
    binary: fc
      .record({ op: fc.constantFrom(...binaryOperators), left: tie('node'), right: tie('node') })
      .map(({ op, left, right }): ExprNode => ({ kind: 'binary', op, left, right })),
  }));
  return node.filter((ast) => countNodes(ast) <= exprLimits.maxNodes);
}

const validAst = astOf(identifier);
const hostileAst = astOf(hostileSegment);

/** JSON text whose objects may have own `__proto__`, `constructor`, `prototype` keys. */
const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 4, depthSize: 'small' },
    literalValue.map((v) => JSON.stringify(v)),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc
      .array(fc.tuple(hostileSegment, tie('value')), { maxLength: 5 })
      .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
})).value;

// --- A printer with random spellings, whitespace, parentheses and number/string forms ----

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const precedence: Record<string, number> = {
  or: 1,
  and: 2,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

function spelledPrinter(seed: number): (ast: ExprNode) => string {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const ws = () => pick(['', '', ' ', ' ', '  ', '\t', '\n', '\u3000', '\r\n']);
  const gap = () => pick([' ', ' ', '\n', '\t', '\u3000']) + ws();
  const word = (w: string) => `${gap()}${w}${gap()}`;
  const number = (n: number) => {
    const abs = Math.abs(n);
    const text = pick([
      String(abs),
      abs.toExponential(),
      abs.toExponential().toUpperCase(),
      /e/.test(String(abs)) ? String(abs) : `00${abs}`,
    ]);
    return n < 0 || Object.is(n, -0) ? `-${ws()}${text}` : text;
  };
  const string = (s: string) => {
    let out = '"';
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const ch = s.charAt(i);
      if (random() < 0.3 || c < 0x20) out += `\\u${c.toString(16).padStart(4, '0')}`;
      else if (ch === '"' || ch === '\\') out += `\\${ch}`;
      else if (ch === '/' && random() < 0.5) out += '\\/';
      else out += ch;
    }
    return `${out}"`;
  };
  const prec = (node: ExprNode): number => {
    if (node.kind === 'binary') return precedence[node.op] ?? 4;
    if (node.kind === 'unary') return node.op === 'not' ? 3 : 7;
    return 8;
  };
  const wrap = (node: ExprNode, minimum: number): string => {
    const text = print(node);
    return prec(node) < minimum || random() < 0.1 ? `(${ws()}${text}${ws()})` : text;
  };
  const list = (items: ExprNode[]) => items.map(print).join(`${ws()},${ws()}`);
  function print(node: ExprNode): string {
    switch (node.kind) {
      case 'literal':
        if (typeof node.value === 'number') return number(node.value);
        if (typeof node.value === 'string') return string(node.value);
        return String(node.value);
      case 'field':
        return node.path.join(pick(['.', '.', ` .${ws()}`]));
      case 'array':
        return `[${ws()}${list(node.items)}${ws()}]`;
      case 'call':
        return `${node.name}${ws()}(${ws()}${list(node.args)}${ws()})`;
      case 'unary':
        if (node.op === 'not')
          return `${pick(['not ', 'not\t', '!', `!${ws()}`])}${wrap(node.operand, 3)}`;
        if (node.operand.kind === 'literal' && typeof node.operand.value === 'number') {
          return `-${ws()}(${ws()}${number(node.operand.value)}${ws()})`;
        }
        return `-${ws()}${wrap(node.operand, 7)}`;
      case 'binary': {
        const p = prec(node);
        const op =
          node.op === 'and'
            ? pick([word('and'), `${ws()}&&${ws()}`])
            : node.op === 'or'
              ? pick([word('or'), `${ws()}||${ws()}`])
              : /^[a-z]/.test(node.op)
                ? word(node.op.replace(' ', gap()))
                : `${ws()}${node.op}${ws()}`;
        return `${wrap(node.left, p === 4 ? 5 : p)}${op}${wrap(node.right, p + 1)}`;
      }
    }
  }
  return print;
}

// --- Checks shared by the properties (plain checks: `expect` is slow in hot loops) -------

function check(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

/** `input` is the text the diagnostic may quote (the source, or the AST as JSON). */
function checkDiagnostic(d: Diagnostic, input: string): void {
  check(Object.hasOwn(exprCatalog, d.code), () => `unknown code ${d.code}`);
  check(d.severity === 'error' && Array.isArray(d.path), () => `bad shape ${JSON.stringify(d)}`);
  const placeholder = /\{\w+\}/;
  const quoted = placeholder.test(input);
  check(quoted || !placeholder.test(d.message.en + d.message.zh), () => `unfilled ${d.message.en}`);
  const offset = /offset (\d+)/.exec(d.message.en);
  check(quoted || !offset || Number(offset[1]) <= input.length, () => `offset ${d.message.en}`);
}

function checkParse(source: string): void {
  cases++;
  const r = timed(() => parseExpression(source));
  if (r.ok) {
    const again = parseExpression(printExpression(r.value));
    expect(again.ok && again.value).toEqual(r.value);
    check(exprNodeSchema.safeParse(r.value).success, () => `schema refuses ${source}`);
    return;
  }
  check(r.diagnostics.length === 1, () => `${r.diagnostics.length} diagnostics`);
  for (const d of r.diagnostics) {
    checkDiagnostic(d, source);
    check(d.path.length === 0, () => `path ${d.path}`);
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(typeof value);
  }
}

function checkEvaluation(ast: unknown, data: unknown): void {
  cases++;
  const before = JSON.stringify(data);
  const r = timed(() => evaluateExpression(ast as ExprNode, data, { now: 1_700_000_000_000 }));
  if (!r.ok) checkDiagnostic(r.error, safeJson(ast));
  // JSON data has no getters or proxies: `expr.badData` here would hide an interpreter bug.
  check(r.ok || r.error.code !== 'expr.badData', () => `badData for ${safeJson(ast)}`);
  const c = evaluateCondition(ast as ExprNode, data);
  check(!c.ok || typeof c.value === 'boolean', () => 'condition not boolean');
  check(JSON.stringify(data) === before, () => 'data mutated');
}

// --- Pollution watch ---------------------------------------------------------------------

const watched = [Object.prototype, Array.prototype, String.prototype, Function.prototype];
let snapshot: Map<PropertyKey, PropertyDescriptor | undefined>[] = [];

function describeProto(proto: object): Map<PropertyKey, PropertyDescriptor | undefined> {
  return new Map(Reflect.ownKeys(proto).map((k) => [k, Object.getOwnPropertyDescriptor(proto, k)]));
}

beforeAll(() => {
  snapshot = watched.map(describeProto);
});

afterAll(() => {
  // Printed for the record: how many cases ran and the slowest one.
  process.stdout.write(
    `expression fuzz: ${cases} cases, slowest ${slowest.toFixed(1)} ms (limit ${MAX_CASE_MS})\n`,
  );
});

describe('expression fuzzing', () => {
  it('given random strings, when parsed, then every rejection is a diagnostic and every AST round-trips', () => {
    const unit = fc.constantFrom(
      'grapheme',
      'grapheme-ascii',
      'binary',
      'binary-ascii',
    ) as fc.Arbitrary<'grapheme' | 'grapheme-ascii' | 'binary' | 'binary-ascii'>;
    const source = unit.chain((u) => fc.string({ unit: u, maxLength: 40 }));
    fc.assert(fc.property(source, checkParse), { numRuns: RUNS.randomStrings });
  });

  it('given token soup, when parsed, then it never throws and valid parses round-trip', () => {
    const token = fc.constantFrom(
      'a',
      'b.c',
      'tags',
      '1',
      '2.5',
      '1e3',
      '-',
      '+',
      '*',
      '/',
      '%',
      '(',
      ')',
      '[',
      ']',
      ',',
      '==',
      '!=',
      '<',
      '<=',
      '>',
      '>=',
      'and',
      'or',
      'not',
      'in',
      'contains',
      '&&',
      '||',
      '!',
      '"s"',
      '"\\u4e2d"',
      'true',
      'false',
      'null',
      'length',
      'minutesSince',
      '__proto__',
      'constructor',
      '=',
      '.',
      '"',
      '\\',
      '1e',
      '@',
      '&',
      ' ',
      '心率',
    );
    const soup = fc
      .tuple(fc.array(token, { maxLength: 30 }), fc.constantFrom('', ' '))
      .map(([tokens, sep]) => tokens.join(sep));
    fc.assert(fc.property(soup, checkParse), { numRuns: RUNS.tokenSoup });
  });

  it('given valid sources with a few random edits, when parsed, then it never throws', () => {
    const edit = fc.tuple(
      fc.nat(),
      fc.constantFrom('', '(', ')', '"', '\\', '.', '-', '=', '!', ' ', 'n', '[', ',', '1'),
    );
    const mutated = fc
      .tuple(validAst, fc.integer(), fc.array(edit, { minLength: 1, maxLength: 3 }))
      .map(([ast, seed, edits]) => {
        let source = spelledPrinter(seed)(ast);
        for (const [at, insert] of edits) {
          const i = source.length === 0 ? 0 : at % source.length;
          source = source.slice(0, i) + insert + source.slice(i + (insert === '' ? 1 : 0));
        }
        return source;
      });
    fc.assert(fc.property(mutated, checkParse), { numRuns: RUNS.mutatedSources });
  });

  it('given long token soup near the limits, then tooLong, tooDeep and tooLarge are diagnostics', () => {
    const token = fc.constantFrom('(', '[', 'not ', '-', 'a', ' + ', ',', ' and ', '1', ')', ']');
    const soup = fc.array(token, { minLength: 200, maxLength: 900 }).map((t) => t.join(''));
    fc.assert(fc.property(soup, checkParse), { numRuns: RUNS.longSoup });
  });

  it('given generated ASTs, when printed canonically and parsed, then the AST is equal', () => {
    fc.assert(
      fc.property(validAst, (ast) => {
        cases++;
        const printed = printExpression(ast);
        const r = parseExpression(printed);
        expect(r.ok ? r.value : r.diagnostics).toEqual(ast);
        expect(exprNodeSchema.safeParse(ast).success).toBe(true);
      }),
      { numRuns: RUNS.canonicalRoundTrip },
    );
  });

  it('given generated ASTs, when printed with random spellings, spaces, parentheses and escapes, then they parse to the same AST', () => {
    fc.assert(
      fc.property(validAst, fc.integer(), (ast, seed) => {
        cases++;
        const source = spelledPrinter(seed)(ast);
        const r = parseExpression(source);
        expect(r.ok ? r.value : { source, diagnostics: r.diagnostics }).toEqual(ast);
      }),
      { numRuns: RUNS.spelledRoundTrip },
    );
  });

  it('given random ASTs over random JSON with __proto__ and constructor keys, then evaluation never throws, mutates or pollutes', () => {
    fc.assert(
      fc.property(hostileAst, jsonText, (ast, text) => checkEvaluation(ast, JSON.parse(text))),
      { numRuns: RUNS.evaluator },
    );
  });

  it('given junk instead of an AST, then evaluation, validation and typing return diagnostics', () => {
    const junk = fc.oneof(
      fc.anything(),
      fc.jsonValue(),
      hostileAst.map((a) => ({ ...a, kind: 'x' })),
    );
    fc.assert(
      fc.property(junk, jsonText, (value, text) => {
        checkEvaluation(value, JSON.parse(text));
        const v = parseExprNode(value);
        const input = safeJson(value);
        if (!v.ok) for (const d of v.diagnostics) checkDiagnostic(d, input);
        for (const d of typeCheckExpression(value as ExprNode, {})) checkDiagnostic(d, input);
      }),
      { numRuns: RUNS.junk },
    );
  });

  it('given generated ASTs and field types, then type-checking gives catalogued diagnostics and a well-typed condition evaluates to a boolean', () => {
    const fieldType: fc.Arbitrary<FieldType> = fc.letrec<{ t: FieldType }>((tie) => ({
      t: fc.oneof(
        { maxDepth: 2 },
        fc.constantFrom('string', 'number', 'boolean', 'date', 'string[]', 'number[]' as const),
        fc.dictionary(identifier, tie('t'), { maxKeys: 3 }).map((object) => ({ object })),
      ),
    })).t;
    const fields = fc.dictionary(identifier, fieldType, { maxKeys: 6 });
    fc.assert(
      fc.property(validAst, fields, jsonText, (ast, types, text) => {
        cases++;
        const diagnostics = typeCheckExpression(ast, types);
        for (const d of diagnostics) checkDiagnostic(d, JSON.stringify(ast));
        const r = evaluateCondition(ast, JSON.parse(text), { now: 0 });
        if (diagnostics.length === 0 && !r.ok) {
          // Well typed, but the data need not match the types: only runtime codes may appear.
          expect(r.error.code).not.toBe('expr.invalidAst');
        }
      }),
      { numRuns: RUNS.typing },
    );
  });

  it('given the whole run, then 100,000 cases ran, each within the time bound, and no prototype changed', () => {
    expect(TOTAL).toBeGreaterThanOrEqual(100_000);
    expect(cases).toBeGreaterThanOrEqual(TOTAL);
    expect(slowest).toBeLessThan(MAX_CASE_MS);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    watched.forEach((proto, i) => {
      const now = describeProto(proto);
      const before = snapshot[i] as Map<PropertyKey, PropertyDescriptor | undefined>;
      expect([...now.keys()]).toEqual([...before.keys()]);
      for (const [key, d] of now) {
        expect(d?.value ?? d?.get, String(key)).toBe(
          before.get(key)?.value ?? before.get(key)?.get,
        );
      }
    });
  });
});
