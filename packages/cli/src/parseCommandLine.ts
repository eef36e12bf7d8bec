import type { Lang } from '@zhizhi/core';

/** The commands of `zhizhi`. */
export const commands = ['validate', 'compile', 'simulate', 'start'] as const;
export type Command = (typeof commands)[number];

/** Every option: whether it takes a value, its short form, and the commands that take it. */
const optionTable = {
  lang: { value: true, for: 'all' },
  help: { value: false, short: 'h', for: 'all' },
  version: { value: false, short: 'v', for: 'all' },
  'max-bytes': { value: true, for: 'all' },
  json: { value: false, for: ['validate', 'simulate'] },
  org: { value: true, for: ['validate', 'compile', 'simulate', 'start'] },
  out: { value: true, short: 'o', for: ['compile'] },
  events: { value: true, for: ['simulate'] },
  start: { value: true, for: ['simulate'] },
  policy: { value: true, for: ['simulate'] },
  'duty-lists': { value: true, for: ['simulate'] },
  builtin: { value: true, for: ['simulate'] },
  port: { value: true, for: ['start'] },
  host: { value: true, for: ['start'] },
  data: { value: true, for: ['start'] },
  'database-url': { value: true, for: ['start'] },
  mqtt: { value: true, for: ['start'] },
  'mqtt-client-id': { value: true, for: ['start'] },
  'mqtt-prefix': { value: true, for: ['start'] },
  'mqtt-group': { value: true, for: ['start'] },
  cors: { value: true, for: ['start'] },
  'no-demo': { value: false, for: ['start'] },
  'simulate-sensors': { value: false, for: ['start'] },
} as const satisfies Record<
  string,
  { value: boolean; short?: string; for: 'all' | readonly Command[] }
>;

export type OptionName = keyof typeof optionTable;

/** 5 MB: the default largest input file (`--max-bytes`). */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const MAX_MAX_BYTES = 1024 * 1024 * 1024;

/** A usage problem, as a message key of `cliMessages` and its parameters. */
export interface UsageProblem {
  key:
    | 'unknownOption'
    | 'missingValue'
    | 'noValueWanted'
    | 'optionNotFor'
    | 'badLang'
    | 'badMaxBytes'
    | 'unknownCommand'
    | 'noCommand';
  params: Record<string, string>;
}

/** What `zhizhi …` was asked to do. */
export type CommandLine =
  | { kind: 'help'; lang: Lang }
  | { kind: 'version'; lang: Lang }
  | { kind: 'usageError'; lang: Lang; problem: UsageProblem }
  | {
      kind: 'run';
      lang: Lang;
      command: Command;
      files: string[];
      maxBytes: number;
      options: Partial<Record<OptionName, string | true>>;
    };

const shortNames = new Map<string, OptionName>(
  Object.entries(optionTable).flatMap(([name, o]) =>
    'short' in o ? [[o.short, name as OptionName]] : [],
  ),
);

/** `--lang` read before anything else, so that even the first usage error is in that language. */
function langOf(argv: readonly string[]): Lang {
  for (const [i, arg] of argv.entries()) {
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : null;
    if (value === 'en') return 'en';
  }
  return 'zh-CN';
}

/**
 * Reads `zhizhi`'s arguments (without `node` and the script): the command, its files and its
 * options. Pure; usage problems come back as data in the user's `--lang`, so the caller
 * prints them in zh-CN or English (not in Node's `parseArgs` wording). `--` ends the options.
 *
 * @example
 * ```ts
 * import { parseCommandLine } from './parseCommandLine.js';
 * parseCommandLine(['validate', 'a.json', 'b.json', '--lang', 'en']);
 * // → { kind: 'run', command: 'validate', files: ['a.json', 'b.json'], lang: 'en', … }
 * ```
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const lang = langOf(argv);
  const fail = (key: UsageProblem['key'], params: Record<string, string> = {}): CommandLine => ({
    kind: 'usageError',
    lang,
    problem: { key, params },
  });
  const positionals: string[] = [];
  const options: Partial<Record<OptionName, string | true>> = {};
  const given: [OptionName, string][] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const spelled = arg.startsWith('--') ? (eq > 0 ? arg.slice(0, eq) : arg) : arg;
    const name = arg.startsWith('--') ? spelled.slice(2) : shortNames.get(arg.slice(1));
    if (!name || !Object.hasOwn(optionTable, name))
      return fail('unknownOption', { option: spelled });
    const option = optionTable[name as OptionName];
    if (option.value) {
      const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) return fail('missingValue', { option: spelled });
      options[name as OptionName] = value;
    } else {
      if (eq > 0 && arg.startsWith('--')) return fail('noValueWanted', { option: spelled });
      options[name as OptionName] = true;
    }
    given.push([name as OptionName, spelled]);
  }
  if (options.lang !== undefined && !['zh-CN', 'zh', 'en'].includes(options.lang as string))
    return fail('badLang', { value: String(options.lang) });
  if (options.help) return { kind: 'help', lang };
  if (options.version) return { kind: 'version', lang };
  const [command, ...files] = positionals;
  if (command === undefined) return fail('noCommand');
  if (!(commands as readonly string[]).includes(command))
    return fail('unknownCommand', { command });
  for (const [name, spelled] of given) {
    const takes = optionTable[name].for;
    if (takes !== 'all' && !(takes as readonly string[]).includes(command))
      return fail('optionNotFor', { option: spelled, command });
  }
  let maxBytes = DEFAULT_MAX_BYTES;
  if (options['max-bytes'] !== undefined) {
    const text = String(options['max-bytes']);
    maxBytes = /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : Number.NaN;
    if (!(maxBytes <= MAX_MAX_BYTES))
      return fail('badMaxBytes', { value: text, max: String(MAX_MAX_BYTES) });
  }
  return { kind: 'run', lang, command: command as Command, files, maxBytes, options };
}
