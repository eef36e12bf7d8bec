import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import type { BinaryNode, CallNode, ExprNode } from './ExprNode.js';
import { type ExprCode, exprDiagnostic, exprTreeDiagnostic } from './exprCatalog.js';
import { exprLimits } from './exprLimits.js';
import { isForbiddenName } from './forbiddenNames.js';
import { jsonEqual } from './jsonEqual.js';
import { parseIsoTimestamp } from './parseIsoTimestamp.js';
import { printExpression } from './printExpression.js';

/**
 * Options of an evaluation: `now` (epoch milliseconds) for `minutesSince`, `hoursSince`
 * and `daysSince` — pass the Engine's clock so that simulations with a fast-forwarded
 * clock and replays stay deterministic — and `maxSteps` (default
 * `exprLimits.maxSteps`).
 *
 * @example
 * ```ts
 * import type { EvaluateOptions } from '@zhizhi/core/expr';
 * const options: EvaluateOptions = { now: Date.parse('2024-05-01T08:00:00Z') };
 * ```
 */
export interface EvaluateOptions {
  now?: number;
  maxSteps?: number;
}

/**
 * The result of {@link evaluateExpression}: the value, or one diagnostic.
 *
 * @example
 * ```ts
 * import type { EvaluateResult } from '@zhizhi/core/expr';
 * const show = (r: EvaluateResult) => (r.ok ? String(r.value) : r.error.code);
 * ```
 */
export type EvaluateResult = { ok: true; value: unknown } | { ok: false; error: Diagnostic };

class EvalFailure {
  constructor(readonly diagnostic: Diagnostic) {}
}

const msPerUnit = { minutesSince: 60_000, hoursSince: 3_600_000, daysSince: 86_400_000 };

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function printShort(node: ExprNode): string {
  const text = printExpression(node);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === 0 || (text.charCodeAt(i - 1) & 0xfc00) !== 0xd800) n++;
  }
  return n;
}

/** @internal The interpreter; one instance per evaluation. */
class Evaluator {
  private steps = 0;

  constructor(
    private readonly data: unknown,
    private readonly now: number | undefined,
    private readonly maxSteps: number,
  ) {}

  fail(code: ExprCode, params: Record<string, string | number> = {}): never {
    throw new EvalFailure(exprDiagnostic(code, params));
  }

  private invalid(detail: string): never {
    return this.fail('expr.invalidAst', { detail });
  }

  tick(cost: number): void {
    this.steps += cost;
    if (this.steps > this.maxSteps) this.fail('expr.tooExpensive', { max: this.maxSteps });
  }

  private typeError(node: ExprNode, op: string, ...values: unknown[]): never {
    const names = values.map(typeName);
    const typesZh = names.map((t) => `\`${t}\``).join('、');
    return this.fail('expr.runtimeType', {
      expr: printShort(node),
      op,
      types: names.join(', '),
      typesZh,
    });
  }

  visit(node: ExprNode, depth: number): unknown {
    if (depth > exprLimits.maxDepth) {
      throw new EvalFailure(exprTreeDiagnostic('expr.tooDeep', { max: exprLimits.maxDepth }));
    }
    this.tick(1);
    if (typeof node !== 'object' || node === null) return this.invalid('node');
    switch (node.kind) {
      case 'literal': {
        const v = node.value;
        if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
        if (typeof v === 'number' && Number.isFinite(v)) return v;
        return this.invalid('literal');
      }
      case 'array': {
        const items = node.items;
        if (!Array.isArray(items)) return this.invalid('array');
        const out: unknown[] = [];
        for (const item of items) out.push(this.visit(item, depth + 1));
        return out;
      }
      case 'field':
        return this.field(node.path);
      case 'call':
        return this.call(node, depth);
      case 'unary': {
        const v = this.visit(node.operand, depth + 1);
        if (node.op === 'not') return !this.truth(v, node, 'not');
        if (node.op !== '-') return this.invalid('unary');
        if (v === null) return null;
        if (typeof v !== 'number') return this.typeError(node, '-', v);
        return -v;
      }
      case 'binary':
        return this.binary(node, depth);
      default:
        return this.invalid('kind');
    }
  }

  private truth(v: unknown, node: ExprNode, op: string): boolean {
    if (v === true) return true;
    if (v === false || v === null) return false;
    return this.typeError(node, op, v);
  }

  private field(path: unknown): unknown {
    if (!Array.isArray(path) || path.length === 0) return this.invalid('path');
    this.tick(path.length);
    let v: unknown = this.data;
    for (const segment of path) {
      if (typeof segment !== 'string') return this.invalid('path');
      if (isForbiddenName(segment)) {
        throw new EvalFailure(exprTreeDiagnostic('expr.forbiddenName', { name: segment }));
      }
      if (typeof v !== 'object' || v === null || Array.isArray(v) || !Object.hasOwn(v, segment)) {
        return null;
      }
      v = (v as Record<string, unknown>)[segment];
    }
    return v === undefined ? null : v;
  }

  private call(node: CallNode, depth: number): unknown {
    const args = node.args;
    if (!Array.isArray(args) || args.length !== 1) return this.invalid('args');
    const v = this.visit(args[0] as ExprNode, depth + 1);
    if (node.name === 'length') {
      if (v === null) return null;
      if (typeof v === 'string') {
        this.tick(v.length >>> 10);
        return codePointLength(v);
      }
      if (Array.isArray(v)) return v.length;
      return this.typeError(node, node.name, v);
    }
    if (node.name !== 'minutesSince' && node.name !== 'hoursSince' && node.name !== 'daysSince') {
      return this.invalid('call');
    }
    if (v === null) return null;
    if (this.now === undefined) return this.fail('expr.noClock', { expr: printShort(node) });
    const at =
      typeof v === 'number' && Number.isFinite(v)
        ? v
        : typeof v === 'string'
          ? parseIsoTimestamp(v)
          : undefined;
    if (at === undefined) return this.fail('expr.badDate', { expr: printShort(node) });
    return this.finite((this.now - at) / msPerUnit[node.name], node);
  }

  private finite(n: number, node: ExprNode): number {
    if (!Number.isFinite(n)) this.fail('expr.notFinite', { expr: printShort(node) });
    return n;
  }

  private binary(node: BinaryNode, depth: number): unknown {
    const op = node.op;
    const left = this.visit(node.left, depth + 1);
    if (op === 'and')
      return this.truth(left, node, op) && this.truth(this.visit(node.right, depth + 1), node, op);
    if (op === 'or')
      return this.truth(left, node, op) || this.truth(this.visit(node.right, depth + 1), node, op);
    const right = this.visit(node.right, depth + 1);
    switch (op) {
      case '==':
        return jsonEqual(left, right, this);
      case '!=':
        return !jsonEqual(left, right, this);
      case '<':
      case '<=':
      case '>':
      case '>=':
        return this.compare(node, left, right);
      case 'in':
        return this.member(node, right, left);
      case 'not in':
        return !this.member(node, right, left);
      case 'contains':
        if (typeof left === 'string') {
          if (right === null) return false;
          if (typeof right !== 'string') return this.typeError(node, op, left, right);
          this.tick(left.length >>> 10);
          return left.includes(right);
        }
        return this.member(node, left, right);
      case '+':
      case '-':
      case '*':
      case '/':
      case '%':
        return this.arithmetic(node, left, right);
      default:
        return this.invalid('op');
    }
  }

  private compare(node: BinaryNode, a: unknown, b: unknown): boolean {
    if (a === null || b === null) return false;
    if (
      !(
        (typeof a === 'number' && typeof b === 'number') ||
        (typeof a === 'string' && typeof b === 'string')
      )
    ) {
      return this.typeError(node, node.op, a, b);
    }
    switch (node.op) {
      case '<':
        return a < b;
      case '<=':
        return a <= b;
      case '>':
        return a > b;
      default:
        return a >= b;
    }
  }

  private member(node: BinaryNode, list: unknown, value: unknown): boolean {
    if (list === null) return false;
    if (!Array.isArray(list)) return this.typeError(node, node.op, list);
    for (const item of list) {
      this.tick(1);
      if (jsonEqual(item, value, this)) return true;
    }
    return false;
  }

  private arithmetic(node: BinaryNode, a: unknown, b: unknown): number | null {
    if (a === null || b === null) return null;
    if (typeof a !== 'number' || typeof b !== 'number') return this.typeError(node, node.op, a, b);
    switch (node.op) {
      case '+':
        return this.finite(a + b, node);
      case '-':
        return this.finite(a - b, node);
      case '*':
        return this.finite(a * b, node);
      default:
        if (b === 0) return this.fail('expr.divisionByZero', { expr: printShort(node) });
        return this.finite(node.op === '/' ? a / b : a % b, node);
    }
  }
}

/**
 * Evaluates an AST over JSON data by interpreting it; no code is generated or run. It
 * never throws and never mutates `data`. Semantics:
 *
 * - a field reads only own properties of plain objects (never `__proto__`, `constructor`
 *   or `prototype`); a missing field, or a path through a non-object, is `null`;
 * - `==`/`!=` compare JSON values structurally and without conversion (`1 == "1"` is
 *   false, `x == null` is true when `x` is missing);
 * - `< <= > >=` compare two numbers or two strings (by UTF-16 code units); with `null` on
 *   either side they are false; other mixes are an `expr.runtimeType` error;
 * - `and`/`or`/`not` take booleans, `null` counting as false, and short-circuit;
 * - `x in list`: `list` is an array (or `null`, giving false); `list contains x` likewise,
 *   and `text contains part` tests a substring;
 * - arithmetic takes numbers and gives `null` if an operand is `null`; division or `%` by
 *   zero is `expr.divisionByZero`, a non-finite result is `expr.notFinite`;
 * - at most `maxSteps` steps, then `expr.tooExpensive`.
 *
 * @example
 * ```ts
 * import { evaluateExpression, parseExpression } from '@zhizhi/core/expr';
 * const r = parseExpression('household.floor * 2 + 1 <= 9');
 * if (r.ok) evaluateExpression(r.value, { household: { floor: 3 } }); // { ok: true, value: true }
 * ```
 */
export function evaluateExpression(
  ast: ExprNode,
  data: unknown,
  options: EvaluateOptions = {},
): EvaluateResult {
  try {
    const now =
      typeof options?.now === 'number' && Number.isFinite(options.now) ? options.now : undefined;
    const max = options?.maxSteps;
    const maxSteps = typeof max === 'number' && max >= 0 ? max : exprLimits.maxSteps;
    return { ok: true, value: new Evaluator(data, now, maxSteps).visit(ast, 1) };
  } catch (error) {
    if (error instanceof EvalFailure) return { ok: false, error: error.diagnostic };
    let expr = '?';
    try {
      expr = printShort(ast);
    } catch {
      // the AST itself is unprintable: keep '?'
    }
    return { ok: false, error: exprDiagnostic('expr.badData', { expr }) };
  }
}
