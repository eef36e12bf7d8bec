import * as z from 'zod/mini';
import {
  mayIssueCertificateSchema,
  mustNotIssueCertificateSchema,
  negativeMatterSchema,
  signageSchema,
  villageMatterSchema,
} from './communityListEntrySchemas.js';

const id = z.string().check(z.minLength(1), z.maxLength(128));

/** @internal The keys a certificate is asked for by: its id, names and aliases, trimmed and lower-cased. */
export function certificateKeys(entry: {
  id: string;
  name: { zh: string; en: string };
  aliases?: string[] | undefined;
}): string[] {
  return [entry.id, entry.name.zh, entry.name.en, ...(entry.aliases ?? [])].map((k) =>
    k.trim().toLowerCase(),
  );
}

const lists = ['villageMatters', 'negativeMatters', 'mayIssue', 'mustNotIssue', 'signage'] as const;

/**
 * zod schema of a community's "four lists and one catalogue" (四清单一目录): village matters
 * (村级事项), negative matters (负面清单), certificates it may lawfully issue (可出具证明),
 * certificates it must not issue (不得出具证明), and the signage catalogue (标识牌目录).
 * `communityIds` are the villages and communities the lists apply to (lists are usually set
 * by the district for all of them). Ids are unique within each list (`duty.duplicateId`), and
 * no certificate may be on both certificate lists by id, name or alias
 * (`duty.certificateOnBothLists`, at the must-not-issue entry).
 *
 * @example
 * ```ts
 * import { communityListsSchema } from '@zhizhi/core/duty';
 * const r = communityListsSchema.safeParse({
 *   communityIds: ['qj-sj-c2'],
 *   villageMatters: [], negativeMatters: [], mayIssue: [], signage: [],
 *   mustNotIssue: [{ id: 'kinship', name: { zh: '亲属关系证明', en: 'Kinship certificate' } }],
 * });
 * r.success; // false: the entry has no reason and no authority
 * ```
 */
export const communityListsSchema = z
  .object({
    communityIds: z.array(id).check(z.minLength(1)),
    villageMatters: z.array(villageMatterSchema),
    negativeMatters: z.array(negativeMatterSchema),
    mayIssue: z.array(mayIssueCertificateSchema),
    mustNotIssue: z.array(mustNotIssueCertificateSchema),
    signage: z.array(signageSchema),
  })
  .check(
    z.superRefine((value, ctx) => {
      for (const list of lists) {
        const seen = new Set<string>();
        value[list].forEach((entry, i) => {
          if (seen.has(entry.id)) {
            ctx.addIssue({
              code: 'custom',
              message: `duplicate id ${entry.id} in ${list}`,
              path: [list, i, 'id'],
              params: { code: 'duty.duplicateId', id: entry.id, list },
              input: entry.id,
            });
          }
          seen.add(entry.id);
        });
      }
      const mayKeys = new Set(value.mayIssue.flatMap(certificateKeys));
      value.mustNotIssue.forEach((entry, i) => {
        if (certificateKeys(entry).some((k) => mayKeys.has(k))) {
          ctx.addIssue({
            code: 'custom',
            message: `${entry.id} is also on the may-issue list`,
            path: ['mustNotIssue', i],
            params: {
              code: 'duty.certificateOnBothLists',
              nameZh: entry.name.zh,
              nameEn: entry.name.en,
            },
            input: entry,
          });
        }
      });
    }),
  );

/**
 * A community's four lists and one catalogue (see {@link communityListsSchema}).
 *
 * @example
 * ```ts
 * import type { CommunityLists } from '@zhizhi/core/duty';
 * const empty: CommunityLists = {
 *   communityIds: ['qj-sj-c1'],
 *   villageMatters: [], negativeMatters: [], mayIssue: [], mustNotIssue: [], signage: [],
 * };
 * ```
 */
export type CommunityLists = z.infer<typeof communityListsSchema>;
