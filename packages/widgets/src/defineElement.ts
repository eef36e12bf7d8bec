/**
 * Registers a custom element once: when the tag is already defined (a second copy of the
 * library on the page, or a portal that registered it itself) it does nothing and returns the
 * constructor already registered, so embedding two copies never throws.
 *
 * @example
 * ```ts
 * import { LitElement } from 'lit';
 * import { defineElement } from '@zhizhi/widgets';
 * class MyBadge extends LitElement {}
 * defineElement('my-badge', MyBadge);
 * defineElement('my-badge', MyBadge); // no-op, no DOMException
 * ```
 */
export function defineElement(
  tag: string,
  ctor: CustomElementConstructor,
): CustomElementConstructor | undefined {
  if (typeof customElements === 'undefined') return undefined;
  const existing = customElements.get(tag);
  if (existing) return existing;
  customElements.define(tag, ctor);
  return ctor;
}
