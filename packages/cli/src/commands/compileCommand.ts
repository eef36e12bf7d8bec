import { pickText } from '@zhizhi/core';
import { compileScenario, scenarioSchema, validateScenario } from '@zhizhi/core/scenario';
import { say } from '../cliMessages.js';
import type { Io, Reading } from '../Io.js';
import { loadInputs } from '../loadInputs.js';

/**
 * `zhizhi compile <file> [-o out.json]`: the machine JSON of a valid scenario, to stdout or a
 * file; an invalid scenario prints its diagnostics and exits 1.
 *
 * @example
 * ```ts
 * import { compileCommand } from './commands/compileCommand.js';
 * // compileCommand(io, 'packages/core/scenarios/anti-fraud-outreach.json', { lang: 'en', maxBytes: 5_242_880, out: 'machine.json' }) → 0
 * ```
 */
export function compileCommand(
  io: Io,
  file: string,
  options: Reading & { out?: string; org?: string },
): number {
  const inputs = loadInputs(io, file, options, options.org);
  if (!inputs) return 2;
  const errors = validateScenario(inputs.doc, inputs.directory).filter(
    (d) => d.severity === 'error',
  );
  if (errors.length > 0) {
    for (const d of errors)
      io.err(`${d.path.join('.') || '(root)'}  ${d.code}  ${pickText(d.message, options.lang)}`);
    return 1;
  }
  const json = `${JSON.stringify(compileScenario(scenarioSchema.parse(inputs.doc)), null, 2)}\n`;
  if (options.out) {
    io.writeFile(options.out, json);
    io.err(say('wrote', options.lang, { file: options.out }));
  } else io.out(json.trimEnd());
  return 0;
}
