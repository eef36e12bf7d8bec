import * as z from 'zod/mini';
import { GOTO_PATTERN, ID_PATTERN } from '../document/scenarioIds.js';
import { MAX_STEPS } from '../document/scenarioLimits.js';
import {
  type Scenario,
  type ScenarioStep,
  scenarioSchema,
  stepSchema,
} from '../document/scenarioSchema.js';

/**
 * The target given to a transition of a half-filled step that cannot be read. It is never a
 * step id (ids start with a letter) nor `@join`, so the graph treats it as an unknown target —
 * which counts as finishing, so nothing is blamed on it — and the checks do not report it.
 *
 * @internal
 * @example
 * ```ts
 * import { UNREAD } from './salvageSteps.js';
 * const unread = (to: string) => to === UNREAD;
 * ```
 */
export const UNREAD = '?';

/** The document with its steps left unparsed: everything else must be right to salvage. */
const looseDocument = z.extend(scenarioSchema, {
  steps: z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_STEPS)),
});

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const idOr = (v: unknown, fallback: string) =>
  typeof v === 'string' && ID_PATTERN.test(v) ? v : fallback;
const goto = (v: unknown) => (typeof v === 'string' && GOTO_PATTERN.test(v) ? v : UNREAD);

/** The transitions of a step that failed its schema, on a skeleton of its kind (or of a notify). */
function skeleton(raw: unknown, i: number): ScenarioStep {
  const o: Loose = isObject(raw) ? raw : {};
  // an id that breaks the id rule is still what the other steps call it
  const id =
    typeof o.id === 'string' && o.id.length > 0 && o.id.length <= 64 ? o.id : `${UNREAD}${i}`;
  const sla = isObject(o.sla) ? { sla: { within: 'PT0S', onTimeout: goto(o.sla.onTimeout) } } : {};
  const next = goto(o.next);
  const text = { zh: '?', en: '?' };
  switch (o.kind) {
    case 'task': {
      const outcomes = list(o.outcomes).map((x, j) => ({
        id: idOr(isObject(x) ? x.id : undefined, `${UNREAD}${j}`),
        to: goto(isObject(x) ? x.to : undefined),
      }));
      if (outcomes.length === 0) outcomes.push({ id: `${UNREAD}0`, to: UNREAD });
      return { id, kind: 'task', assignee: { role: 'resident' }, outcomes, ...sla };
    }
    case 'decision': {
      const branches = list(o.branches).map((b) => ({
        when: 'true',
        to: goto(isObject(b) ? b.to : undefined),
      }));
      if (branches.length === 0) branches.push({ when: 'true', to: UNREAD });
      return { id, kind: 'decision', branches, otherwise: goto(o.otherwise) };
    }
    case 'parallel': {
      const branches = list(o.branches).map((b, j) => ({
        id: idOr(isObject(b) ? b.id : undefined, `${UNREAD}${j}`),
        start: idOr(isObject(b) ? b.start : undefined, UNREAD),
      }));
      if (branches.length === 0) branches.push({ id: `${UNREAD}0`, start: UNREAD });
      return { id, kind: 'parallel', branches, join: o.join === 'all' ? 'all' : 'any', next };
    }
    case 'dispatch':
      return { id, kind: 'dispatch', lead: { kind: 'post', id: UNREAD }, next, ...sla };
    case 'wait':
      return { id, kind: 'wait', for: { signal: UNREAD }, next, ...sla };
    case 'escalate':
      return { id, kind: 'escalate', to: 'town', next };
    case 'campaign':
      return {
        id,
        kind: 'campaign',
        targets: { kind: 'households' },
        task: { label: text, assignee: { role: 'resident' } },
        complete: { coverage: 1 },
        next,
        ...sla,
      };
    case 'end':
      return { id, kind: 'end', outcome: 'resolved' };
    default:
      // a notify, or a kind we do not know: keep its `next` if it has a readable one
      return { id, kind: 'notify', to: [], channels: [], next };
  }
}

/**
 * Rebuilds a document whose only shape errors are inside some steps, so that the graph checks
 * can still run: every step that fails its schema becomes a skeleton of its kind keeping the
 * transitions that can be read (`UNREAD` for the rest) and is marked in `broken`, so that the
 * checks of a step's contents (references, conditions, personal data, SLAs…) leave it alone
 * until its shape is fixed. `null` when the rest of the document is not right either, or the
 * input cannot be read twice.
 *
 * @internal
 * @example
 * ```ts
 * import { salvageSteps } from './salvageSteps.js';
 * // a document whose task steps[0] has no assignee yet:
 * // salvageSteps(doc)?.broken[0]; // 1
 * ```
 */
export function salvageSteps(doc: unknown): { scenario: Scenario; broken: Uint8Array } | null {
  try {
    const parsed = looseDocument.safeParse(doc);
    if (!parsed.success) return null;
    const raw = parsed.data.steps;
    const broken = new Uint8Array(raw.length);
    const steps = raw.map((r, i) => {
      const step = stepSchema.safeParse(r);
      if (step.success) return step.data;
      broken[i] = 1;
      return skeleton(r, i);
    });
    return { scenario: { ...parsed.data, steps }, broken };
  } catch {
    return null; // a getter or proxy that throws the second time: no salvage
  }
}
