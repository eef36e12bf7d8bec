import { type Lang, pickText } from '../i18n/Lang.js';
import { type ErrorCode, errorCatalog } from './errorCatalog.js';
import { makeError, type ZhizhiError } from './ZhizhiError.js';

/**
 * A typed, serialisable error: a stable `code`, the JSON `path` it concerns (empty when it
 * concerns the whole input), its `params`, and the message in zh-CN and English.
 * Engine calls return it (they do not throw it) so callers can branch on `code`.
 *
 * @example
 * ```ts
 * import { caseError } from '@zhizhi/core';
 * const err = caseError('case.notFound', { caseId: 'c1' });
 * err.message.en; // 'Case c1 does not exist'
 * ```
 */
export interface CaseError extends ZhizhiError {
  code: ErrorCode;
}

/**
 * Builds a {@link CaseError} from the catalogue.
 *
 * @example
 * ```ts
 * import { caseError } from '@zhizhi/core';
 * caseError('payload.invalid', { path: 'reason', rule: 'required' }, ['reason']).message.zh;
 * // '数据无效：reason 处 required'
 * ```
 */
export function caseError(
  code: ErrorCode,
  params: Record<string, string | number> = {},
  path: (string | number)[] = [],
): CaseError {
  return makeError(errorCatalog, code, params, path) as CaseError;
}

/**
 * The message of an error in one language.
 *
 * @example
 * ```ts
 * import { caseError, errorMessage } from '@zhizhi/core';
 * errorMessage(caseError('case.closed', { caseId: 'c1' }), 'zh-CN'); // '事件 c1 已闭环'
 * ```
 */
export function errorMessage(error: CaseError, lang: Lang): string {
  return pickText(error.message, lang);
}
