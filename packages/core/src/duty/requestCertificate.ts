import type { LocalizedText } from '../i18n/Lang.js';
import type { MayIssueCertificate, MustNotIssueCertificate } from './communityListEntrySchemas.js';
import { type CommunityLists, certificateKeys } from './communityListsSchema.js';
import { dutyDiagnostic } from './dutyCatalog.js';

/**
 * A resident's request to a village or community for a certificate, by its id, its zh or
 * English name, or an alias (`'亲属关系证明'`, `'kinship'`); case and surrounding spaces are ignored.
 *
 * @example
 * ```ts
 * import type { CertificateRequest } from '@zhizhi/core/duty';
 * const req: CertificateRequest = { communityId: 'qj-sj-c2', certificate: '亲属关系证明' };
 * ```
 */
export interface CertificateRequest {
  communityId: string;
  certificate: string;
}

/**
 * Why a certificate is not issued: it is on the must-not-issue list (`duty.certificateRefused`,
 * with the entry, its reason and where to go instead), it is not on the may-issue list
 * (`duty.certificateUnlisted`), or the lists are not the requesting community's
 * (`duty.listsNotForCommunity`). `reason` is ready to show, in zh-CN and English.
 *
 * @example
 * ```ts
 * import type { CertificateRefusal } from '@zhizhi/core/duty';
 * const tell = (r: CertificateRefusal) => (r.code === 'duty.certificateRefused' ? r.entry.authority.zh : r.reason.zh);
 * ```
 */
export type CertificateRefusal =
  | {
      code: 'duty.certificateRefused';
      list: 'mustNotIssue';
      reason: LocalizedText;
      entry: MustNotIssueCertificate;
    }
  | { code: 'duty.certificateUnlisted'; list: 'mayIssue'; reason: LocalizedText }
  | { code: 'duty.listsNotForCommunity'; reason: LocalizedText };

/**
 * The answer to a {@link CertificateRequest}: the may-issue entry, or a refusal.
 *
 * @example
 * ```ts
 * import type { CertificateDecision } from '@zhizhi/core/duty';
 * const issued = (d: CertificateDecision) => (d.ok ? d.entry.name.zh : null);
 * ```
 */
export type CertificateDecision =
  | { ok: true; list: 'mayIssue'; entry: MayIssueCertificate }
  | { ok: false; refusal: CertificateRefusal };

/**
 * Decides a request for a certificate by a community's four lists (四清单一目录). A
 * certificate on the must-not-issue list is refused with the list's reason and the competent
 * authority; one on the may-issue list is granted; anything else is refused as unlisted, since a
 * community issues only what a law or regulation lets it (no more "universal seal", 万能章).
 * The must-not-issue list wins if an entry is on both (which {@link communityListsSchema}
 * reports). Pure; never throws.
 *
 * @example
 * ```ts
 * import { requestCertificate, sampleCommunityLists } from '@zhizhi/core/duty';
 * const d = requestCertificate(sampleCommunityLists, { communityId: 'qj-sj-c2', certificate: '无犯罪记录证明' });
 * if (!d.ok) d.refusal.reason.zh; // '“无犯罪记录证明”列入不得出具证明清单，…请向户籍地或居住地公安派出所申请。'
 * ```
 */
export function requestCertificate(
  lists: CommunityLists,
  request: CertificateRequest,
): CertificateDecision {
  const { communityId, certificate } = request;
  if (!lists.communityIds.includes(communityId)) {
    const reason = dutyDiagnostic('duty.listsNotForCommunity', [], { communityId }).message;
    return { ok: false, refusal: { code: 'duty.listsNotForCommunity', reason } };
  }
  const key = certificate.trim().toLowerCase();
  const refused = lists.mustNotIssue.find((e) => certificateKeys(e).includes(key));
  if (refused) {
    const reason = dutyDiagnostic('duty.certificateRefused', [], {
      nameZh: refused.name.zh,
      nameEn: refused.name.en,
      reasonZh: refused.reason.zh,
      reasonEn: refused.reason.en,
      authorityZh: refused.authority.zh,
      authorityEn: refused.authority.en,
    }).message;
    const refusal = {
      code: 'duty.certificateRefused',
      list: 'mustNotIssue',
      reason,
      entry: refused,
    } as const;
    return { ok: false, refusal };
  }
  const allowed = lists.mayIssue.find((e) => certificateKeys(e).includes(key));
  if (allowed) return { ok: true, list: 'mayIssue', entry: allowed };
  const reason = dutyDiagnostic('duty.certificateUnlisted', [], {
    certificate: certificate.trim().slice(0, 200),
  }).message;
  return { ok: false, refusal: { code: 'duty.certificateUnlisted', list: 'mayIssue', reason } };
}
