import { Directory, type Org, pickText } from '@zhizhi/core';
import { checkConfig } from '@zhizhi/core/config';
import { sampleOrg } from '@zhizhi/core/sample';
import { say } from './cliMessages.js';
import type { Io, Reading } from './Io.js';
import { readJsonFile } from './readJsonFile.js';

/**
 * The org the CLI checks references against and simulates in: `--org <file>` (checked), or the
 * sample org (綦江区) by default.
 *
 * @example
 * ```ts
 * import { loadDirectory } from './loadDirectory.js';
 * // const dir = loadDirectory(io, undefined, { lang: 'en', maxBytes: 5_242_880 }); // the sample org
 * ```
 */
export function loadDirectory(
  io: Io,
  file: string | undefined,
  reading: Reading,
): { ok: true; directory: Directory } | { ok: false; message: string } {
  if (!file) return { ok: true, directory: new Directory(sampleOrg) };
  const read = readJsonFile(io, file, reading);
  if (!read.ok) return read;
  const problems = checkConfig({ org: read.value });
  if (problems.length > 0)
    return {
      ok: false,
      message: say('badOrg', reading.lang, {
        file,
        why: problems
          .map((d) => `${d.path.join('.')}: ${pickText(d.message, reading.lang)}`)
          .join('; '),
      }),
    };
  return { ok: true, directory: new Directory(read.value as Org) };
}
