import { type FieldType, isFieldSegment } from '@zhizhi/core/expr';

/** A field a condition may read, as offered by the condition editor. */
export interface FieldChoice {
  /** The path as written in a condition (`level`, `household.floor`). */
  path: string;
  /** The type, as the checker sees it (`number`, `string[]`, `object`…). */
  type: string;
}

/** What to offer at the caret: the fields matching the word being typed, and where it is. */
export interface Completions {
  /** Start and end (UTF-16 offsets) of the word at the caret, replaced by a choice. */
  from: number;
  to: number;
  choices: FieldChoice[];
}

const typeName = (t: FieldType) => (typeof t === 'string' ? t : 'object');

/**
 * Every field path a condition over these data fields can read: each field, and inside an
 * object field each of its fields (`household.floor`), to three levels. Names that cannot be
 * written in a condition (reserved words) are left out.
 *
 * @example
 * ```ts
 * import { fieldChoices } from '@zhizhi/designer';
 * fieldChoices([{ id: 'household', type: { object: { floor: 'number' } } }]).map((c) => c.path);
 * // ['household', 'household.floor']
 * ```
 */
export function fieldChoices(fields: readonly { id: string; type: FieldType }[]): FieldChoice[] {
  const out: FieldChoice[] = [];
  const walk = (prefix: string, name: string, type: FieldType, depth: number) => {
    if (!isFieldSegment(name)) return;
    const path = prefix === '' ? name : `${prefix}.${name}`;
    out.push({ path, type: typeName(type) });
    if (typeof type === 'object' && depth < 3)
      for (const [k, t] of Object.entries(type.object)) walk(path, k, t, depth + 1);
  };
  for (const f of fields) walk('', f.id, f.type, 1);
  return out;
}

/** A character of a field path (Unicode letters and digits, `_`, `$`, `.`). */
const pathChar = /[\p{L}\p{N}\p{Mn}\p{Mc}_$.]/u;

/**
 * The field paths to offer with the caret at `caret` in `source`: those starting with the
 * word before the caret (case-insensitive; all of them for an empty word), not inside a
 * string literal, and not a word that is already exactly one of them.
 *
 * @example
 * ```ts
 * import { completeCondition, fieldChoices } from '@zhizhi/designer';
 * const fields = fieldChoices([{ id: 'level', type: 'number' }]);
 * completeCondition('lev', 3, fields); // { from: 0, to: 3, choices: [{ path: 'level', type: 'number' }] }
 * ```
 */
export function completeCondition(
  source: string,
  caret: number,
  fields: readonly FieldChoice[],
): Completions {
  let from = caret;
  while (from > 0 && pathChar.test(source[from - 1] as string)) from--;
  let to = caret;
  while (to < source.length && pathChar.test(source[to] as string)) to++;
  // inside a string literal (an odd number of unescaped quotes before the word): nothing
  let quotes = 0;
  for (let i = 0; i < from; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === '"') quotes++;
  }
  const word = source.slice(from, caret).toLowerCase();
  if (quotes % 2 === 1 || /^\d/.test(word)) return { from, to, choices: [] };
  const choices = fields.filter(
    (f) => f.path.toLowerCase().startsWith(word) && f.path !== source.slice(from, to),
  );
  return { from, to, choices };
}
