/**
 * A new instance id: base-36 time (so ids sort by creation) and 12 hex digits of
 * `crypto.randomUUID()` (browser and Node). Reporters may not choose ids with `:`, which the
 * runtime keeps for the ids it derives (a dispatch step's case, a hand-off).
 *
 * @example
 * ```ts
 * import { newInstanceId } from '@zhizhi/core/runtime';
 * newInstanceId(); // e.g. 'mi3k2x1a-4f0c9e2b7d1a'
 * ```
 */
export function newInstanceId(): string {
  const { crypto } = globalThis as unknown as { crypto: { randomUUID(): string } };
  const random = crypto.randomUUID().replace(/-/g, '').slice(0, 12);
  return `${Date.now().toString(36)}-${random}`;
}
