import axe from 'axe-core';

/**
 * Runs axe-core on `el` (shadow DOM included) and returns each violation as one line
 * (`rule: help (targets)`), empty when there is none. Free of any test runner, so the widget
 * tests (through `expectNoAxeViolations`) and the stories' `play` functions share it.
 */
export async function axeViolations(el: Element): Promise<string[]> {
  const result = await axe.run(el, { resultTypes: ['violations'] });
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}
