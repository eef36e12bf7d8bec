/**
 * The custom element name an exported embed gets for a scenario id: `zz-` and the id in
 * lowercase, anything but letters and digits turned into single dashes (`elderly-health-band`
 * → `zz-elderly-health-band`).
 *
 * @example
 * ```ts
 * import { embedTag } from '@zhizhi/designer';
 * embedTag('Smoke_Alarm'); // 'zz-smoke-alarm'
 * ```
 */
export function embedTag(scenarioId: string): string {
  const words = scenarioId
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  return ['zz', ...(words.length > 0 ? words : ['scenario'])].join('-').slice(0, 100);
}
