import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import type { BinaryNode, ExprNode } from './ExprNode.js';
import { exprDiagnostic, exprTreeDiagnostic } from './exprCatalog.js';
import { exprLimits } from './exprLimits.js';
import type { FieldType } from './FieldType.js';
import { printExpression } from './printExpression.js';

/** The static type of a sub-expression; `unknown` stops further diagnostics. */
type Ty =
  | { t: 'string' | 'number' | 'boolean' | 'date' | 'null' | 'unknown' }
  | { t: 'array'; of: Ty }
  | { t: 'object'; fields: Record<string, FieldType> };

const scalar = (t: 'string' | 'number' | 'boolean' | 'date' | 'null' | 'unknown'): Ty => ({ t });
const UNKNOWN = scalar('unknown');
const BOOLEAN = scalar('boolean');
const NUMBER = scalar('number');

function fromField(type: unknown): Ty {
  switch (type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'date':
      return scalar(type);
    case 'string[]':
      return { t: 'array', of: scalar('string') };
    case 'number[]':
      return { t: 'array', of: scalar('number') };
  }
  if (typeof type === 'object' && type !== null && Object.hasOwn(type, 'object')) {
    const fields = (type as { object: unknown }).object;
    if (typeof fields === 'object' && fields !== null) {
      return { t: 'object', fields: fields as Record<string, FieldType> };
    }
  }
  return UNKNOWN;
}

function name(ty: Ty): string {
  return ty.t === 'array' ? `${name(ty.of)}[]` : ty.t;
}

/** Whether two types may be compared with `==` (either side null, or the same type). */
function equatable(a: Ty, b: Ty): boolean {
  if (a.t === 'unknown' || b.t === 'unknown' || a.t === 'null' || b.t === 'null') return true;
  if (a.t === 'array' && b.t === 'array') return equatable(a.of, b.of);
  return a.t === b.t && a.t !== 'object';
}

class Checker {
  readonly diagnostics: Diagnostic[] = [];
  constructor(private readonly fields: Record<string, FieldType>) {}

  private mismatch(node: ExprNode, op: string, ...types: Ty[]): Ty {
    const names = types.map(name);
    const params = {
      op,
      expr: printExpression(node),
      types: names.join(', '),
      typesZh: names.map((t) => `\`${t}\``).join('、'),
    };
    this.diagnostics.push(exprDiagnostic('expr.typeMismatch', params));
    return UNKNOWN;
  }

  check(node: ExprNode, depth: number): Ty {
    if (depth > exprLimits.maxDepth) {
      this.diagnostics.push(exprTreeDiagnostic('expr.tooDeep', { max: exprLimits.maxDepth }));
      return UNKNOWN;
    }
    switch (node.kind) {
      case 'literal':
        if (node.value === null) return scalar('null');
        return scalar(typeof node.value as 'string' | 'number' | 'boolean');
      case 'array':
        return this.checkArray(node, depth);
      case 'field':
        return this.checkField(node.path);
      case 'call': {
        const arg = this.check(node.args[0] as ExprNode, depth + 1);
        const ok =
          arg.t === 'unknown' ||
          arg.t === 'null' ||
          (node.name === 'length' ? arg.t === 'string' || arg.t === 'array' : arg.t === 'date');
        return ok ? NUMBER : this.mismatch(node, node.name, arg);
      }
      case 'unary': {
        const operand = this.check(node.operand, depth + 1);
        const want = node.op === 'not' ? 'boolean' : 'number';
        if (operand.t === 'unknown' || operand.t === want) return scalar(want);
        return this.mismatch(node, node.op, operand);
      }
      case 'binary':
        return this.checkBinary(node, depth);
      default:
        this.diagnostics.push(exprDiagnostic('expr.invalidAst', { detail: 'kind' }));
        return UNKNOWN;
    }
  }

  private checkArray(node: Extract<ExprNode, { kind: 'array' }>, depth: number): Ty {
    let of: Ty = UNKNOWN;
    for (const item of node.items) {
      const ty = this.check(item, depth + 1);
      if (ty.t === 'unknown' || ty.t === 'null') continue;
      if (of.t === 'unknown') of = ty;
      else if (!equatable(of, ty)) return this.mismatch(node, '[ ]', of, ty);
    }
    return { t: 'array', of };
  }

  private checkField(path: string[]): Ty {
    let ty: Ty = { t: 'object', fields: this.fields };
    for (const segment of path) {
      if (ty.t !== 'object' || !Object.hasOwn(ty.fields, segment)) {
        this.diagnostics.push(exprDiagnostic('expr.unknownField', { name: path.join('.') }));
        return UNKNOWN;
      }
      ty = fromField(ty.fields[segment]);
    }
    return ty;
  }

  private checkBinary(node: BinaryNode, depth: number): Ty {
    const l = this.check(node.left, depth + 1);
    const r = this.check(node.right, depth + 1);
    const anyUnknown = l.t === 'unknown' || r.t === 'unknown';
    switch (node.op) {
      case 'and':
      case 'or':
        if ((l.t === 'boolean' || l.t === 'unknown') && (r.t === 'boolean' || r.t === 'unknown')) {
          return BOOLEAN;
        }
        return this.mismatch(node, node.op, l, r);
      case '==':
      case '!=':
        return equatable(l, r) ? BOOLEAN : this.mismatch(node, node.op, l, r);
      case '<':
      case '<=':
      case '>':
      case '>=': {
        const ordered = (t: Ty['t']) => t === 'number' || t === 'string' || t === 'date';
        if (anyUnknown || (l.t === r.t && ordered(l.t))) return BOOLEAN;
        return this.mismatch(node, node.op, l, r);
      }
      case 'in':
      case 'not in':
        if (r.t === 'unknown' || (r.t === 'array' && equatable(l, r.of))) return BOOLEAN;
        return this.mismatch(node, node.op, l, r);
      case 'contains':
        if (anyUnknown || (l.t === 'string' && r.t === 'string')) return BOOLEAN;
        if (l.t === 'array' && equatable(l.of, r)) return BOOLEAN;
        return this.mismatch(node, node.op, l, r);
      default:
        if (anyUnknown || (l.t === 'number' && r.t === 'number')) return NUMBER;
        return this.mismatch(node, node.op, l, r);
    }
  }
}

/**
 * Type-checks an AST against the declared types of the data fields. Returns diagnostics
 * (empty when the condition is well typed): `expr.unknownField` for a field or path not
 * declared, `expr.typeMismatch` for an operator applied to the wrong types (e.g. a number
 * compared with a string, `and` on a number, `in` on something that is not an array), and
 * `expr.notBoolean` when the whole expression is not a boolean. Each message quotes the
 * offending sub-expression; `path` is `[]`. `null` may be compared with anything by `==`.
 *
 * @example
 * ```ts
 * import { parseExpression, typeCheckExpression } from '@zhizhi/core/expr';
 * const r = parseExpression('level == "1" and tags contains "elderly"');
 * if (r.ok) typeCheckExpression(r.value, { level: 'number', tags: 'string[]' })[0]?.code;
 * // 'expr.typeMismatch'
 * ```
 */
export function typeCheckExpression(
  ast: ExprNode,
  fields: Record<string, FieldType>,
): Diagnostic[] {
  const checker = new Checker(fields);
  let type: Ty;
  try {
    type = checker.check(ast, 1);
  } catch {
    // Only an AST that skipped validation (not from parseExpression or exprNodeSchema) gets here.
    return [exprDiagnostic('expr.invalidAst', { detail: 'unreadable node' })];
  }
  if (type.t !== 'boolean' && type.t !== 'unknown' && checker.diagnostics.length === 0) {
    const params = { expr: printExpression(ast), type: name(type) };
    checker.diagnostics.push(exprDiagnostic('expr.notBoolean', params));
  }
  return checker.diagnostics;
}
