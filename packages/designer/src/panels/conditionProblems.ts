import { type Lang, pickText } from '@zhizhi/core';
import { type FieldType, parseExpression, typeCheckExpression } from '@zhizhi/core/expr';

/** A problem of a condition, for the editor to show inline. */
export interface ConditionProblem {
  code: string;
  message: { zh: string; en: string };
  /** Where in the source (UTF-16 offset) the problem is, when the language says. */
  offset?: number;
}

/** The expression language's messages give the offset as "at offset N" (see `exprCatalog`). */
const offsetIn = (en: string) => {
  const m = /offset (\d+)/.exec(en);
  return m ? Number(m[1]) : undefined;
};

/**
 * What is wrong with a condition, as the checker will say it: core's parser
 * (`parseExpression`: syntax, with the offset of the error) and type checker
 * (`typeCheckExpression` over the scenario's data fields: unknown fields, wrong types, not a
 * boolean — an unknown field is located at its first occurrence). Empty when it is fine.
 *
 * @example
 * ```ts
 * import { conditionProblems } from '@zhizhi/designer';
 * conditionProblems('level >', [{ id: 'level', type: 'number' }])[0]?.offset; // 7
 * ```
 */
export function conditionProblems(
  source: string,
  fields: readonly { id: string; type: FieldType }[],
): ConditionProblem[] {
  const parsed = parseExpression(source);
  if (!parsed.ok) {
    return parsed.diagnostics.map((d) => {
      const offset = offsetIn(d.message.en);
      return { code: d.code, message: d.message, ...(offset === undefined ? {} : { offset }) };
    });
  }
  const types: Record<string, FieldType> = Object.create(null);
  for (const f of fields) if (!Object.hasOwn(types, f.id)) types[f.id] = f.type;
  return typeCheckExpression(parsed.value, types).map((d) => {
    const name = d.code === 'expr.unknownField' ? /Unknown field (\S+)/.exec(d.message.en) : null;
    const at = name?.[1] ? source.indexOf(name[1].replace(/^`|`$/g, '')) : -1;
    return { code: d.code, message: d.message, ...(at >= 0 ? { offset: at } : {}) };
  });
}

/**
 * A problem as one line in the reader's language, with its position (1-based column).
 *
 * @example
 * ```ts
 * import { conditionProblemText } from '@zhizhi/designer';
 * conditionProblemText({ code: 'expr.syntax', message: { zh: '…', en: 'Syntax error' }, offset: 3 }, 'en');
 * // 'Column 4: Syntax error'
 * ```
 */
export function conditionProblemText(p: ConditionProblem, lang: Lang): string {
  const text = pickText(p.message, lang);
  if (p.offset === undefined) return text;
  return lang === 'en' ? `Column ${p.offset + 1}: ${text}` : `第 ${p.offset + 1} 列：${text}`;
}
