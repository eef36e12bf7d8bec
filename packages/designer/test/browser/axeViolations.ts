import axe from 'axe-core';

/**
 * Runs axe-core on `el` and returns each violation as one line (`rule: count (first target)`),
 * empty when there is none. Free of any test runner: the browser tests and every story's
 * check (.storybook/preview.tsx) share it.
 */
export async function axeViolations(el: Element): Promise<string[]> {
  const result = await axe.run(el);
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target.join(' ')})`,
  );
}
