import { caseEventSchemas, caseEventTypes, isDuration, type Lang, pickText } from '@zhizhi/core';
import { checkReading } from '@zhizhi/core/alert';
import { parseJsonStrict } from '@zhizhi/core/json';
import { scenarioCommandSchema, startScenarioSchema } from '@zhizhi/core/scenario';
import { say } from '../cliMessages.js';

/**
 * One line of an events file, checked for shape (not yet against the clock or the engines):
 * a clock move (`at`, `advance`, both optional), then maybe an event for the instance (`START`,
 * `TASK_COMPLETE`, `CHECK_IN`, `SIGNAL`, `EVENT`), for the case a dispatch step opened
 * (`case` + a case event type), or a sensor reading (`READING`: `payload.reading` is one
 * reading as `POST /api/readings` takes it, `deviceTime` filled in with the simulated time
 * when left out, sent by the sensor member `actor`).
 */
export interface EventLine {
  at?: string;
  advance?: string;
  event?: {
    type: string;
    actor: string;
    /** The dispatch step whose case receives it; absent for the instance. */
    case?: string;
    payload: Record<string, unknown>;
  };
}

const clockKeys = ['at', 'advance'];
/** The type of a reading line: not a scenario command, the readings path (`Client.readings`). */
export const READING = 'READING';

/** The keys a line of each event type may carry (`actor` in place of the command's `by`). */
const instanceKeys = new Map<string, string[]>([
  [
    'START',
    Object.keys(startScenarioSchema.shape).filter(
      (k) => !['scenario', 'version', 'by'].includes(k),
    ),
  ],
  ...scenarioCommandSchema.def.options.map((o): [string, string[]] => [
    String(o.shape.type.def.values[0]),
    Object.keys(o.shape).filter((k) => k !== 'type' && k !== 'by'),
  ]),
]);
const caseKeys = new Map<string, string[]>(
  caseEventTypes
    .filter((t) => t !== 'SLA_OVERDUE')
    .map((t) => [
      t,
      Object.keys(caseEventSchemas[t].shape).filter((k) => k !== 'type' && k !== 'by'),
    ]),
);

/**
 * Reads one line of a `zhizhi simulate` events file: strict JSON, an object, known keys for
 * its event type (looked up as own entries: `"type": "toString"` is simply unknown). A line
 * with neither `type`, `at` nor `advance` is an error, not a line to skip.
 *
 * @example
 * ```ts
 * import { readEventLine } from './simulate/readEventLine.js';
 * readEventLine('{"advance":"PT5M"}', 'en'); // { ok: true, line: { advance: 'PT5M' } }
 * readEventLine('{"typ":"START"}', 'en').ok; // false: unknown key "typ"
 * ```
 */
export function readEventLine(
  raw: string,
  lang: Lang,
): { ok: true; line: EventLine } | { ok: false; why: string } {
  const fail = (key: Parameters<typeof say>[0], params: Record<string, string> = {}) => ({
    ok: false as const,
    why: say(key, lang, params),
  });
  const parsed = parseJsonStrict(raw);
  if (!parsed.ok) {
    const d = parsed.diagnostics[0];
    if (!d) return fail('lineNotObject');
    const where = d.path.length > 0 ? ` (${d.path.join('.')})` : '';
    return {
      ok: false,
      why: `${say('column', lang, { column: d.column })}${where}: ${d.code} ${pickText(d.message, lang)}`,
    };
  }
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('lineNotObject');
  const fields = value as Record<string, unknown>;
  const keys = Object.keys(fields);
  for (const key of [...clockKeys, 'type', 'actor', 'case']) {
    if (Object.hasOwn(fields, key) && typeof fields[key] !== 'string')
      return fail('lineNotString', { key });
  }
  const { at, advance, type, actor, case: step, ...payload } = fields as Record<string, string>;
  if (advance !== undefined && !isDuration(advance))
    return fail('lineBadDuration', { value: advance });
  if (type === undefined) {
    const stray = keys.find((k) => !clockKeys.includes(k));
    if (stray !== undefined) return fail('lineClockOnly', { key: stray });
    if (at === undefined && advance === undefined)
      return fail('lineEmpty', { keys: keys.join(', ') || '—' });
    return { ok: true, line: { at, advance } };
  }
  if (type === READING && step === undefined) return readReading(fields, keys, lang);
  const table = step === undefined ? instanceKeys : caseKeys;
  const known = table.get(type);
  if (!table.has(type) || known === undefined)
    return fail('lineUnknownType', {
      type,
      known: [...table.keys(), ...(step === undefined ? [READING] : [])].join(', '),
    });
  const allowed = ['actor', ...(step === undefined ? [] : ['case']), ...known, ...clockKeys];
  const stray = keys.find((k) => k !== 'type' && !allowed.includes(k));
  if (stray !== undefined)
    return fail('lineUnknownKey', { key: stray, type, known: allowed.join(', ') });
  if (actor === undefined) return fail('lineNoActor');
  return {
    ok: true,
    line: {
      at,
      advance,
      event: { type, actor, ...(step === undefined ? {} : { case: step }), payload },
    },
  };
}

/**
 * A `READING` line: `actor`, `reading` (checked with the alert normaliser's own rules; the
 * first problem named by its path, e.g. `reading.level`) and the clock keys, nothing else.
 */
function readReading(
  fields: Record<string, unknown>,
  keys: string[],
  lang: Lang,
): { ok: true; line: EventLine } | { ok: false; why: string } {
  const allowed = ['type', 'actor', 'reading', ...clockKeys];
  const stray = keys.find((k) => !allowed.includes(k));
  if (stray !== undefined)
    return {
      ok: false,
      why: say('lineUnknownKey', lang, {
        key: stray,
        type: READING,
        known: allowed.slice(1).join(', '),
      }),
    };
  const { at, advance, actor, reading } = fields as Record<string, string | undefined> & {
    reading?: unknown;
  };
  if (actor === undefined) return { ok: false, why: say('lineNoActor', lang) };
  if (typeof reading !== 'object' || reading === null || Array.isArray(reading))
    return { ok: false, why: say('lineReading', lang) };
  // deviceTime may be left out (the simulated time is filled in): check the rest as given
  const probe = Object.hasOwn(reading, 'deviceTime') ? reading : { ...reading, deviceTime: 0 };
  const [problem] = checkReading(probe);
  if (problem) {
    const path = ['reading', ...problem.path].join('.');
    return {
      ok: false,
      why: `${path}: ${problem.code} ${pickText(problem.message, lang)}`,
    };
  }
  return {
    ok: true,
    line: { at, advance, event: { type: READING, actor, payload: { reading } } },
  };
}
