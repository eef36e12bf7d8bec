// Where a server process spent its CPU: self time per package and per function, and inclusive
// time per function, from a V8 `.cpuprofile` (e.g. from `bench:http` run with
// ZZ_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p"). Time is given in ms and per request
// when `--per N` says how many requests the profile covers. Not run in CI. Usage:
//   pnpm --filter @zhizhi/server exec tsx bench/profileSummary.ts FILE.cpuprofile [--top 40] [--per 3300]
//   [--match REGEX]   (inclusive time only of functions whose name or url matches)
//   [--from REGEX]    (samples before the first whose stack matches are left out, e.g. handleRequest:
//                      the process's start-up, module loading, is then not counted)
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
if (!file) throw new Error('usage: profileSummary.ts FILE.cpuprofile [--top N] [--per N]');
const top = Number(opt('top') ?? 40);
const per = Number(opt('per') ?? 0);
const match = opt('match') ? new RegExp(opt('match') as string) : undefined;
const from = opt('from') ? new RegExp(opt('from') as string) : undefined;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

/** The package a script url belongs to: a pnpm store folder, a workspace package, or node. */
function packageOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  if (url.startsWith('node:')) return 'node:internal';
  const store = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (store?.[1]) return store[1];
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (nm?.[1]) return nm[1];
  const ws = /packages\/([^/]+)\/(src|dist|test|bench)\//.exec(url);
  if (ws) return `@zhizhi/${ws[1]} (${ws[2]})`;
  return url;
}

const byId = new Map<number, Node>();
const parent = new Map<number, number>();
for (const n of profile.nodes) {
  byId.set(n.id, n);
  for (const c of n.children ?? []) parent.set(c, n.id);
}
const short = (n: Node) => {
  const f = n.callFrame;
  const where = f.url.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '');
  const tail = where.replace(/^.*\/packages\//, '');
  return `${f.functionName || '(anonymous)'} ${tail}:${f.lineNumber + 1}`;
};

const selfPkg = new Map<string, number>();
const selfFn = new Map<string, number>();
const inclFn = new Map<string, number>();
let total = 0;
let idle = 0;
let started = from === undefined;
profile.samples.forEach((id, i) => {
  const dt = (profile.timeDeltas[i] ?? 0) / 1000;
  const node = byId.get(id);
  if (!node) return;
  if (!started) {
    for (let at: number | undefined = id; at !== undefined && !started; at = parent.get(at)) {
      started = (from as RegExp).test(short(byId.get(at) as Node));
    }
    if (!started) return;
  }
  total += dt;
  const name = node.callFrame.functionName;
  if (name === '(idle)') {
    idle += dt;
    return;
  }
  const pkg = packageOf(node.callFrame.url, name);
  selfPkg.set(pkg, (selfPkg.get(pkg) ?? 0) + dt);
  const fn = short(node);
  selfFn.set(fn, (selfFn.get(fn) ?? 0) + dt);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const n = byId.get(at) as Node;
    const key = short(n);
    if (seen.has(key)) continue;
    seen.add(key);
    if (match && !match.test(key)) continue;
    inclFn.set(key, (inclFn.get(key) ?? 0) + dt);
  }
});

const busy = total - idle;
const fmt = (ms: number) =>
  `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / busy).toFixed(1).padStart(5)} %${
    per > 0 ? ` ${(ms / per).toFixed(4).padStart(8)} ms/req` : ''
  }`;
const print = (title: string, m: Map<string, number>, n: number) => {
  console.log(`\n## ${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n))
    console.log(`${fmt(v)}  ${k}`);
};
console.log(
  `profile ${total.toFixed(0)} ms, idle ${idle.toFixed(0)} ms, busy ${busy.toFixed(0)} ms${
    per > 0 ? ` = ${(busy / per).toFixed(3)} ms per request over ${per}` : ''
  }`,
);
print('self time per package', selfPkg, top);
print('self time per function', selfFn, top);
print('inclusive time per function', inclFn, top);
