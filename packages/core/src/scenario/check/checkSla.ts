import type { Diagnostic } from '../../diagnostics/Diagnostic.js';
import { closestName, didYouMean } from '../../diagnostics/didYouMean.js';
import { parseDuration } from '../../sla/parseDuration.js';
import type { CheckContext } from './checkContext.js';
import { scenarioDiagnostic } from './scenarioCatalog.js';

function millis(iso: string): number {
  try {
    return parseDuration(iso);
  } catch {
    return Number.NaN;
  }
}

/**
 * Checks the SLAs of `task`, `dispatch`, `wait` and `campaign` steps. Reports
 * `scenario.slaWithoutTimeout` when an SLA's `onTimeout` names no step (an overdue instance
 * would have nowhere to go), and the warning `scenario.slaNeverFires` when a `wait` for a
 * duration has an SLA that is not shorter than the wait itself (the wait always ends first).
 *
 * @internal
 * @example
 * ```ts
 * import { checkSla } from './checkSla.js';
 * import { createCheckContext } from './checkContext.js';
 * // { kind: 'wait', for: { duration: 'PT1H' }, sla: { within: 'PT2H', onTimeout: 'late' }, … }
 * // checkSla(createCheckContext(doc))[0]?.code; // 'scenario.slaNeverFires'
 * ```
 */
export function checkSla(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  let suggest: ((name: string) => string | undefined) | undefined;
  ctx.doc.steps.forEach((step, i) => {
    if (!('sla' in step) || !step.sla || ctx.broken[i]) return;
    const { within, onTimeout } = step.sla;
    if (onTimeout !== '@join' && !ctx.stepIndex.has(onTimeout)) {
      suggest ??= closestName(ctx.stepIndex.keys());
      out.push(
        scenarioDiagnostic('scenario.slaWithoutTimeout', ['steps', i, 'sla', 'onTimeout'], {
          step: step.id,
          within,
          target: onTimeout,
          ...didYouMean(suggest(onTimeout)),
        }),
      );
    }
    if (step.kind === 'wait' && 'duration' in step.for) {
      const wait = millis(step.for.duration);
      if (millis(within) >= wait) {
        out.push(
          scenarioDiagnostic('scenario.slaNeverFires', ['steps', i, 'sla', 'within'], {
            step: step.id,
            duration: step.for.duration,
            within,
          }),
        );
      }
    }
  });
  return out;
}
