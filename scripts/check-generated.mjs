// Files the build writes and the repository commits (the scenario JSON Schema, the sample-org
// guides) must be committed as the build writes them: the build has just run (`pnpm test` runs
// it first), so any difference here means someone changed a source and did not commit what it
// generates. Run by `pnpm lint`. Outside a git checkout (a tarball) there is nothing to compare.
import { execFileSync } from 'node:child_process';

const generated = [
  'packages/core/schema/scenario.schema.json',
  'docs/sample-org.md',
  'docs/sample-org.zh-CN.md',
];
let changed = '';
try {
  changed = execFileSync('git', ['status', '--porcelain', '--', ...generated], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
} catch {
  process.exit(0); // not a git checkout
}
if (changed) {
  console.error(
    `Generated files differ from what is committed (run \`pnpm build\` and commit them):\n${changed}\n` +
      `生成的文件与已提交的不一致（请运行 \`pnpm build\` 并提交）。`,
  );
  process.exit(1);
}
