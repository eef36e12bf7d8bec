import { type Lang, parseDuration, pickText, type SimulatedClock } from '@zhizhi/core';
import type { LocalClient } from '@zhizhi/core/client';
import { say } from '../cliMessages.js';
import { formatTime } from '../formatTime.js';
import { READING, readEventLine } from './readEventLine.js';

/** 9999-12-31T23:59:59.999Z: the latest time a simulated clock may reach. */
export const LATEST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * Plays an events file against a scenario registered as `key` (`id@version`) on a
 * `LocalClient` (the runtime the designer's simulation uses), line by line: moves the clock
 * (then ticks, so timers that fall due fire), starts the one instance, sends events to it or
 * to the cases its dispatch steps opened, and feeds sensor readings through the client's
 * readings path (the alert normaliser; a reading may start the instance or signal it). Stops
 * at the first line that is malformed, moves the clock backwards or past {@link LATEST_TIME},
 * starts a second instance, names no opened case, or is refused by the runtime.
 *
 * @example
 * ```ts
 * import { playEvents } from './simulate/playEvents.js';
 * // const played = await playEvents(text, { client, clock, key: 'elderly-health-band@1.0.0', lang: 'en' });
 * // played.ok ? played.instanceId : `line ${played.line}: ${played.why}`
 * ```
 */
export async function playEvents(
  text: string,
  run: {
    client: LocalClient;
    clock: SimulatedClock;
    key: string;
    lang: Lang;
  },
): Promise<{ ok: true; instanceId: string } | { ok: false; line: number; why: string }> {
  const { client, clock, lang } = run;
  const { engine, scenarios } = client;
  const [scenario, version] = run.key.split('@') as [string, string];
  const lines = text.split('\n');
  let instanceId: string | undefined;
  let startedOn = 0;
  for (const [i, raw] of lines.entries()) {
    const n = i + 1;
    const stop = (why: string) => ({ ok: false as const, line: n, why });
    if (raw.trim() === '') continue;
    const read = readEventLine(raw, lang);
    if (!read.ok) return stop(read.why);
    const { at, advance, event } = read.line;
    if (at !== undefined) {
      const t = Date.parse(at);
      if (!Number.isFinite(t)) return stop(say('lineBadTime', lang, { value: at }));
      if (t > LATEST_TIME) return stop(say('lineClockRange', lang, { value: at }));
      if (t < clock.now())
        return stop(say('lineTimeBack', lang, { value: at, now: formatTime(clock.now()) }));
      clock.set(t);
    }
    if (advance !== undefined) {
      const ms = parseDuration(advance);
      if (clock.now() + ms > LATEST_TIME)
        return stop(say('lineClockRange', lang, { value: advance }));
      clock.advance(ms);
    }
    if (at !== undefined || advance !== undefined) {
      await engine.tick();
      await scenarios.settled();
    }
    if (!event) continue;
    const { type, actor, payload } = event;
    let result:
      | { ok: true }
      | { ok: false; error: { code: string; message: { zh: string; en: string } } };
    if (type === READING) {
      const given = payload.reading as Record<string, unknown>;
      const reading = Object.hasOwn(given, 'deviceTime')
        ? given
        : { ...given, deviceTime: clock.now() };
      const r = await client.readings(actor, [reading]);
      await scenarios.settled();
      const refused = r.refused[0];
      if (refused) {
        const why = `${refused.code} ${pickText(refused.message, lang)}`;
        return stop(say('lineReadingRefused', lang, { why }));
      }
      for (const x of r.results) {
        if (!x.ok) return stop(`${x.error.code} ${pickText(x.error.message, lang)}`);
        if (x.record.kind !== 'scenario' || x.record.id === instanceId) continue;
        if (instanceId !== undefined)
          return stop(say('lineSecondStart', lang, { first: startedOn }));
        instanceId = x.record.id;
        startedOn = n;
      }
      continue;
    }
    if (type === 'START') {
      if (instanceId !== undefined) return stop(say('lineSecondStart', lang, { first: startedOn }));
      const started = await scenarios.start({ ...payload, scenario, version, by: actor });
      if (started.ok) {
        instanceId = started.record.id;
        startedOn = n;
      }
      result = started;
    } else if (instanceId === undefined) {
      return stop(say('lineFirstStart', lang));
    } else if (event.case !== undefined) {
      const cases = (await scenarios.get(instanceId))?.context.cases ?? {};
      const caseId = Object.hasOwn(cases, event.case) ? cases[event.case] : undefined;
      if (typeof caseId !== 'string') return stop(say('lineNoCase', lang, { step: event.case }));
      result = await engine.send(caseId, { ...payload, type, by: actor });
      await scenarios.settled();
    } else {
      result = await scenarios.send(instanceId, { ...payload, type, by: actor });
    }
    if (!result.ok) {
      const { code, message } = result.error;
      return stop(`${code} ${pickText(message, lang)}`);
    }
  }
  if (instanceId === undefined)
    return { ok: false, line: lines.length, why: say('noStartLine', lang) };
  return { ok: true, instanceId };
}
