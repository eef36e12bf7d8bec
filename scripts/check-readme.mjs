// Keeps the README's promise: its test command is exactly what .ci/run runs, its demo
// command exists, and every repository path it names exists (packages/cli/test/readme.test.ts
// also runs its zhizhi commands). Run by `pnpm lint`.
import { existsSync, readFileSync } from 'node:fs';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const ci = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8');
const testCommand = 'npm i -g pnpm@12.4.2 && pnpm install --frozen-lockfile && pnpm test';
const demoCommand = 'npm i -g pnpm@12.4.2 && pnpm install --frozen-lockfile && pnpm start';
const problems = [];
if (!readme.includes(testCommand))
  problems.push(`README.md lacks the test command: ${testCommand}`);
if (!readme.includes(demoCommand))
  problems.push(`README.md lacks the demo command: ${demoCommand}`);
if (!ci.includes(testCommand)) {
  problems.push(`.ci/run does not run the README's test command: ${testCommand}`);
}
for (const [path] of readme.matchAll(/\b(?:packages|examples|docs|scripts)\/[\w./@-]*[\w/]/g)) {
  if (!existsSync(new URL(`../${path}`, import.meta.url)))
    problems.push(`README.md names ${path}, which does not exist`);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
