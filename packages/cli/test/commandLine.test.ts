import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/zhizhi.js';
import { capture } from './support/capture.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('zhizhi --help', () => {
  it('given --help (or -h, or a command with --help), then it prints the usage on stdout and exits 0', async () => {
    for (const argv of [['--help'], ['-h'], ['validate', '--help'], ['simulate', '-h']]) {
      const io = capture();
      expect(await runCli([...argv, '--lang', 'en'], io), argv.join(' ')).toBe(0);
      expect(io.stdout.join('\n')).toMatch(/^Usage: zhizhi <command>/);
      expect(io.stderr).toEqual([]);
    }
  });

  it('given --help in zh-CN (the default) and in English, then the usage is in that language', async () => {
    const zh = capture();
    expect(await runCli(['--help'], zh)).toBe(0);
    expect(zh.stdout.join('\n')).toMatch(/^用法：zhizhi <命令>/);
    const en = capture();
    expect(await runCli(['--help', '--lang=en'], en)).toBe(0);
    expect(en.stdout.join('\n')).toContain('--max-bytes');
  });

  it('given no command at all, then the usage goes to stderr and it exits 2', async () => {
    const io = capture();
    expect(await runCli([], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/^用法：/);
  });
});

describe('zhizhi --version', () => {
  it('given --version or -v, then it prints the package version and exits 0', async () => {
    for (const flag of ['--version', '-v']) {
      const io = capture();
      expect(await runCli([flag], io)).toBe(0);
      expect(io.stdout).toEqual([pkg.version]);
    }
  });
});

describe('zhizhi with options it does not know', () => {
  it('given an unknown option, then it names it in the chosen language and exits 2, without Node parseArgs wording', async () => {
    const en = capture();
    expect(await runCli(['validate', 'a.json', '--bogus', '--lang', 'en'], en)).toBe(2);
    expect(en.stderr[0]).toBe('Unknown option --bogus (zhizhi --help lists the options)');
    expect(en.stderr.join('\n')).not.toMatch(/positional argument|parseArgs|ERR_/);
    const zh = capture();
    expect(await runCli(['validate', 'a.json', '--bogus'], zh)).toBe(2);
    expect(zh.stderr[0]).toBe('未知选项 --bogus（zhizhi --help 可查看全部选项）');
  });

  it('given an option without its value, an option of another command or an unknown --lang, then each is a usage error (exit 2)', async () => {
    const cases: [string[], RegExp][] = [
      [['validate', 'a.json', '--lang=en', '--org'], /^Option --org needs a value/],
      [['validate', 'a.json', '--lang'], /^选项 --lang 需要一个值/],
      [
        ['validate', 'a.json', '--events', 'e.jsonl', '--lang', 'en'],
        /^validate does not take --events/,
      ],
      [['validate', 'a.json', '--lang', 'fr'], /^--lang 只能是 zh-CN 或 en，而不是 fr/],
      [['validate', 'a.json', '--max-bytes', 'lots', '--lang', 'en'], /^--max-bytes must be/],
    ];
    for (const [argv, message] of cases) {
      const io = capture();
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(io.stderr[0], argv.join(' ')).toMatch(message);
    }
  });
});

describe('the zhizhi binary and usage errors', () => {
  it('given --help, --version and an unknown option to the built binary, then the exit codes are 0, 0 and 2', () => {
    const bin = new URL('../dist/zhizhi.js', import.meta.url).pathname;
    expect(
      execFileSync(process.execPath, [bin, '--help', '--lang', 'en'], { encoding: 'utf8' }),
    ).toMatch(/^Usage: zhizhi/);
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim()).toBe(
      pkg.version,
    );
    const bad = spawnSync(process.execPath, [bin, 'validate', 'x.json', '--nope', '--lang', 'en'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^Unknown option --nope/);
  });
});
