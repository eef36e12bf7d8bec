import { expect, waitFor } from 'storybook/test';

/** The element `tag` in the story's canvas (fails the story when it is missing). */
export function elementIn<T extends Element = HTMLElement>(canvas: Element, tag: string): T {
  const el = canvas.querySelector<T & Element>(tag);
  if (!el) throw new Error(`no <${tag}> in the story`);
  return el;
}

/** The text of `tag`'s shadow root (empty until it renders). */
export function shadowText(canvas: Element, tag: string): string {
  return elementIn(canvas, tag).shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
}

/** Waits until `tag`'s shadow root shows `text` (3 s at most). */
export async function expectShadowText(canvas: Element, tag: string, text: string | RegExp) {
  await waitFor(
    () =>
      typeof text === 'string'
        ? expect(shadowText(canvas, tag)).toContain(text)
        : expect(shadowText(canvas, tag)).toMatch(text),
    { timeout: 3000 },
  );
}

/** Expects `tag` to reflect large text and render at 1.3 × the 14px base. */
export async function expectLargeText(canvas: Element, tag: string) {
  const el = elementIn(canvas, tag);
  await waitFor(() => expect(el.hasAttribute('large-text')).toBe(true));
  expect(Number.parseFloat(getComputedStyle(el).fontSize)).toBeGreaterThan(18); // 14px × 1.3
}
