import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Lang } from '@zhizhi/core';
import { say } from './cliMessages.js';
import { compileCommand } from './commands/compileCommand.js';
import { simulateCommand } from './commands/simulateCommand.js';
import { validateCommand } from './commands/validateCommand.js';
import type { Io } from './Io.js';

/**
 * Runs the `zhizhi` command line with `argv` (without `node` and the script) and returns the
 * exit code: 0 success, 1 the input is invalid or a simulation stopped, 2 usage or I/O error.
 *
 * @example
 * ```ts
 * import { runCli } from './zhizhi.js';
 * // await runCli(['validate', 'examples/scenarios/electrical-fire.json', '--lang', 'en'], io) → 0
 * ```
 */
export async function runCli(argv: string[], io: Io): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'zh-CN' },
        out: { type: 'string', short: 'o' },
        events: { type: 'string' },
        start: { type: 'string' },
        org: { type: 'string' },
        policy: { type: 'string' },
        'duty-lists': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.err((error as Error).message);
    return 2;
  }
  const { values, positionals } = parsed;
  const lang: Lang = values.lang === 'en' ? 'en' : 'zh-CN';
  const [command, file] = positionals;
  if (values.help || !command) {
    io.out(say('usage', lang));
    return command ? 0 : 2;
  }
  if (!['validate', 'compile', 'simulate'].includes(command)) {
    io.err(say('unknownCommand', lang, { command }));
    io.err(say('usage', lang));
    return 2;
  }
  if (!file) {
    io.err(say('missingArg', lang, { what: '<file>' }));
    return 2;
  }
  const org = typeof values.org === 'string' ? values.org : undefined;
  if (command === 'validate')
    return validateCommand(io, file, { lang, json: values.json === true, org });
  if (command === 'compile')
    return compileCommand(io, file, { lang, out: values.out as string | undefined, org });
  if (typeof values.events !== 'string') {
    io.err(say('missingArg', lang, { what: '--events <file.jsonl>' }));
    return 2;
  }
  return simulateCommand(io, file, {
    events: values.events,
    start: values.start as string | undefined,
    lang,
    json: values.json === true,
    org,
    policy: values.policy as string | undefined,
    dutyLists: values['duty-lists'] as string | undefined,
  });
}

const nodeIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, text) => writeFileSync(path, text),
};

if (process.argv[1] && /zhizhi(\.js|\.ts)?$/.test(process.argv[1])) {
  runCli(process.argv.slice(2), nodeIo).then((code) => {
    process.exitCode = code;
  });
}
