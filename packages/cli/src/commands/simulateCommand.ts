import { Engine, type Lang, SimulatedClock } from '@zhizhi/core';
import { type JsonDiagnostic, parseJsonStrict } from '@zhizhi/core/json';
import { computeScenarioKpis, ScenarioEngine } from '@zhizhi/core/scenario';
import { say } from '../cliMessages.js';
import { formatTime } from '../formatTime.js';
import type { Io } from '../Io.js';
import { loadInputs } from '../loadInputs.js';
import { loadPolicies } from '../loadPolicies.js';
import { readText } from '../readText.js';

type Line = Record<string, unknown>;

/**
 * `zhizhi simulate <file> --events <file.jsonl> [--start <ISO time>]`: registers the scenario
 * on an Engine with a simulated clock and feeds it the events file, one JSON object per line:
 * - `{"type":"START","trigger":"manual","actor":"qj-sj-duty","gridId":"qj-sj-c1-g1","data":{…},"lists":{…}}` starts the instance (first);
 * - `{"advance":"PT30M"}` moves the clock (timers that fall due fire);
 * - `{"at":"2026-09-01T08:40:00+08:00", …}` moves the clock to that time first;
 * - `{"type":"TASK_COMPLETE","actor":"…","step":"visit","outcome":"fine","data":{…}}`, `CHECK_IN`, `SIGNAL`, `EVENT` go to the instance;
 * - `{"case":"dispatchCare","type":"ACKNOWLEDGE","actor":"…"}` goes to the case a dispatch step opened.
 * Prints one line per transition (instance and cases), then the final state and the KPIs
 * (`--json` adds the full audit trail); `--json` prints one JSON document instead. A bad line is reported with its
 * number and nothing after it runs (exit 1).
 *
 * @example
 * ```ts
 * import { simulateCommand } from './commands/simulateCommand.js';
 * // await simulateCommand(io, 'health-band.json', { events: 'band.jsonl', lang: 'en', maxBytes: 5_242_880, json: false }) → 0
 * ```
 */
export async function simulateCommand(
  io: Io,
  file: string,
  options: {
    events: string;
    start?: string;
    lang: Lang;
    maxBytes: number;
    json: boolean;
    org?: string;
    policy?: string;
    dutyLists?: string;
  },
): Promise<number> {
  const { lang } = options;
  const inputs = loadInputs(io, file, options, options.org);
  if (!inputs) return 2;
  const events = readText(io, options.events, options);
  if (!events.ok) {
    io.err(events.message);
    return 2;
  }
  const eventsText = events.text;
  let clock: SimulatedClock;
  try {
    clock = new SimulatedClock(options.start ?? '2026-01-01T08:00:00+08:00');
  } catch (error) {
    io.err(say('badStart', lang, { start: String(options.start), why: (error as Error).message }));
    return 2;
  }
  const config = loadPolicies(io, options, options);
  if (!config) return 2;
  const engine = new Engine({
    directory: inputs.directory,
    clock,
    slaPolicy: config.slaPolicy,
    dutyLists: config.dutyLists,
  });
  const scenarios = new ScenarioEngine(engine);
  const registered = scenarios.register(inputs.doc);
  if (!registered.ok) {
    for (const d of registered.diagnostics)
      io.err(
        `${d.path.join('.') || '(root)'}  ${d.code}  ${lang === 'en' ? d.message.en : d.message.zh}`,
      );
    return 1;
  }
  const transitions: {
    at: number;
    kind: 'scenario' | 'case';
    id: string;
    event: string;
    from: string | null;
    to: string;
    actor: string;
  }[] = [];
  const show = (t: (typeof transitions)[number]) => {
    transitions.push(t);
    if (!options.json) {
      io.out(
        `${formatTime(t.at)}  ${t.kind === 'case' ? `[${t.id}] ` : ''}${t.event}  ${t.from ?? '∅'} → ${t.to}  ${t.actor}`,
      );
    }
  };
  scenarios.subscribe(({ record, entry }) =>
    show({
      at: entry.at,
      kind: 'scenario',
      id: record.id,
      event: entry.event,
      from: entry.from,
      to: entry.to,
      actor: entry.actorId,
    }),
  );
  engine.subscribe(({ record, entry }) =>
    show({
      at: entry.at,
      kind: 'case',
      id: record.id,
      event: entry.event,
      from: entry.from,
      to: entry.to,
      actor: entry.actorId,
    }),
  );
  let instanceId: string | undefined;
  const lines = eventsText.split('\n');
  const stop = (n: number, why: string) => {
    io.err(say('badLine', lang, { line: n, why }));
    io.err(say('stopped', lang, { line: n }));
    return 1;
  };
  for (const [i, raw] of lines.entries()) {
    const n = i + 1;
    if (raw.trim() === '') continue;
    const parsed = parseJsonStrict(raw);
    if (!parsed.ok) {
      const d = parsed.diagnostics[0] as JsonDiagnostic;
      const where = d.path.length > 0 ? ` (${d.path.join('.')})` : '';
      return stop(
        n,
        `${say('column', lang, { column: d.column })}${where}: ${d.code} ${lang === 'en' ? d.message.en : d.message.zh}`,
      );
    }
    if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value))
      return stop(n, 'not a JSON object');
    const line = parsed.value as Line;
    try {
      if (typeof line.at === 'string') clock.set(line.at);
      if (typeof line.advance === 'string') clock.advance(line.advance);
    } catch (error) {
      return stop(n, (error as Error).message);
    }
    if (line.at !== undefined || line.advance !== undefined) {
      await engine.tick();
      await scenarios.settled();
    }
    if (line.type === undefined) continue;
    const { actor, at: _at, advance: _adv, case: caseStep, ...payload } = line;
    const by = typeof actor === 'string' ? actor : '';
    let failure: { code: string; message: { zh: string; en: string } } | null = null;
    if (payload.type === 'START') {
      const r = await scenarios.start({
        ...payload,
        type: undefined,
        scenario: registered.key.split('@')[0],
        version: registered.key.split('@')[1],
        by,
      });
      if (r.ok) instanceId = r.record.id;
      else failure = r.error;
    } else if (!instanceId) {
      return stop(n, 'the first event must be {"type":"START", …}');
    } else if (typeof caseStep === 'string') {
      const caseId = (await scenarios.get(instanceId))?.context.cases[caseStep];
      if (!caseId) return stop(n, `no case opened by step ${caseStep}`);
      const r = await engine.send(caseId, { ...payload, by });
      if (!r.ok) failure = r.error;
      await scenarios.settled();
    } else {
      const r = await scenarios.send(instanceId, { ...payload, by });
      if (!r.ok) failure = r.error;
    }
    if (failure)
      return stop(n, `${failure.code} ${lang === 'en' ? failure.message.en : failure.message.zh}`);
  }
  if (!instanceId) return stop(lines.length, 'no START line');
  const record = await scenarios.get(instanceId);
  const audit = await scenarios.auditTrail(instanceId);
  if (!record) return 1;
  const doc = scenarios.scenario(registered.key);
  const kpis = doc ? computeScenarioKpis(doc, [{ record, audit }]) : [];
  const cases = await Promise.all(Object.values(record.context.cases).map((id) => engine.get(id)));
  if (options.json) {
    io.out(
      JSON.stringify(
        {
          instance: record.id,
          status: record.status,
          outcome: record.context.outcome,
          data: record.context.data,
          transitions,
          audit,
          kpis,
          cases: cases.filter(Boolean),
        },
        null,
        2,
      ),
    );
    return 0;
  }
  io.out(
    `${say('finalState', lang)}: ${record.status}  ${say('outcome', lang)}: ${record.context.outcome ?? '—'}`,
  );
  io.out(`${say('kpis', lang)}:`);
  for (const k of kpis) {
    const value =
      k.value === null
        ? '—'
        : k.kind === 'duration'
          ? `${Math.round(k.value / 60_000)} min`
          : k.kind === 'coverage'
            ? `${Math.round(k.value * 100)}%`
            : String(k.value);
    io.out(
      `  ${lang === 'en' ? k.label.en : k.label.zh}: ${value}${k.met === null ? '' : k.met ? ' ✓' : ' ✗'}`,
    );
  }
  return 0;
}
