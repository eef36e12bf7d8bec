import { exprLimits } from './exprLimits.js';

const childKeys = ['operand', 'left', 'right'] as const;
const listKeys = ['items', 'args'] as const;

/**
 * @internal Checks the size of an untrusted AST-shaped value before anything recurses
 * into it: an iterative walk along `items`, `args`, `operand`, `left` and `right` (own
 * properties only) that stops at the first node beyond `maxDepth` or `maxNodes`, so
 * neither a deep nor a cyclic value can overflow the stack or loop.
 */
export function measureExprNode(value: unknown): 'ok' | 'tooDeep' | 'tooLarge' {
  const stack: [unknown, number][] = [[value, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (typeof node !== 'object' || node === null || Array.isArray(node)) continue;
    if (depth > exprLimits.maxDepth) return 'tooDeep';
    if (++nodes > exprLimits.maxNodes) return 'tooLarge';
    for (const key of childKeys) {
      if (Object.hasOwn(node, key)) stack.push([(node as Record<string, unknown>)[key], depth + 1]);
    }
    for (const key of listKeys) {
      const list = Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
      if (!Array.isArray(list)) continue;
      if (list.length > exprLimits.maxNodes) return 'tooLarge';
      for (const item of list) stack.push([item, depth + 1]);
    }
  }
  return 'ok';
}
