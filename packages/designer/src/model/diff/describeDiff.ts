import { labels } from '@zhizhi/core/labels';
import type { ScenarioDiff } from './diffScenarios.js';

const kind = (k: string): readonly [string, string] =>
  Object.hasOwn(labels.stepKind, k) ? labels.stepKind[k as keyof typeof labels.stepKind] : [k, k];
const count = (n: number, en: string) => `${n} ${en}${n === 1 ? '' : 's'}`;

/**
 * The diff as lines to read before deploying a new version, in zh-CN and English: one line per
 * step added, removed or changed, per transition added, removed or re-targeted, and one line
 * each for moved steps, triggers, fields, KPIs and other document values that changed.
 *
 * @example
 * ```ts
 * import { describeDiff, diffScenarios } from '@zhizhi/designer/model';
 * for (const line of describeDiff(diffScenarios(deployed, draft.doc))) console.log(line.zh);
 * // 新增步骤 `recheck`（等待）
 * // 连线 `call` · outcomes.noAnswer：`visit` → `escalate`
 * ```
 */
export function describeDiff(d: ScenarioDiff): { zh: string; en: string }[] {
  const out: { zh: string; en: string }[] = [];
  for (const s of d.steps.added) {
    const [zh, en] = kind(s.kind);
    out.push({ zh: `新增步骤 \`${s.id}\`（${zh}）`, en: `Step \`${s.id}\` added (${en})` });
  }
  for (const s of d.steps.removed) {
    const [zh, en] = kind(s.kind);
    out.push({ zh: `删除步骤 \`${s.id}\`（${zh}）`, en: `Step \`${s.id}\` removed (${en})` });
  }
  for (const s of d.steps.changed) {
    const paths = s.changes.map((c) => c.path.join('.')).join(', ');
    out.push({ zh: `修改步骤 \`${s.id}\`：${paths}`, en: `Step \`${s.id}\` changed: ${paths}` });
  }
  for (const t of d.transitions.added) {
    out.push({
      zh: `新增连线 \`${t.from}\` · ${t.outcome} → \`${t.to}\``,
      en: `Transition \`${t.from}\` · ${t.outcome} → \`${t.to}\` added`,
    });
  }
  for (const t of d.transitions.removed) {
    out.push({
      zh: `删除连线 \`${t.from}\` · ${t.outcome} → \`${t.to}\``,
      en: `Transition \`${t.from}\` · ${t.outcome} → \`${t.to}\` removed`,
    });
  }
  for (const t of d.transitions.retargeted) {
    out.push({
      zh: `连线 \`${t.from}\` · ${t.outcome}：\`${t.before}\` → \`${t.to}\``,
      en: `Transition \`${t.from}\` · ${t.outcome}: \`${t.before}\` → \`${t.to}\``,
    });
  }
  if (d.steps.moved.length > 0) {
    out.push({
      zh: `移动了 ${d.steps.moved.length} 个步骤的位置`,
      en: `${count(d.steps.moved.length, 'step')} moved`,
    });
  }
  const lists = [
    ['触发器', 'trigger', d.triggers],
    ['字段', 'field', d.fields],
    ['指标', 'KPI', d.kpis],
  ] as const;
  for (const [zh, en, l] of lists) {
    const n = l.added.length + l.removed.length + l.changed.length;
    if (n === 0) continue;
    out.push({
      zh: `${zh}：新增 ${l.added.length}，删除 ${l.removed.length}，修改 ${l.changed.length}`,
      en: `${en}s: ${l.added.length} added, ${l.removed.length} removed, ${l.changed.length} changed`,
    });
  }
  if (d.document.length > 0) {
    const paths = d.document.map((c) => c.path.join('.')).join(', ');
    out.push({ zh: `修改场景属性：${paths}`, en: `Scenario values changed: ${paths}` });
  }
  return out;
}
