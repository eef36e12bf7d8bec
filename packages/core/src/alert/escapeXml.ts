/** @internal The escape of one UTF-16 unit at `i` (`''` = keep), with surrogate pairs kept. */
function escapeAt(text: string, i: number, c: number): string {
  switch (c) {
    case 0x26:
      return '&amp;';
    case 0x3c:
      return '&lt;';
    case 0x3e:
      return '&gt;';
    case 0x22:
      return '&quot;';
    case 0x27:
      return '&apos;';
    case 0x0d:
      return '&#13;';
  }
  if (c < 0x20) return c === 0x09 || c === 0x0a ? '' : '\uFFFD';
  if (c < 0xd800) return '';
  if (c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    return d >= 0xdc00 && d <= 0xdfff ? '' : '\uFFFD';
  }
  if (c <= 0xdfff) {
    const p = text.charCodeAt(i - 1);
    return p >= 0xd800 && p <= 0xdbff ? '' : '\uFFFD';
  }
  return c === 0xfffe || c === 0xffff ? '\uFFFD' : '';
}

/**
 * Escapes a string for XML text or a quoted attribute value: the five predefined entities,
 * `\r` as `&#13;` (so that a reader's line-end normalisation keeps it), and every character
 * XML 1.0 cannot carry at all (C0 controls other than tab and newline, U+FFFE, U+FFFF, lone
 * surrogates) replaced by U+FFFD.
 *
 * @example
 * ```ts
 * import { escapeXml } from '@zhizhi/core/alert';
 * escapeXml('<b> & "x"'); // '&lt;b&gt; &amp; &quot;x&quot;'
 * ```
 */
export function escapeXml(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3f && c < 0xd800) continue;
    const rep = escapeAt(text, i, c);
    if (rep === '') continue;
    out += text.slice(from, i) + rep;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * @internal
 * Index of the first UTF-16 unit XML 1.0 does not allow (a C0 control other than tab,
 * newline and carriage return, U+FFFE, U+FFFF, a lone surrogate), or −1.
 */
export function firstNonXmlChar(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0xd800) continue;
    if (c < 0x20) {
      if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
      return i;
    }
    if (c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (c <= 0xdfff || c === 0xfffe || c === 0xffff) return i;
  }
  return -1;
}
