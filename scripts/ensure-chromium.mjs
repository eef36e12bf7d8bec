// Browser tests (packages/widgets, packages/designer) run in real Chromium: Debian's package,
// launched by Playwright from /usr/bin/chromium (never `playwright install`, which downloads
// from a CDN this network does not reach). `pnpm test` runs this first so that one command
// passes on a fresh machine: it installs Chromium with apt-get when it is missing and we may.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';

const path = chromiumPath;
if (existsSync(path)) process.exit(0);

const hasAptGet = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (hasAptGet && isRoot) {
  console.log('正在安装 Chromium（浏览器测试需要）… / Installing Chromium for the browser tests…');
  const run = (args) =>
    spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  if (
    run(['update']).status === 0 &&
    run(['install', '-y', 'chromium']).status === 0 &&
    existsSync(path)
  ) {
    process.exit(0);
  }
}
console.error(
  [
    `找不到 Chromium（${path}）。浏览器测试需要它：以 root 运行 apt-get install -y chromium，或设置 ZHIZHI_CHROMIUM 为其路径。`,
    `Chromium was not found at ${path}. The browser tests need it: run apt-get install -y chromium as root, or set ZHIZHI_CHROMIUM to its path.`,
  ].join('\n'),
);
process.exit(1);
