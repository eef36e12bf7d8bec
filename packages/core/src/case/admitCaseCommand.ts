import type * as z from 'zod/mini';
import { type CaseError, caseError } from '../errors/CaseError.js';
import { type CaseCommand, type CaseEventType, caseEventSchemas } from './caseEventSchemas.js';

/**
 * Turns the first zod issue into a `payload.invalid` (or `restore.invalid`) error naming the
 * JSON path and the rule broken.
 *
 * @example
 * ```ts
 * import { caseEventSchemas, zodIssueError } from '@zhizhi/core';
 * const r = caseEventSchemas.RETURN.safeParse({ type: 'RETURN', by: 'x' });
 * if (!r.success) zodIssueError(r.error).path; // ['reason']
 * ```
 */
export function zodIssueError(
  error: z.core.$ZodError,
  code: 'payload.invalid' | 'restore.invalid' = 'payload.invalid',
  prefix: (string | number)[] = [],
): CaseError {
  const issue = error.issues[0];
  const path = [...prefix, ...(issue?.path ?? [])].map((p) =>
    typeof p === 'symbol' ? String(p) : p,
  );
  const rule = issue ? `${issue.code}${issue.message ? ` (${issue.message})` : ''}` : 'invalid';
  return caseError(code, { path: path.join('.') || '(root)', rule }, path);
}

/**
 * Checks untrusted input (a forged JSON body, a form post) against the schema of its event
 * type. Unknown properties are dropped; nothing in the input is ever executed.
 *
 * @example
 * ```ts
 * import { admitCaseCommand } from '@zhizhi/core';
 * admitCaseCommand({ type: 'EXPLODE', by: 'x' }); // { ok: false, error: { code: 'event.unknown', … } }
 * ```
 */
export function admitCaseCommand(
  input: unknown,
): { ok: true; value: CaseCommand } | { ok: false; error: CaseError } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: caseError('payload.invalid', { path: '(root)', rule: 'object' }) };
  }
  const type = (input as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(caseEventSchemas, type)) {
    return {
      ok: false,
      error: caseError('event.unknown', { type: String(type).slice(0, 64) }, ['type']),
    };
  }
  const parsed = caseEventSchemas[type as CaseEventType].safeParse(input);
  if (!parsed.success) return { ok: false, error: zodIssueError(parsed.error) };
  return { ok: true, value: parsed.data as CaseCommand };
}
