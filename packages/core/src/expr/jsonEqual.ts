/**
 * @internal Structural equality of JSON values, without conversion: `null` and `undefined`
 * are equal, arrays compare element by element, objects by their own enumerable keys (read
 * through property descriptors, so no getter runs). Iterative, so deep values cannot
 * overflow the stack, and every visited pair is charged to `budget` (which throws when it
 * is spent), so huge or cyclic values cannot hang it.
 */
export function jsonEqual(a: unknown, b: unknown, budget: { tick(cost: number): void }): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object') return (a ?? null) === (b ?? null);
  const stack: unknown[] = [a, b];
  while (stack.length > 0) {
    const y = stack.pop();
    const x = stack.pop();
    budget.tick(1);
    if (x === y || ((x === undefined || x === null) && (y === undefined || y === null))) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (Array.isArray(x)) {
      if (!Array.isArray(y) || x.length !== y.length) return false;
      budget.tick(x.length);
      for (let i = 0; i < x.length; i++) stack.push(x[i], y[i]);
      continue;
    }
    if (Array.isArray(y)) return false;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    budget.tick(keys.length);
    for (const key of keys) {
      const dx = Object.getOwnPropertyDescriptor(x, key);
      const dy = Object.getOwnPropertyDescriptor(y, key);
      if (dx === undefined || dy === undefined || !dy.enumerable) return false;
      stack.push(dx.value, dy.value);
    }
  }
  return true;
}
