import { type Lang, pickText, SimulatedClock } from '@zhizhi/core';
import { LocalClient } from '@zhizhi/core/client';
import { computeScenarioKpis } from '@zhizhi/core/scenario';
import { say } from '../cliMessages.js';
import type { Io } from '../Io.js';
import { loadInputs } from '../loadInputs.js';
import { loadPolicies } from '../loadPolicies.js';
import { readText } from '../readText.js';
import { formatTransition, type Transition, transitionOf } from '../simulate/formatCommit.js';
import { LATEST_TIME, playEvents } from '../simulate/playEvents.js';

/**
 * `zhizhi simulate <file> --events <file.jsonl> [--start <ISO time>]`: registers the scenario
 * on a `LocalClient` (the runtime the designer simulates on) with a simulated clock and plays
 * the events file, one JSON object per line:
 * - `{"type":"START","trigger":"manual","actor":"qj-sj-duty","gridId":"qj-sj-c1-g1","data":{…},"lists":{…}}` starts the instance (first, and only once: one events file drives one instance);
 * - `{"advance":"PT30M"}` moves the clock (timers that fall due fire);
 * - `{"at":"2026-09-01T08:40:00+08:00", …}` moves the clock to that time first;
 * - `{"type":"TASK_COMPLETE","actor":"…","step":"visit","outcome":"fine","data":{…}}`, `CHECK_IN`, `SIGNAL`, `EVENT` go to the instance;
 * - `{"case":"dispatchCare","type":"ACKNOWLEDGE","actor":"…"}` goes to the case a dispatch step opened;
 * - `{"type":"READING","actor":"qj-sj-sensor","reading":{"deviceId":"…","seq":1,"type":"fall","level":1,"gridId":"qj-sj-c1-g1"}}`
 *   feeds one sensor reading (as `POST /api/readings` takes it; `deviceTime` defaults to the
 *   simulated time) through the alert normaliser: it may start the instance or signal it.
 * Prints one line per transition (instance and cases), each followed by the notifications the
 * same commit put in the outbox (`↳ topic → recipients`, escalations included), then the final
 * state, the KPIs and any problem the scenario host met; `--json` prints one document instead.
 * A bad line is reported with its number and nothing after it runs (exit 1).
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
  let clock: SimulatedClock;
  try {
    clock = new SimulatedClock(options.start ?? '2026-01-01T08:00:00+08:00');
    if (clock.now() > LATEST_TIME) throw new RangeError('after 9999-12-31');
  } catch (error) {
    io.err(say('badStart', lang, { start: String(options.start), why: (error as Error).message }));
    return 2;
  }
  const config = loadPolicies(io, options, options);
  if (!config) return 2;
  const transitions: Transition[] = [];
  const client = new LocalClient({
    directory: inputs.directory,
    clock,
    slaPolicy: config.slaPolicy,
    dutyLists: config.dutyLists,
  });
  const { engine, scenarios } = client;
  engine.runtime.onCommit((committed) => {
    const t = transitionOf(committed);
    transitions.push(t);
    if (!options.json) for (const line of formatTransition(t)) io.out(line);
  });
  const registered = scenarios.register(inputs.doc);
  if (!registered.ok) {
    for (const d of registered.diagnostics)
      io.err(`${d.path.join('.') || '(root)'}  ${d.code}  ${pickText(d.message, lang)}`);
    return 1;
  }
  const played = await playEvents(events.text, {
    client,
    clock,
    key: registered.key,
    lang,
  });
  if (!played.ok) {
    io.err(say('badLine', lang, { line: played.line, why: played.why }));
    io.err(say('stopped', lang, { line: played.line }));
    return 1;
  }
  const record = await scenarios.get(played.instanceId);
  if (!record) return 1;
  const audit = await scenarios.auditTrail(played.instanceId);
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
          problems: scenarios.problems,
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
  for (const p of scenarios.problems) io.out(`${say('problem', lang)}: ${p.what}`);
  return 0;
}
