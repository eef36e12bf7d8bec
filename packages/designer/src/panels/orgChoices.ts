import type { Lang, Org } from '@zhizhi/core';
import { label } from '@zhizhi/core/labels';

/** One choice of a picker: the id stored and the name shown. */
export interface Choice {
  value: string;
  text: string;
}

const name = (n: { zh: string; en: string }, lang: Lang) => (lang === 'en' ? n.en : n.zh);

/**
 * The choices of an org picker: posts, departments, city-operations centers, communities,
 * grids or roles, named in the reader's language (the id beside the name). `undefined` when
 * the kind has no picker (the field is typed in).
 *
 * @example
 * ```ts
 * import { sampleOrg } from '@zhizhi/core/sample';
 * import { orgChoices } from '@zhizhi/designer';
 * orgChoices(sampleOrg, 'grid', 'zh-CN')?.[0]; // { value: 'qj-sj-c1-g1', text: '… (qj-sj-c1-g1)' }
 * ```
 */
export function orgChoices(org: Org | undefined, kind: string, lang: Lang): Choice[] | undefined {
  if (kind === 'role') return undefined;
  if (!org) return undefined;
  const withId = (id: string, n: { zh: string; en: string }) => ({
    value: id,
    text: `${name(n, lang)} (${id})`,
  });
  switch (kind) {
    case 'post':
      return org.posts.map((p) => withId(p.id, p.name));
    case 'department':
      return org.departments
        .filter((d) => d.kind === 'department')
        .map((d) => withId(d.id, d.name));
    case 'cityOperationsCenter':
      return org.departments
        .filter((d) => d.kind === 'cityOperationsCenter')
        .map((d) => withId(d.id, d.name));
    case 'grid':
    case 'community':
      return org.units.filter((u) => u.level === kind).map((u) => withId(u.id, u.name));
    case 'commandCenter':
      return org.units.filter((u) => u.level === 'town').map((u) => withId(u.id, u.name));
    default:
      return undefined;
  }
}

/**
 * How an enum value reads: roles and case outcomes by core's labels, other values as they are.
 *
 * @example
 * ```ts
 * import { enumText } from '@zhizhi/designer';
 * enumText('role', 'gridWorker', 'zh-CN'); // '专职网格员'
 * ```
 */
export function enumText(key: string, value: string, lang: Lang): string {
  if (key === 'role' || key === 'roles') return `${label('role', value, lang)} (${value})`;
  if (key === 'outcome') return `${label('outcome', value, lang)} (${value})`;
  return value;
}
