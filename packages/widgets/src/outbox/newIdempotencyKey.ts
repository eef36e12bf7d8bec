/**
 * A fresh idempotency key: 128 random bits as 32 hex digits after `zz-` (made with
 * `crypto.getRandomValues`, which, unlike `crypto.randomUUID`, also works on portals served
 * over plain HTTP).
 *
 * @example
 * ```ts
 * import { newIdempotencyKey } from '@zhizhi/widgets';
 * newIdempotencyKey(); // 'zz-3f9c…' (35 characters)
 * ```
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `zz-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
