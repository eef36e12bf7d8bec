import type { Lang } from '@zhizhi/core';
import { say } from './cliMessages.js';
import type { Io } from './Io.js';

/**
 * Reads and parses a JSON file, or says in the user's language why it could not.
 *
 * @example
 * ```ts
 * import { readJsonFile } from './readJsonFile.js';
 * // const r = readJsonFile(io, 'scenario.json', 'en'); if (r.ok) use(r.value);
 * ```
 */
export function readJsonFile(
  io: Io,
  file: string,
  lang: Lang,
): { ok: true; value: unknown } | { ok: false; message: string } {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    return { ok: false, message: say('unreadable', lang, { file, why: (error as Error).message }) };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: say('notJson', lang, { file, why: (error as Error).message }) };
  }
}
