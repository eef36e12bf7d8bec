import type { Lang } from '@zhizhi/core';
import { compileScenario, scenarioSchema, validateScenario } from '@zhizhi/core/scenario';
import { say } from '../cliMessages.js';
import type { Io } from '../Io.js';
import { loadDirectory } from '../loadDirectory.js';
import { readJsonFile } from '../readJsonFile.js';

/**
 * `zhizhi compile <file> [-o out.json]`: the machine JSON of a valid scenario, to stdout or a
 * file; an invalid scenario prints its diagnostics and exits 1.
 *
 * @example
 * ```ts
 * import { compileCommand } from './commands/compileCommand.js';
 * // compileCommand(io, 'examples/scenarios/anti-fraud-outreach.json', { lang: 'en', out: 'machine.json' }) → 0
 * ```
 */
export function compileCommand(
  io: Io,
  file: string,
  options: { lang: Lang; out?: string; org?: string },
): number {
  const read = readJsonFile(io, file, options.lang);
  if (!read.ok) {
    io.err(read.message);
    return 2;
  }
  const org = loadDirectory(io, options.org, options.lang);
  if (!org.ok) {
    io.err(org.message);
    return 2;
  }
  const errors = validateScenario(read.value, org.directory).filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    for (const d of errors)
      io.err(
        `${d.path.join('.') || '(root)'}  ${d.code}  ${options.lang === 'en' ? d.message.en : d.message.zh}`,
      );
    return 1;
  }
  const json = `${JSON.stringify(compileScenario(scenarioSchema.parse(read.value)), null, 2)}\n`;
  if (options.out) {
    io.writeFile(options.out, json);
    io.err(say('wrote', options.lang, { file: options.out }));
  } else io.out(json.trimEnd());
  return 0;
}
