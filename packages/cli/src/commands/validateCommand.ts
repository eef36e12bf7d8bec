import { pickText } from '@zhizhi/core';
import { type Diagnostic, validateScenario } from '@zhizhi/core/scenario';
import { say } from '../cliMessages.js';
import type { Io, Reading } from '../Io.js';
import { loadDirectory } from '../loadDirectory.js';
import { readJsonFile } from '../readJsonFile.js';

/** One file's verdict in `zhizhi validate --json`. */
interface FileResult {
  file: string;
  valid: boolean;
  diagnostics: Diagnostic[];
  /** Why the file could not be checked at all (unreadable, not JSON). */
  error?: string;
}

/**
 * `zhizhi validate <file>…`: checks every file given, in order, each against the org (`--org`
 * or the sample). Each diagnostic prints as `file: path  code  message` (warnings marked
 * `[warning]`), then one verdict line per file: `file: valid` or `file: invalid (N errors)`.
 * With `--json`: one document `{ valid, files: [{ file, valid, diagnostics, error? }] }`.
 * Exit 0 when every file is valid, 1 when any is invalid, 2 when any could not be read or
 * parsed (the other files are still checked).
 *
 * @example
 * ```ts
 * import { validateCommand } from './commands/validateCommand.js';
 * // validateCommand(io, ['a.json', 'b.json'], { lang: 'en', maxBytes: 5_242_880, json: false }) → 1 if b.json is invalid
 * ```
 */
export function validateCommand(
  io: Io,
  files: readonly string[],
  options: Reading & { json: boolean; org?: string },
): number {
  const { lang } = options;
  const loaded = loadDirectory(io, options.org, options);
  if (!loaded.ok) {
    io.err(loaded.message);
    return 2;
  }
  let exit = 0;
  const results: FileResult[] = [];
  for (const file of files) {
    const read = readJsonFile(io, file, options);
    if (!read.ok) {
      io.err(read.message);
      results.push({ file, valid: false, diagnostics: [], error: read.message });
      exit = 2;
      continue;
    }
    const diagnostics = validateScenario(read.value, loaded.directory);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    results.push({ file, valid: errors === 0, diagnostics });
    if (errors > 0) exit = Math.max(exit, 1);
    if (options.json) continue;
    for (const d of diagnostics) {
      const message = pickText(d.message, lang);
      const where = d.path.length > 0 ? d.path.join('.') : '(root)';
      io.out(
        `${file}: ${where}  ${d.code}  ${d.severity === 'warning' ? '[warning] ' : ''}${message}`,
      );
    }
    io.out(
      errors === 0
        ? say('valid', lang, { file })
        : say(errors === 1 ? 'invalidOne' : 'invalidMany', lang, { file, count: errors }),
    );
  }
  if (options.json) {
    io.out(JSON.stringify({ valid: exit === 0, files: results }, null, 2));
  }
  return exit;
}
