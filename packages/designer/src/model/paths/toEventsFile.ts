import type { EventLine } from './EventLine.js';

/**
 * The text of an events file (one JSON object per line, as `zhizhi simulate --events` reads
 * it) for a generated test path.
 *
 * @example
 * ```ts
 * import { generateTestPaths, toEventsFile } from '@zhizhi/designer/model';
 * const [first] = generateTestPaths(doc).paths;
 * if (first) writeFileSync('path.events.jsonl', toEventsFile(first));
 * ```
 */
export function toEventsFile(path: { lines: readonly EventLine[] }): string {
  return `${path.lines.map((l) => JSON.stringify(l)).join('\n')}\n`;
}
