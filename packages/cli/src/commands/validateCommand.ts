import type { Lang } from '@zhizhi/core';
import { validateScenario } from '@zhizhi/core/scenario';
import { say } from '../cliMessages.js';
import type { Io } from '../Io.js';
import { loadInputs } from '../loadInputs.js';

/**
 * `zhizhi validate <file>`: exit 0 if the scenario is valid (warnings may still print), else
 * exit 1 with one line per diagnostic — `path  code  message` — or a JSON array with `--json`.
 *
 * @example
 * ```ts
 * import { validateCommand } from './commands/validateCommand.js';
 * // validateCommand(io, 'examples/scenarios/elderly-health-band.json', { lang: 'en', json: false }) → 0
 * ```
 */
export function validateCommand(
  io: Io,
  file: string,
  options: { lang: Lang; json: boolean; org?: string },
): number {
  const inputs = loadInputs(io, file, options.lang, options.org);
  if (!inputs) return 2;
  const diagnostics = validateScenario(inputs.doc, inputs.directory);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (options.json) {
    io.out(JSON.stringify({ file, valid: errors.length === 0, diagnostics }, null, 2));
  } else {
    for (const d of diagnostics) {
      const message = options.lang === 'en' ? d.message.en : d.message.zh;
      io.out(
        `${d.path.length > 0 ? d.path.join('.') : '(root)'}  ${d.code}  ${d.severity === 'warning' ? '[warning] ' : ''}${message}`,
      );
    }
    if (errors.length === 0) io.out(say('valid', options.lang, { file }));
  }
  return errors.length === 0 ? 0 : 1;
}
