// Runs the zhizhi case machine (through core's Engine) on a Store of its own, kept in a JSON
// file: plays the river story (report → accept → dispatch → acknowledge → resolve → confirm),
// drops everything and reopens it from the file halfway (as a restarted process would), and
// at the end verifies the audit chain, replays the trail through the case machine, and shows
// that a tampered copy of the file is caught. zh-CN by default; `--lang en` for English.
// `--check` exits 1 on any mismatch; `--file <path>` keeps the store there (it must not exist).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuditEntry, Directory, type Lang, SimulatedClock } from '@zhizhi/core';
import { label } from '@zhizhi/core/labels';
import { replayCaseTrail, sameContext } from '@zhizhi/core/persist';
import { Engine } from '@zhizhi/core/runtime';
import { sampleDutyLists, sampleOrg, sampleSlaPolicy } from '@zhizhi/core/sample';
import { describe } from './describe.js';
import { JsonFileStore } from './JsonFileStore.js';
import { riverCaseId, riverStory } from './riverStory.js';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const langArg = option('--lang') ?? 'zh-CN';
if (langArg !== 'zh-CN' && langArg !== 'en') {
  console.error(`--lang: 只能是 zh-CN 或 en / must be zh-CN or en (got "${langArg}")`);
  process.exit(2);
}
const lang: Lang = langArg;
const zh = lang === 'zh-CN';
const check = args.includes('--check');
const given = option('--file');
if (given !== undefined && existsSync(given)) {
  console.error(
    `--file: ${given} 已存在，本示例只写新文件 / already exists; this example only writes a new file`,
  );
  process.exit(2);
}
const dir = given === undefined ? mkdtempSync(join(tmpdir(), 'zhizhi-headless-')) : undefined;
const file = given ?? join(dir as string, 'cases.json');

const directory = new Directory(sampleOrg);
const say = describe(directory, lang);
// the clock is the world's, not the process's: every "process" below reads the same one
const clock = new SimulatedClock('2026-03-02T09:00:00+08:00');
const mismatches: string[] = [];
const expect = (what: string, actual: unknown, expected: unknown) => {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) mismatches.push(`${what}: ${a} ≠ ${e}`);
};

/** A "process": a store opened from the file and an Engine over it. */
const boot = () => {
  const store = JsonFileStore.open(file);
  const engine = new Engine({
    directory,
    store,
    clock,
    slaPolicy: sampleSlaPolicy,
    dutyLists: sampleDutyLists,
  });
  return { store, engine };
};
/** The outbox worker: hands pending notifications on (here: prints them) and marks them delivered. */
const deliver = async (store: JsonFileStore) => {
  const pending = await store.pendingNotifications(100);
  for (const n of pending) console.log(`      ${say.notification(n)}`);
  await store.markDelivered(
    pending.map((n) => n.id),
    clock.now(),
  );
  return pending.length;
};

console.log(
  zh ? `━━ 自带存储运行事件状态机：${file}` : `━━ The case machine on a store of its own: ${file}`,
);
let { store, engine } = boot();
let delivered = 0;
for (const step of riverStory) {
  if (step.wait) clock.advance(step.wait);
  if (step.restartBefore) {
    const before = await store.timersOf(riverCaseId);
    ({ store, engine } = boot());
    const after = await store.timersOf(riverCaseId);
    console.log(
      zh
        ? `  ↻ 重启：从文件重新打开存储，待办计时器 ${after.length} 个（${after.map((t) => ('clock' in t ? label('clock', t.clock, lang) : t.step)).join('、')}）`
        : `  ↻ restart: the store reopened from the file, ${after.length} timer(s) waiting (${after.map((t) => ('clock' in t ? label('clock', t.clock, lang) : t.step)).join(', ')})`,
    );
    expect('timers survive the restart', after, before);
    expect(
      'the timer waiting after the dispatch',
      after.map((t) => 'clock' in t && t.clock),
      ['acknowledge'],
    );
  }
  const result =
    'report' in step
      ? await engine.report(step.report)
      : await engine.send(riverCaseId, step.send, {
          expectedVersion: (await engine.get(riverCaseId))?.version ?? 0,
        });
  if (!result.ok) {
    mismatches.push(`${result.error.code}: ${result.error.message.en}`);
    console.log(
      `  ✗ ${result.error.code} ${zh ? result.error.message.zh : result.error.message.en}`,
    );
    break;
  }
  console.log(`  ${say.entry(result.entry)}`);
  delivered += await deliver(store);
}

// a last restart: everything below reads only what the file holds
({ store, engine } = boot());
const record = await engine.get(riverCaseId);
const trail = await engine.auditTrail(riverCaseId);
const verdict = await engine.verify(riverCaseId);
const replay = replayCaseTrail(directory, sampleSlaPolicy, riverCaseId, trail);
const feed = await store.changesSince(0);
console.log(
  zh
    ? `━━ 从文件读回：${label('status', record?.status ?? '—', lang)} · ${label('outcome', record?.context.outcome ?? '—', lang)} · 版本 ${record?.version}`
    : `━━ Read back from the file: ${label('status', record?.status ?? '—', lang)} · ${label('outcome', record?.context.outcome ?? '—', lang)} · version ${record?.version}`,
);
console.log(
  zh
    ? `  审计链 ${verdict.ok ? `✓（${verdict.length} 条）` : `✗ 断于第 ${verdict.brokenAt} 条`} · 状态机重放 ${replay.ok && replay.status === record?.status && sameContext(replay.context, record.context) ? '✓' : '✗'} · 变更流 ${feed.length} 条 · 已投递通知 ${delivered} 条`
    : `  audit chain ${verdict.ok ? `✓ (${verdict.length} entries)` : `✗ broken at #${verdict.brokenAt}`} · machine replay ${replay.ok && replay.status === record?.status && sameContext(replay.context, record.context) ? '✓' : '✗'} · change feed ${feed.length} · notifications delivered ${delivered}`,
);
expect('status', record?.status, 'closed');
expect('outcome', record?.context.outcome, 'resolved');
expect('lead', record?.context.lead, { kind: 'post', id: 'qj-sj-czjs' });
expect(
  'events',
  trail.map((e: AuditEntry) => e.event),
  ['REPORT', 'ACCEPT', 'DISPATCH', 'ACKNOWLEDGE', 'RESOLVE', 'CONFIRM'],
);
expect('audit chain', verdict, { ok: true, length: 6 });
expect('replayed status', replay.ok && replay.status, 'closed');
expect(
  'replayed context',
  replay.ok && record && sameContext(replay.context, record.context),
  true,
);
expect(
  'feed',
  feed.map((c) => [c.seq, c.version, c.status]),
  trail.map((e) => [e.seq, e.seq, e.to]),
);
expect('timers after closing', await store.timersOf(riverCaseId), []);
expect('pending notifications', (await store.pendingNotifications(100)).length, 0);
expect('notifications delivered', delivered > 0, true);

// tamper with a copy of the file: the chain must catch an edited note
const tampered = `${file}.tampered`;
writeFileSync(tampered, readFileSync(file, 'utf8').replace('管网修复完成', '管网已修复'));
const forged = new Engine({ directory, store: JsonFileStore.open(tampered), clock });
const caught = await forged.verify(riverCaseId);
console.log(
  zh
    ? `  篡改副本（改了办结说明）：审计链 ${caught.ok ? '✗ 未发现' : `✓ 发现，断于第 ${caught.brokenAt} 条`}`
    : `  tampered copy (the resolution edited): audit chain ${caught.ok ? '✗ not caught' : `✓ caught, broken at #${caught.brokenAt}`}`,
);
expect('tampered copy', caught, { ok: false, brokenAt: 5 });

if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
else rmSync(tampered, { force: true });
if (mismatches.length > 0) {
  console.error(`✗ ${mismatches.length} mismatch(es):\n  ${mismatches.join('\n  ')}`);
  if (check) process.exit(1);
} else if (check) console.log(zh ? '✓ 全部核对通过' : '✓ every check passed');
