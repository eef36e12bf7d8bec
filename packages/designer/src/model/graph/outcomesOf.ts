import type { Json } from '../history/Change.js';
import type { DraftStep } from '../ScenarioDraft.js';

/**
 * One outgoing port of a step, connected or not: its name (`next`, `otherwise`, `onTimeout`,
 * `outcomes.<id>` of a task, `branches.<index>` of a decision, `branches.<id>` of a parallel),
 * the path of the field holding its target inside the step, and the target when connected.
 *
 * @example
 * ```ts
 * import type { StepOutcome } from '@zhizhi/designer/model';
 * const open = (o: StepOutcome) => o.to === undefined;
 * ```
 */
export interface StepOutcome {
  outcome: string;
  path: (string | number)[];
  to: string | undefined;
  timeout: boolean;
}

type Obj = { [key: string]: Json | undefined };
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v : []);

/**
 * The outgoing ports of a step in document order, connected or not (a half-filled step's
 * missing `next` is a port with no target). The same edges as core's `stepEdges`, named for
 * the canvas.
 *
 * @example
 * ```ts
 * import { outcomesOf } from '@zhizhi/designer/model';
 * outcomesOf({ id: 'n', kind: 'notify', next: 'done' }).map((o) => o.outcome); // ['next']
 * ```
 */
export function outcomesOf(step: DraftStep): StepOutcome[] {
  const out: StepOutcome[] = [];
  const push = (outcome: string, path: (string | number)[], to: unknown) =>
    out.push({ outcome, path, to: str(to), timeout: false });
  switch (step.kind) {
    case 'task':
      list(step.outcomes).forEach((o, i) => {
        if (isObj(o) && typeof o.id === 'string')
          push(`outcomes.${o.id}`, ['outcomes', i, 'to'], o.to);
      });
      break;
    case 'decision':
      list(step.branches).forEach((b, i) => {
        push(`branches.${i}`, ['branches', i, 'to'], isObj(b) ? b.to : undefined);
      });
      push('otherwise', ['otherwise'], step.otherwise);
      break;
    case 'parallel':
      list(step.branches).forEach((b, i) => {
        if (isObj(b) && typeof b.id === 'string') {
          push(`branches.${b.id}`, ['branches', i, 'start'], b.start);
        }
      });
      push('next', ['next'], step.next);
      break;
    case 'end':
      break;
    default:
      push('next', ['next'], step.next);
  }
  if (isObj(step.sla)) {
    out.push({
      outcome: 'onTimeout',
      path: ['sla', 'onTimeout'],
      to: str(step.sla.onTimeout),
      timeout: true,
    });
  }
  return out;
}
