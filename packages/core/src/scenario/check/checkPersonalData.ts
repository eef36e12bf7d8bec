import type { Diagnostic } from '../../diagnostics/Diagnostic.js';
import type { CheckContext } from './checkContext.js';
import { partyKind } from './checkOrgRefs.js';
import { scenarioDiagnostic } from './scenarioCatalog.js';

type Words = { en: string; zh: string };

/**
 * Recipients that reach a whole place or a room of people (a grid's group, a community, a
 * command center's or city-operations center's duty desk and screens) rather than the handlers
 * of one matter.
 */
const broadcast: Record<string, Words> = {
  grid: { en: 'a whole grid', zh: '整个网格' },
  community: { en: 'a whole community', zh: '整个村（社区）' },
  commandCenter: { en: 'a command center', zh: '指挥中心' },
  cityOperationsCenter: { en: 'the city-operations center', zh: '城运中心' },
};

/** Roles whose holders are not handlers of a matter: personal data must not reach them all. */
const publicRoles: Record<string, Words> = {
  resident: { en: 'all residents', zh: '全体居民' },
  partTimeGridWorker: { en: 'all part-time grid workers', zh: '全体兼职网格员' },
};

/** The fix for a notify recipient that reaches too many people: the recipients that are fine. */
const notifyHandlersOnly = {
  fix: 'send personal data only to individual handlers: a post, department, role (not residents or part-time grid workers) or family',
  fixZh: '个人信息只能发给具体经办人：岗位、部门、角色（居民和兼职网格员除外）或家属',
};

/** The same for an alert route, whose targets can only be posts, departments, centers and grids. */
const alertHandlersOnly = {
  fix: 'an alert route may carry personal data only to a post or department',
  fixZh: '预警推送只能把个人信息发给岗位或部门',
};

/** The screen channel: the target and the fix. */
const onScreen = {
  target: 'the wall screens (the `screen` channel)',
  targetZh: '大屏（`screen` 渠道）',
  fix: 'everyone in the room sees a screen: drop `screen` or the personal data',
  fixZh: '大屏人人可见，请去掉 `screen` 渠道或这些个人信息',
};

const levelWords: Record<string, string> = { 1: '一级', 2: '二级', 3: '三级' };

/** What a recipient is, when it reaches more people than the handlers of a matter. */
function exposedTo(ctx: CheckContext, r: { kind: string; id?: string | undefined }): Words | null {
  const kind = partyKind(ctx.org, r);
  const table = kind === 'role' ? publicRoles : broadcast;
  const key = kind === 'role' ? (r.id ?? '') : kind;
  if (!Object.hasOwn(table, key)) return null;
  const words = table[key] as Words;
  if (r.id === undefined) {
    // an alert route's `grid` or `commandCenter` without an id: the alert's own
    return kind === 'grid'
      ? { en: "everyone in the alert's own grid", zh: '预警所在网格的全体人员' }
      : { en: "the alert's own town command center", zh: '预警所在镇街的指挥中心' };
  }
  return { en: `${words.en} (\`${r.id}\`)`, zh: `${words.zh}（\`${r.id}\`）` };
}

/**
 * The personal-data fields a sensor trigger fills from the alert's `location`: an alert
 * notification carries the whole location, so it is personal data when the scenario says so.
 */
function personalLocation(ctx: CheckContext): string[] {
  const fields = new Set<string>();
  for (const t of ctx.doc.triggers) {
    if (t.kind !== 'sensor') continue;
    for (const f of t.fields ?? []) {
      const fromLocation = f.from === 'location' || f.from.startsWith('location.');
      if (fromLocation && ctx.fields.get(f.field)?.pii === true) fields.add(f.field);
    }
  }
  return [...fields];
}

/**
 * Checks that personal data stays with individual handlers, one rule for every recipient
 * whatever it is called (a `department` that is the city-operations center is the center).
 *
 * - A `notify` step whose `fields` include a field marked `pii: true` may only go to recipients
 *   of kind `post`, `department`, `role` (a handling role — not `resident` or
 *   `partTimeGridWorker`) or `family`; not to the broadcast recipients `grid`, `community`,
 *   `commandCenter` or `cityOperationsCenter`, and not on the `screen` channel (a wall screen is
 *   seen by everyone in the room). Paths `steps.<i>.to.<j>` and `steps.<i>.channels.<k>`.
 * - An alert notification (`alertRouting`) carries the alert's type, level and `location`. The
 *   location is personal data when a sensor trigger copies any part of it (`location.address`,
 *   `location.lat`, `location.lng`) into a field marked `pii: true`; then every level may only go
 *   to posts and departments, not to a grid, a command center or the city-operations center,
 *   and not on the `screen` channel. Paths `alertRouting.levels.<n>.to.<j>` and
 *   `….channels.<k>`.
 *
 * Each is a `scenario.piiExposed` error naming the fields and the fix that applies. Reading
 * personal data is not exposing it: a `decision` on a pii field, a task form or a trigger that
 * fills one are fine.
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
  const named = (ids: readonly string[], sep: string) => ids.map((f) => `\`${f}\``).join(sep);
  ctx.doc.steps.forEach((step, i) => {
    if (step.kind !== 'notify' || !step.fields || ctx.broken[i]) return;
    const pii = [...new Set(step.fields.filter((f) => ctx.fields.get(f)?.pii === true))];
    if (pii.length === 0) return;
    const what = {
      source: `Notify step \`${step.id}\``,
      sourceZh: `通知步骤 \`${step.id}\` `,
      fields: named(pii, ', '),
      fieldsZh: named(pii, '、'),
    };
    step.to.forEach((r, j) => {
      const target = exposedTo(ctx, r);
      if (!target) return;
      out.push(
        scenarioDiagnostic('scenario.piiExposed', ['steps', i, 'to', j], {
          ...what,
          target: target.en,
          targetZh: target.zh,
          ...notifyHandlersOnly,
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
  const location = personalLocation(ctx);
  const routing = ctx.doc.alertRouting;
  if (location.length === 0 || !routing) return out;
  for (const level of ['1', '2', '3'] as const) {
    const route = routing.levels[level];
    const at = ['alertRouting', 'levels', level];
    const what = {
      source: `The level-${level} alert route`,
      sourceZh: `${levelWords[level]}预警推送`,
      fields: `the alert's \`location\`, copied into ${named(location, ', ')}`,
      fieldsZh: `预警的 \`location\`，已复制到 ${named(location, '、')}`,
    };
    route.to.forEach((r, j) => {
      const target = exposedTo(ctx, r);
      if (!target) return;
      out.push(
        scenarioDiagnostic('scenario.piiExposed', [...at, 'to', j], {
          ...what,
          target: target.en,
          targetZh: target.zh,
          ...alertHandlersOnly,
        }),
      );
    });
    route.channels.forEach((c, k) => {
      if (c !== 'screen') return;
      out.push(
        scenarioDiagnostic('scenario.piiExposed', [...at, 'channels', k], { ...what, ...onScreen }),
      );
    });
  }
  return out;
}
