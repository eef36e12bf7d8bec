import { pickText } from '@zhizhi/core';
import { parseJsonStrict } from '@zhizhi/core/json';
import { say } from './cliMessages.js';
import type { Io, Reading } from './Io.js';
import { readText } from './readText.js';

/**
 * Reads a JSON file within the size limit with the strict reader of `@zhizhi/core/json` (a
 * BOM is skipped; a repeated key or a `__proto__` key is refused with its line and path), or
 * says in the user's language why it could not: one line per problem.
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
  const parsed = parseJsonStrict(read.text);
  if (parsed.ok) return parsed;
  const { lang } = reading;
  return {
    ok: false,
    message: parsed.diagnostics
      .map((d) =>
        say('notJson', lang, {
          file,
          line: d.line,
          column: d.column,
          path: d.path.length > 0 ? d.path.join('.') : '(root)',
          why: `${d.code} ${pickText(d.message, lang)}`,
        }),
      )
      .join('\n'),
  };
}
