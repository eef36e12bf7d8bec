import type { BinaryOperator, ExprNode } from './ExprNode.js';

const precedence: Record<BinaryOperator, number> = {
  or: 1,
  and: 2,
  '==': 4,
  '!=': 4,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  in: 4,
  'not in': 4,
  contains: 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};
const NOT = 3;
const COMPARISON = 4;
const UNARY_MINUS = 7;
const PRIMARY = 8;

function precedenceOf(node: ExprNode): number {
  if (node.kind === 'binary') return precedence[node.op];
  if (node.kind === 'unary') return node.op === 'not' ? NOT : UNARY_MINUS;
  return PRIMARY;
}

function printNumber(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

function wrap(node: ExprNode, minimum: number): string {
  const text = print(node);
  return precedenceOf(node) < minimum ? `(${text})` : text;
}

function print(node: ExprNode): string {
  switch (node.kind) {
    case 'literal':
      return typeof node.value === 'number' ? printNumber(node.value) : JSON.stringify(node.value);
    case 'array':
      return `[${node.items.map(print).join(', ')}]`;
    case 'field':
      return node.path.join('.');
    case 'call':
      return `${node.name}(${node.args.map(print).join(', ')})`;
    case 'unary': {
      if (node.op === 'not') return `not ${wrap(node.operand, NOT)}`;
      const operand = node.operand;
      // "-5" would parse back as the literal -5, so a negated number literal keeps parentheses.
      if (operand.kind === 'literal' && typeof operand.value === 'number') {
        return `-(${printNumber(operand.value)})`;
      }
      const text = wrap(operand, UNARY_MINUS);
      return text.startsWith('-') ? `- ${text}` : `-${text}`;
    }
    case 'binary': {
      const p = precedence[node.op];
      // Comparisons do not chain; the other levels associate to the left.
      const leftMinimum = p === COMPARISON ? p + 1 : p;
      return `${wrap(node.left, leftMinimum)} ${node.op} ${wrap(node.right, p + 1)}`;
    }
  }
}

/**
 * Prints an AST back to source in canonical form: keywords `and`/`or`/`not`, single spaces
 * around binary operators, and only the parentheses that precedence needs. Parsing the
 * printed text gives an AST equal to the input.
 *
 * @example
 * ```ts
 * import { parseExpression, printExpression } from '@zhizhi/core/expr';
 * const r = parseExpression('(a&&b)||!c');
 * if (r.ok) printExpression(r.value); // 'a and b or not c'
 * ```
 */
export function printExpression(ast: ExprNode): string {
  return print(ast);
}
