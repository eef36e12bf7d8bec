/** Most characters a line of an exported document takes before it is broken (as the repository's formatter). */
const WIDTH = 100;

type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

const flat = (v: Value): string => {
  if (Array.isArray(v)) return v.length === 0 ? '[]' : `[${v.map(flat).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, x]) => `${JSON.stringify(k)}: ${flat(x)}`).join(', ')} }`;
  }
  return JSON.stringify(v);
};

function print(v: Value, indent: string, prefix: string, suffix: string): string {
  const one = `${indent}${prefix}${flat(v)}${suffix}`;
  if (typeof v !== 'object' || v === null || one.length <= WIDTH) return one;
  const inner = `${indent}  `;
  const [open, close, items] = Array.isArray(v)
    ? ['[', ']', v.map((x) => ['', x] as const)]
    : ['{', '}', Object.entries(v).map(([k, x]) => [`${JSON.stringify(k)}: `, x] as const)];
  if (items.length === 0) return one;
  const lines = items.map(([p, x], i) => print(x, inner, p, i < items.length - 1 ? ',' : ''));
  return `${indent}${prefix}${open}\n${lines.join('\n')}\n${indent}${close}${suffix}`;
}

/**
 * The text of a scenario document as the repository writes its scenario files: two-space
 * indent, and any object or list that fits on its line (100 characters) kept on one line
 * (`{ "zh": "…", "en": "…" }`), with a final newline.
 *
 * @example
 * ```ts
 * import { formatScenario } from '@zhizhi/designer/model';
 * formatScenario({ a: { zh: '是', en: 'yes' } }); // '{ "a": { "zh": "是", "en": "yes" } }\n'
 * ```
 */
export function formatScenario(doc: unknown): string {
  return `${print(doc as Value, '', '', '')}\n`;
}
