#!/usr/bin/env node
// Plays the seed's stories (the "141" article) through the zhizhi Engine on a simulated clock
// and prints each case's timeline and the KPIs. zh-CN by default; `--lang en` for English.
// `--check` exits non-zero if a case's audit chain does not verify.
import { Directory, SimulatedClock } from '@zhizhi/core';
import { computeKpis } from '@zhizhi/core/kpi';
import { label } from '@zhizhi/core/labels';
import { Engine } from '@zhizhi/core/runtime';
import {
  playStory,
  sampleDutyLists,
  sampleOrg,
  sampleSlaPolicy,
  seedStories,
} from '@zhizhi/core/sample';

const args = process.argv.slice(2);
const langArg = args.includes('--lang') ? args[args.indexOf('--lang') + 1] : 'zh-CN';
const lang = langArg === 'en' ? 'en' : 'zh-CN';
const zh = lang === 'zh-CN';
const directory = new Directory(sampleOrg);
const clock = new SimulatedClock(0);
const engine = new Engine({
  directory,
  clock,
  slaPolicy: sampleSlaPolicy,
  dutyLists: sampleDutyLists,
});

const time = (ms) =>
  new Date(ms).toLocaleString(zh ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'short',
  });
const span = (ms) => {
  if (ms === null) return '—';
  const m = Math.round(ms / 60000);
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  return zh
    ? `${d ? `${d}天` : ''}${h ? `${h}小时` : ''}${min || (!d && !h) ? `${min}分` : ''}`
    : `${d ? `${d}d ` : ''}${h ? `${h}h ` : ''}${min || (!d && !h) ? `${min}m` : ''}`.trim();
};
const who = (id) => {
  const m = directory.member(id);
  if (!m) return id;
  if (m.role === 'system') return zh ? '系统（超时督办）' : 'system (SLA)';
  const place = m.postId
    ? directory.post(m.postId)?.name[zh ? 'zh' : 'en']
    : m.departmentId
      ? directory.department(m.departmentId)?.name[zh ? 'zh' : 'en']
      : label('role', m.role, lang);
  return `${m.name}（${place}）`;
};
const target = (t) =>
  t.kind === 'post'
    ? (directory.post(t.id)?.name[zh ? 'zh' : 'en'] ?? t.id)
    : (directory.department(t.id)?.name[zh ? 'zh' : 'en'] ?? t.id);

const cases = [];
let broken = 0;
for (const story of seedStories) {
  console.log(`\n━━ ${zh ? story.title.zh : story.title.en}`);
  const { caseIds } = await playStory(engine, clock, story);
  for (const id of caseIds) {
    const record = await engine.get(id);
    const audit = await engine.auditTrail(id);
    const verdict = await engine.verify(id);
    if (!verdict.ok) broken += 1;
    cases.push({ record, audit });
    console.log(
      `  ${id} · ${record.context.title} · ${label('status', record.status, lang)}` +
        (record.context.outcome ? ` · ${label('outcome', record.context.outcome, lang)}` : '') +
        ` · ${zh ? '审计链' : 'audit chain'} ${verdict.ok ? '✓' : '✗'}`,
    );
    for (const e of audit) {
      const lead = e.data?.lead ? ` → ${target(e.data.lead)}` : '';
      const level =
        e.event === 'SLA_OVERDUE'
          ? ` ${label('clock', e.data.clock, lang)} ${zh ? `${e.data.level}级` : `level ${e.data.level}`}`
          : '';
      console.log(
        `    ${time(e.at)}  ${label('event', e.event, lang)}${lead}${level}  ` +
          `[${e.from ? label('status', e.from, lang) : '∅'} → ${label('status', e.to, lang)}]  ` +
          `${who(e.actorId)}${e.note ? `  「${e.note}」` : ''}`,
      );
    }
  }
}

const k = computeKpis(cases, { now: clock.now() });
console.log(`\n━━ KPI`);
console.log(
  zh
    ? `  事件 ${k.cases}，已闭环 ${k.closed}，处置中 ${k.open}，督办 ${k.supervisions.level1}+${k.supervisions.level2} 次`
    : `  cases ${k.cases}, closed ${k.closed}, open ${k.open}, supervisions ${k.supervisions.level1}+${k.supervisions.level2}`,
);
for (const key of ['accept', 'acknowledge', 'resolve', 'close']) {
  const s = k.durations[key];
  const name = zh
    ? { accept: '受理用时', acknowledge: '签收用时', resolve: '办结用时', close: '闭环用时' }[key]
    : {
        accept: 'time to accept',
        acknowledge: 'time to acknowledge',
        resolve: 'time to resolve',
        close: 'time to close',
      }[key];
  console.log(
    `  ${name}: ${zh ? '中位' : 'median'} ${span(s.median)}, ${zh ? '最长' : 'max'} ${span(s.max)} (n=${s.count})`,
  );
}
for (const [clockName, c] of Object.entries(k.slaCompliance)) {
  console.log(
    `  ${label('clock', clockName, lang)}: ${c.rate === null ? '—' : `${Math.round(c.rate * 100)}%`} (${c.met}/${c.met + c.missed})`,
  );
}
console.log(
  `  ${zh ? '按结果' : 'by outcome'}: ${Object.entries(k.byOutcome)
    .map(([o, n]) => `${label('outcome', o, lang)} ${n}`)
    .join(', ')}`,
);
console.log(
  `  ${zh ? '按板块' : 'by section'}: ${Object.entries(k.bySection)
    .map(([s, n]) => `${label('section', s, lang)} ${n}`)
    .join(', ')}`,
);
if (args.includes('--check') && broken > 0) {
  console.error(`${broken} audit chain(s) broken`);
  process.exit(1);
}
