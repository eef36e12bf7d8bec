import { MAX_STEPS } from '@zhizhi/core/scenario';
import type { Point } from '../commands/Command.js';
import { CLIPBOARD_FORMAT } from '../commands/copySteps.js';
import { type Refusal, refuse } from '../commands/Refusal.js';
import type { ScenarioDraft } from '../ScenarioDraft.js';
import { stepKinds } from './canDrop.js';
import { isJson } from './isJson.js';

const bad = (rule: string, ruleZh: string, path: (string | number)[] = ['clipboard']) =>
  refuse('designer.badClipboard', path, { rule, ruleZh });

/**
 * Whether `clipboard` (from `copySteps`, perhaps of another scenario) may be pasted into
 * `doc`. Refused: not a designer clipboard, no steps, a step that is not JSON or has no id or
 * an unknown kind, an offset that is not two finite numbers, and too many steps in all.
 * Colliding ids are not refused: pasting renames them.
 *
 * @example
 * ```ts
 * import { canPaste, copySteps } from '@zhizhi/designer/model';
 * canPaste(other, copySteps(doc, ['call'])); // []
 * ```
 */
export function canPaste(doc: ScenarioDraft, clipboard: unknown, offset?: Point): Refusal[] {
  const c = clipboard as { format?: unknown; steps?: unknown } | null;
  if (typeof c !== 'object' || c === null || c.format !== CLIPBOARD_FORMAT) {
    return [bad(`the format is not ${CLIPBOARD_FORMAT}`, `格式不是 ${CLIPBOARD_FORMAT}`)];
  }
  if (!Array.isArray(c.steps)) return [bad('steps is not a list', 'steps 不是列表')];
  if (c.steps.length === 0) return [refuse('designer.emptyClipboard', ['clipboard', 'steps'])];
  const out: Refusal[] = [];
  c.steps.forEach((s: unknown, i: number) => {
    const step = s as { id?: unknown; kind?: unknown } | null;
    const at = ['clipboard', 'steps', i];
    if (typeof step !== 'object' || step === null || Array.isArray(step) || !isJson(step)) {
      out.push(refuse('designer.notJson', at));
    } else if (typeof step.id !== 'string' || step.id.length === 0) {
      out.push(bad('a step without an id', '步骤缺少 id', at));
    } else if (!stepKinds.includes(step.kind as never)) {
      out.push(refuse('designer.unknownKind', at, { kind: String(step.kind).slice(0, 40) }));
    }
  });
  if (offset !== undefined && !(Number.isFinite(offset?.x) && Number.isFinite(offset?.y))) {
    out.push(refuse('designer.badPosition', ['offset']));
  }
  if (doc.steps.length + c.steps.length > MAX_STEPS) {
    out.push(refuse('designer.tooManySteps', ['clipboard', 'steps'], { max: MAX_STEPS }));
  }
  return out;
}
