import { ID_PATTERN } from '@zhizhi/core/scenario';

/**
 * An id not in `taken`, made from `wanted`: `wanted` itself when free and valid, else
 * `wanted-2`, `wanted-3`… (shortened to stay within 64 characters); `step` for an invalid id.
 *
 * @example
 * ```ts
 * import { freshId } from '@zhizhi/designer/model';
 * freshId('visit', new Set(['visit', 'visit-2'])); // 'visit-3'
 * ```
 */
export function freshId(wanted: string, taken: ReadonlySet<string>): string {
  const base = ID_PATTERN.test(wanted) ? wanted : 'step';
  if (!taken.has(base) && ID_PATTERN.test(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${[...base].slice(0, 64 - suffix.length).join('')}${suffix}`;
    if (!taken.has(id) && ID_PATTERN.test(id)) return id;
  }
}
