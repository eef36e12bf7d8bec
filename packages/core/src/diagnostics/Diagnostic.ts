import { fillTemplate } from '../errors/ZhizhiError.js';

/**
 * One finding of a checker (the scenario validator, the expression type-checker, the CAP
 * importer…): a stable `code`, the JSON `path` it concerns, a `severity`, and the message in
 * zh-CN and English. Checkers return lists of these; they never throw on bad input.
 *
 * The message never repeats `path`: a printer shows the path, the message says what is wrong.
 * A scenario diagnostic about a step (its path starts with `steps.<i>`) also carries `stepId`,
 * the id of that step, which stays right when steps are inserted or moved (the designer focuses
 * the node by it).
 *
 * @example
 * ```ts
 * import type { Diagnostic } from '@zhizhi/core/scenario';
 * const line = (d: Diagnostic) =>
 *   `${d.path.join('.')}${d.stepId ? ` (${d.stepId})` : ''}  ${d.code}  ${d.message.en}`;
 * ```
 */
export interface Diagnostic {
  code: string;
  path: (string | number)[];
  severity: 'error' | 'warning';
  message: { zh: string; en: string };
  /** The id of the scenario step the path leads into (`steps.<i>…`), when it has one. */
  stepId?: string;
}

/**
 * A message template pair with `{name}` placeholders.
 *
 * @example
 * ```ts
 * import type { MessageTemplate } from '@zhizhi/core/scenario';
 * const t: MessageTemplate = { zh: '未知字段 {name}', en: 'Unknown field {name}' };
 * ```
 */
export interface MessageTemplate {
  zh: string;
  en: string;
}

/**
 * Builds a {@link Diagnostic} from a catalogue of templates keyed by code.
 *
 * @example
 * ```ts
 * import { makeDiagnostic } from '@zhizhi/core/scenario';
 * const catalog = { 'expr.unknownField': { zh: '未知字段 {name}', en: 'Unknown field {name}' } };
 * makeDiagnostic(catalog, 'expr.unknownField', ['steps', 0, 'when'], { name: 'age' }).message.en;
 * // 'Unknown field age'
 * ```
 */
export function makeDiagnostic<C extends Record<string, MessageTemplate>>(
  catalog: C,
  code: keyof C & string,
  path: (string | number)[],
  params: Record<string, string | number> = {},
  severity: 'error' | 'warning' = 'error',
): Diagnostic {
  const t = catalog[code] as MessageTemplate;
  return {
    code,
    path,
    severity,
    message: { zh: fillTemplate(t.zh, params), en: fillTemplate(t.en, params) },
  };
}
