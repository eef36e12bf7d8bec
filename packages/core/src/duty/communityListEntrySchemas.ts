import * as z from 'zod/mini';
import { localizedTextSchema } from '../org/orgSchema.js';

const id = z.string().check(z.minLength(1), z.maxLength(128));
const aliases = z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(200))));

/**
 * zod schema of a village (community) matter (村（社区）事项): work the community does itself
 * under its own self-government (`autonomous`, 依法自治事项) or helps the government with
 * (`assisting`, 协助政府事项).
 *
 * @example
 * ```ts
 * import { villageMatterSchema } from '@zhizhi/core/duty';
 * villageMatterSchema.parse({ id: 'mediation', name: { zh: '调解民间纠纷', en: 'Mediating disputes' }, kind: 'autonomous' });
 * ```
 */
export const villageMatterSchema = z.object({
  id,
  name: localizedTextSchema,
  kind: z.enum(['autonomous', 'assisting']),
  basis: z.optional(localizedTextSchema),
});

/**
 * zod schema of a negative matter (负面事项): work that must not be handed down to the
 * community, why, and who does it instead.
 *
 * @example
 * ```ts
 * import { negativeMatterSchema } from '@zhizhi/core/duty';
 * negativeMatterSchema.parse({
 *   id: 'lawEnforcement',
 *   name: { zh: '行政执法', en: 'Administrative law enforcement' },
 *   reason: { zh: '村（社区）不是行政执法主体', en: 'A community is not a law-enforcement body' },
 *   responsible: { zh: '区县执法部门', en: 'The district’s law-enforcement departments' },
 * });
 * ```
 */
export const negativeMatterSchema = z.object({
  id,
  name: localizedTextSchema,
  reason: localizedTextSchema,
  responsible: z.optional(localizedTextSchema),
});

/**
 * zod schema of a certificate the community may lawfully issue (可依法出具证明), with the
 * names residents ask for it by and its legal basis.
 *
 * @example
 * ```ts
 * import { mayIssueCertificateSchema } from '@zhizhi/core/duty';
 * mayIssueCertificateSchema.parse({ id: 'collectiveMember', name: { zh: '集体经济组织成员身份证明', en: 'Collective membership certificate' } });
 * ```
 */
export const mayIssueCertificateSchema = z.object({
  id,
  name: localizedTextSchema,
  aliases,
  basis: z.optional(localizedTextSchema),
});

/**
 * zod schema of a certificate the community must not issue (不得出具证明): why, and the
 * competent authority (or way) the resident is sent to instead.
 *
 * @example
 * ```ts
 * import { mustNotIssueCertificateSchema } from '@zhizhi/core/duty';
 * mustNotIssueCertificateSchema.parse({
 *   id: 'noCriminalRecord',
 *   name: { zh: '无犯罪记录证明', en: 'No-criminal-record certificate' },
 *   reason: { zh: '犯罪记录由公安机关掌握', en: 'Criminal records are held by the police' },
 *   authority: { zh: '户籍地或居住地公安派出所', en: 'the police station where you are registered or live' },
 * });
 * ```
 */
export const mustNotIssueCertificateSchema = z.object({
  id,
  name: localizedTextSchema,
  aliases,
  reason: localizedTextSchema,
  authority: localizedTextSchema,
});

/**
 * zod schema of an entry of the signage catalogue (标识牌目录, 挂牌指导目录): a sign the
 * community may hang, outside the building (`exterior`) or on a room inside (`interior`).
 *
 * @example
 * ```ts
 * import { signageSchema } from '@zhizhi/core/duty';
 * signageSchema.parse({ id: 'villagersCommittee', name: { zh: '村民委员会', en: 'Villagers’ committee' }, placement: 'exterior' });
 * ```
 */
export const signageSchema = z.object({
  id,
  name: localizedTextSchema,
  placement: z.enum(['exterior', 'interior']),
});

/**
 * A village (community) matter (see {@link villageMatterSchema}).
 *
 * @example
 * ```ts
 * import type { VillageMatter } from '@zhizhi/core/duty';
 * const m: VillageMatter = { id: 'mediation', name: { zh: '调解民间纠纷', en: 'Mediating disputes' }, kind: 'autonomous' };
 * ```
 */
export type VillageMatter = z.infer<typeof villageMatterSchema>;

/**
 * A negative matter (see {@link negativeMatterSchema}).
 *
 * @example
 * ```ts
 * import type { NegativeMatter } from '@zhizhi/core/duty';
 * const say = (m: NegativeMatter) => `${m.name.zh}：${m.reason.zh}`;
 * ```
 */
export type NegativeMatter = z.infer<typeof negativeMatterSchema>;

/**
 * A certificate the community may issue (see {@link mayIssueCertificateSchema}).
 *
 * @example
 * ```ts
 * import type { MayIssueCertificate } from '@zhizhi/core/duty';
 * const c: MayIssueCertificate = { id: 'residence', name: { zh: '居住证明', en: 'Residence certificate' } };
 * ```
 */
export type MayIssueCertificate = z.infer<typeof mayIssueCertificateSchema>;

/**
 * A certificate the community must not issue (see {@link mustNotIssueCertificateSchema}).
 *
 * @example
 * ```ts
 * import type { MustNotIssueCertificate } from '@zhizhi/core/duty';
 * const whereTo = (c: MustNotIssueCertificate) => c.authority.en;
 * ```
 */
export type MustNotIssueCertificate = z.infer<typeof mustNotIssueCertificateSchema>;

/**
 * An entry of the signage catalogue (see {@link signageSchema}).
 *
 * @example
 * ```ts
 * import type { Signage } from '@zhizhi/core/duty';
 * const s: Signage = { id: 'partyCommittee', name: { zh: '村党组织', en: 'Village Party organization' }, placement: 'exterior' };
 * ```
 */
export type Signage = z.infer<typeof signageSchema>;
