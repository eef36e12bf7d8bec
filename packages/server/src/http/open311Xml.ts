/**
 * XML 1.0 text: the five markup characters escaped, and the characters XML 1.0 cannot carry
 * at all (C0 controls but tab, newline and carriage return; lone surrogates; U+FFFE/U+FFFF)
 * dropped, so that no value a client once sent can break the document or inject markup.
 */
export function xmlText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An element per key of a flat record, in its order: `null` is an empty element. */
function fields(record: Record<string, unknown>, indent: string): string {
  return Object.entries(record)
    .map(([k, v]) => {
      if (v === null || v === undefined) return `${indent}<${k}/>`;
      if (Array.isArray(v))
        return v.length === 0
          ? `${indent}<${k}/>`
          : `${indent}<${k}>\n${v.map((x) => `${indent}  <${k.replace(/s$/, '')}>${xmlText(String(x))}</${k.replace(/s$/, '')}>`).join('\n')}\n${indent}</${k}>`;
      return `${indent}<${k}>${xmlText(String(v))}</${k}>`;
    })
    .join('\n');
}

const PROLOG = '<?xml version="1.0" encoding="utf-8"?>';

/**
 * A GeoReport v2 XML document: a root element holding one `item` element per record
 * (`<services><service>…`, `<service_requests><request>…`, `<errors><error>…`), or, with
 * `item` null, the root holding the record's fields (`<service_definition>…`). Element names
 * are the JSON field names (the spec's); every value is escaped with {@link xmlText}.
 *
 * @example
 * ```ts
 * open311Xml('errors', 'error', [{ code: 404, description: 'No service x' }]);
 * ```
 */
export function open311Xml(
  root: string,
  item: string | null,
  records: readonly Record<string, unknown>[],
): string {
  if (item === null) return `${PROLOG}\n<${root}>\n${fields(records[0] ?? {}, '  ')}\n</${root}>\n`;
  const body = records.map((r) => `  <${item}>\n${fields(r, '    ')}\n  </${item}>`).join('\n');
  return records.length === 0
    ? `${PROLOG}\n<${root}/>\n`
    : `${PROLOG}\n<${root}>\n${body}\n</${root}>\n`;
}
