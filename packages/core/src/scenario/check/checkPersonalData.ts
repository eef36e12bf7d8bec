import type { Diagnostic } from '../../diagnostics/Diagnostic.js';
import type { CheckContext } from './checkContext.js';
import { scenarioDiagnostic } from './scenarioCatalog.js';

/**
 * Recipients that reach a whole place or a room of people (a grid's group, a community, a
 * command center's or city-operations center's duty desk and screens) rather than the handlers
 * of one matter.
 */
const broadcast = {
  grid: { en: 'a whole grid', zh: '整个网格' },
  community: { en: 'a whole community', zh: '整个村/社区' },
  commandCenter: { en: 'a command center', zh: '指挥中心' },
  cityOperationsCenter: { en: 'the city-operations center', zh: '城运中心' },
} as const;

/** Roles whose holders are not handlers of a matter: personal data must not reach them all. */
const publicRoles = {
  resident: { en: 'all residents', zh: '全体居民' },
  partTimeGridWorker: { en: 'all part-time grid workers', zh: '全体兼职网格员' },
} as const;

/** The fix for a notify recipient that reaches too many people: the recipients that are fine. */
const handlersOnly = {
  fix: 'send personal data only to individual handlers: a post, department, role (not residents or part-time grid workers) or family',
  fixZh: '个人信息只能发给具体经办人：岗位、部门、角色（居民和兼职网格员除外）或家属',
};

/** The screen channel: the target and the fix. */
const onScreen = {
  target: 'the wall screens (the `screen` channel)',
  targetZh: '大屏（`screen` 渠道）',
  fix: 'everyone in the room sees a screen: drop `screen` or the personal-data fields',
  fixZh: '大屏人人可见，请去掉 `screen` 渠道或这些个人信息字段',
};

/**
 * Checks that personal data stays with individual handlers. A `notify` step whose `fields`
 * include a field marked `pii: true` may only go to recipients of kind `post`, `department`,
 * `role` (a handling role — not `resident` or `partTimeGridWorker`) or `family`; it must not go to the broadcast recipients `grid`, `community`,
 * `commandCenter` or `cityOperationsCenter`, and must not use the `screen` channel (a wall
 * screen is seen by everyone in the room). Each such recipient (path `steps[i].to[j]`) and each
 * `screen` channel (path `steps[i].channels[k]`) is a `scenario.piiExposed` error naming the
 * personal-data fields. Reading personal data is not exposing it: a `decision` on a pii field,
 * a task form or a trigger that fills one are fine.
 *
 * @internal
 * @example
 * ```ts
 * import { checkPersonalData } from './checkPersonalData.js';
 * import { createCheckContext } from './checkContext.js';
 * // notify { to: [{ kind: 'grid', id: 'qj-sj-c1-g1' }], fields: ['phone'] } with phone pii
 * // checkPersonalData(createCheckContext(doc))[0]?.path; // ['steps', 3, 'to', 0]
 * ```
 */
export function checkPersonalData(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  ctx.doc.steps.forEach((step, i) => {
    if (step.kind !== 'notify' || !step.fields || ctx.broken[i]) return;
    const pii = [...new Set(step.fields.filter((f) => ctx.fields.get(f)?.pii === true))];
    if (pii.length === 0) return;
    const what = {
      source: `Notify step \`${step.id}\``,
      sourceZh: `通知步骤 \`${step.id}\` `,
      fields: pii.map((f) => `\`${f}\``).join(', '),
      fieldsZh: pii.map((f) => `\`${f}\``).join('、'),
    };
    step.to.forEach((r, j) => {
      // a role reaches everyone holding it: fine for handlers, not for residents or riders
      const key = r.kind === 'role' && Object.hasOwn(publicRoles, r.id) ? r.id : r.kind;
      const table: Record<string, { en: string; zh: string }> =
        r.kind === 'role' ? publicRoles : broadcast;
      if (!Object.hasOwn(table, key)) return;
      const words = table[key] as { en: string; zh: string };
      out.push(
        scenarioDiagnostic('scenario.piiExposed', ['steps', i, 'to', j], {
          ...what,
          target: `${words.en} (\`${r.id}\`)`,
          targetZh: `${words.zh}（\`${r.id}\`）`,
          ...handlersOnly,
        }),
      );
    });
    step.channels.forEach((c, k) => {
      if (c !== 'screen') return;
      out.push(
        scenarioDiagnostic('scenario.piiExposed', ['steps', i, 'channels', k], {
          ...what,
          ...onScreen,
        }),
      );
    });
  });
  return out;
}
