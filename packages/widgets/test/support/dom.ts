import { expect } from 'vitest';
import { axeViolations } from './axeViolations.js';

/** Puts `html` in a fresh container on the page and returns the container. */
export function mount(markup: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  return host;
}

/** Removes every container `mount` added. */
export function unmountAll(): void {
  document.body.replaceChildren();
}

/** Waits until `check` returns a truthy value (or throws with `what`). */
export async function waitFor<T>(check: () => T, what: string, timeoutMs = 3000): Promise<T> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v) return v;
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The shadow root of an element (fails the test when there is none). */
export function shadow(el: Element | null | undefined): ShadowRoot {
  const root = el?.shadowRoot;
  if (!root) throw new Error(`no shadow root on ${el?.tagName ?? 'null'}`);
  return root;
}

/** Runs axe-core on `el` (shadow DOM included) and expects no violations. */
export async function expectNoAxeViolations(el: Element): Promise<void> {
  expect(await axeViolations(el)).toEqual([]);
}

/** OWASP XSS filter-evasion payloads: each must show as text and never run. */
export const xssPayloads = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 1">',
  '<svg onload="window.__xss=1">',
  '"><iframe src="javascript:window.parent.__xss=1">',
  "';window.__xss=1;//",
  '<a href="javascript:window.__xss=1">x</a>',
  '{{constructor.constructor("window.__xss=1")()}}',
];
