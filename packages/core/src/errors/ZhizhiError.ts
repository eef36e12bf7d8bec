import type { MessageTemplate } from '../diagnostics/Diagnostic.js';

/**
 * The one error shape every zhizhi runtime call returns (never throws) for cases, scenario
 * instances and anything else the runtime hosts: a stable `code`, the JSON `path` of the input
 * it concerns (empty for the whole input), the `params` its message was filled from, and the
 * message in zh-CN and English.
 *
 * @example
 * ```ts
 * import type { ZhizhiError } from '@zhizhi/core';
 * const line = (e: ZhizhiError) => `${e.code} ${e.path.join('.')}: ${e.message.en}`;
 * ```
 */
export interface ZhizhiError {
  code: string;
  path: (string | number)[];
  params: Record<string, string | number>;
  message: { zh: string; en: string };
}

/**
 * Fills `{name}` placeholders of a template from params (own properties only; a missing
 * param stays as `{name}`). The one template filler of core.
 *
 * @example
 * ```ts
 * import { fillTemplate } from '@zhizhi/core';
 * fillTemplate('事件 {caseId} 已闭环', { caseId: 'c1' }); // '事件 c1 已闭环'
 * ```
 */
export function fillTemplate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) =>
    Object.hasOwn(params, key) ? String(params[key]) : `{${key}}`,
  );
}

/**
 * Builds a {@link ZhizhiError} from a catalogue of message templates keyed by code.
 *
 * @example
 * ```ts
 * import { makeError } from '@zhizhi/core';
 * const catalog = { 'x.gone': { zh: '{id} 不存在', en: '{id} does not exist' } };
 * makeError(catalog, 'x.gone', { id: 'c1' }).message.en; // 'c1 does not exist'
 * ```
 */
export function makeError<C extends Record<string, MessageTemplate>>(
  catalog: C,
  code: keyof C & string,
  params: Record<string, string | number> = {},
  path: (string | number)[] = [],
): ZhizhiError {
  const t = catalog[code] as MessageTemplate;
  return {
    code,
    path,
    params,
    message: { zh: fillTemplate(t.zh, params), en: fillTemplate(t.en, params) },
  };
}
