import { say } from './cliMessages.js';
import type { Io, Reading } from './Io.js';
import { readText } from './readText.js';

/**
 * Reads and parses a JSON file within the size limit, or says in the user's language why it
 * could not.
 *
 * @example
 * ```ts
 * import { readJsonFile } from './readJsonFile.js';
 * // const r = readJsonFile(io, 'scenario.json', { lang: 'en', maxBytes: 5_242_880 }); if (r.ok) use(r.value);
 * ```
 */
export function readJsonFile(
  io: Io,
  file: string,
  reading: Reading,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const read = readText(io, file, reading);
  if (!read.ok) return read;
  try {
    return { ok: true, value: JSON.parse(read.text) };
  } catch (error) {
    return {
      ok: false,
      message: say('notJson', reading.lang, { file, why: (error as Error).message }),
    };
  }
}
