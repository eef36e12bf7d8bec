import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import type { Parsed } from '../diagnostics/Parsed.js';
import { type CommunityLists, communityListsSchema } from './communityListsSchema.js';
import { dutyIssueDiagnostics } from './dutyCatalog.js';

/**
 * Checks a community's four lists and one catalogue imported from JSON against
 * {@link communityListsSchema}, and reports every problem as a {@link Diagnostic} with its
 * path and a message in zh-CN and English. Unknown properties are dropped; never throws.
 *
 * @example
 * ```ts
 * import { parseCommunityLists, sampleCommunityLists } from '@zhizhi/core/duty';
 * const twice = { ...sampleCommunityLists, signage: [...sampleCommunityLists.signage, sampleCommunityLists.signage[0]] };
 * const r = parseCommunityLists(twice);
 * if (!r.ok) r.diagnostics[0]?.code; // 'duty.duplicateId'
 * ```
 */
export function parseCommunityLists(value: unknown): Parsed<CommunityLists> {
  const parsed = communityListsSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, diagnostics: dutyIssueDiagnostics(parsed.error) };
}
