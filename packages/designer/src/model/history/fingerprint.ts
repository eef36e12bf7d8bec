/**
 * A short fingerprint of a JSON document's exact text (FNV-1a over its `JSON.stringify`,
 * with the length): a restored history is only put back on the document it was saved with.
 *
 * @internal
 * @example
 * ```ts
 * fingerprint({ a: 1 }) === fingerprint({ a: 1 }); // true
 * ```
 */
export function fingerprint(doc: unknown): string {
  const text = JSON.stringify(doc) ?? '';
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `${text.length.toString(36)}-${h1.toString(36)}-${h2.toString(36)}`;
}
