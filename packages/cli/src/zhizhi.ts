import { writeFileSync } from 'node:fs';
import packageJson from '../package.json' with { type: 'json' };
import { builtinIds, builtinScenarioFiles } from './builtinScenario.js';
import { say } from './cliMessages.js';
import { compileCommand } from './commands/compileCommand.js';
import { simulateCommand } from './commands/simulateCommand.js';
import { startCommand } from './commands/startCommand.js';
import { validateCommand } from './commands/validateCommand.js';
import type { Io } from './Io.js';
import { parseCommandLine } from './parseCommandLine.js';
import { readInputFile } from './readInputFile.js';
import { safeText } from './safeText.js';

/**
 * Runs the `zhizhi` command line with `argv` (without `node` and the script) and returns the
 * exit code: 0 success (also `--help` and `--version`), 1 the input is invalid or a simulation
 * stopped, 2 a usage or input error (unknown option, missing file, unreadable input). Every
 * line printed goes through {@link safeText}: no control character from the inputs reaches the
 * terminal.
 *
 * @example
 * ```ts
 * import { runCli } from './zhizhi.js';
 * // await runCli(['validate', 'a.json', 'b.json', '--lang', 'en'], io) → 0 if both are valid
 * ```
 */
export async function runCli(argv: string[], rawIo: Io): Promise<number> {
  const io: Io = {
    ...rawIo,
    out: (text) => rawIo.out(safeText(text)),
    err: (text) => rawIo.err(safeText(text)),
  };
  const line = parseCommandLine(argv);
  const { lang } = line;
  if (line.kind === 'help') {
    io.out(say('usage', lang));
    return 0;
  }
  if (line.kind === 'version') {
    io.out(packageJson.version);
    return 0;
  }
  if (line.kind === 'usageError') {
    const { key, params } = line.problem;
    if (key !== 'noCommand') io.err(say(key, lang, params));
    if (key === 'noCommand' || key === 'unknownCommand') io.err(say('usage', lang));
    return 2;
  }
  const { command, options, maxBytes } = line;
  const text = (name: keyof typeof options) =>
    typeof options[name] === 'string' ? (options[name] as string) : undefined;
  if (command === 'start') {
    if (line.files.length > 0) {
      io.err(say('startTakesNoFiles', lang, { file: line.files[0] as string }));
      return 2;
    }
    return startCommand(io, {
      lang,
      langGiven: options.lang !== undefined,
      port: text('port'),
      host: text('host'),
      data: text('data'),
      databaseUrl: text('database-url'),
      mqtt: text('mqtt'),
      mqttClientId: text('mqtt-client-id'),
      mqttPrefix: text('mqtt-prefix'),
      mqttGroup: text('mqtt-group'),
      cors: text('cors'),
      org: text('org'),
      demo: options['no-demo'] === true ? false : undefined,
      simulateSensors: options['simulate-sensors'] === true,
    });
  }
  let files = line.files;
  let events = text('events');
  const builtin = text('builtin');
  if (builtin !== undefined) {
    const found = builtinScenarioFiles(builtin);
    if (!found) {
      io.err(say('unknownBuiltin', lang, { id: builtin, known: builtinIds.join(', ') }));
      return 2;
    }
    if (files.length > 0) {
      io.err(say('builtinAndFile', lang));
      return 2;
    }
    files = [found.scenario];
    events ??= found.events;
  }
  const file = files[0];
  if (file === undefined) {
    io.err(say('missingArg', lang, { what: '<file>' }));
    return 2;
  }
  if (command !== 'validate' && files.length > 1) {
    io.err(say('tooManyFiles', lang, { command, count: files.length }));
    return 2;
  }
  const org = text('org');
  if (command === 'validate')
    return validateCommand(io, files, { lang, maxBytes, json: options.json === true, org });
  if (command === 'compile')
    return compileCommand(io, file, { lang, maxBytes, out: text('out'), org });
  if (events === undefined) {
    io.err(say('missingArg', lang, { what: '--events <file.jsonl>' }));
    return 2;
  }
  return simulateCommand(io, file, {
    events,
    start: text('start'),
    lang,
    maxBytes,
    json: options.json === true,
    org,
    policy: text('policy'),
    dutyLists: text('duty-lists'),
  });
}

const nodeIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readFile: readInputFile,
  writeFile: (path, text) => writeFileSync(path, text),
};

if (process.argv[1] && /zhizhi(\.js|\.ts)?$/.test(process.argv[1])) {
  // `zhizhi simulate … | head`: the reader left, so stop quietly (as cat, grep and ls do)
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  runCli(process.argv.slice(2), nodeIo).then((code) => {
    process.exitCode = code;
  });
}
