import { makeError, type ZhizhiError } from '../../errors/ZhizhiError.js';
import { scenarioRuntimeCatalog } from './scenarioRuntimeCatalog.js';

/**
 * A refusal of the scenario runtime: `{ ok: false, error }` with a diagnostic from
 * {@link scenarioRuntimeCatalog}.
 *
 * @example
 * ```ts
 * import { runError } from '@zhizhi/core/scenario';
 * runError('run.notFound', { id: 'band-1' }).error.message.en; // 'Scenario instance band-1 does not exist'
 * ```
 */
export function runError(
  code: keyof typeof scenarioRuntimeCatalog,
  params: Record<string, string | number> = {},
  path: (string | number)[] = [],
): { ok: false; error: ZhizhiError } {
  return { ok: false, error: makeError(scenarioRuntimeCatalog, code, params, path) };
}

/**
 * The `run.payload` refusal for a zod issue: its path and rule.
 *
 * @example
 * ```ts
 * import { payloadError } from '@zhizhi/core/scenario';
 * payloadError({ path: ['gridId'], message: 'required' }).error.path; // ['gridId']
 * ```
 */
export function payloadError(issue: { path: PropertyKey[]; message: string } | undefined): {
  ok: false;
  error: ZhizhiError;
} {
  const path = (issue?.path ?? []).map((p) => (typeof p === 'symbol' ? String(p) : p)) as (
    | string
    | number
  )[];
  return runError(
    'run.payload',
    { path: path.join('.') || '(root)', rule: issue?.message ?? 'invalid' },
    path,
  );
}
