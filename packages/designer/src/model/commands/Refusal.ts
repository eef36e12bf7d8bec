import { type Diagnostic, makeDiagnostic } from '@zhizhi/core/scenario';

/** The designer's refusal messages, by code (zh-CN and English, `{name}` placeholders). */
export const refusalCatalog = {
  'designer.unknownStep': {
    zh: '没有 id 为 `{id}` 的步骤',
    en: 'there is no step with id `{id}`',
  },
  'designer.duplicateId': {
    zh: 'id `{id}` 已被另一个步骤使用',
    en: 'id `{id}` is already used by another step',
  },
  'designer.badId': {
    zh: '`{id}` 不是合法的 id（以字母开头，至多 64 个字母、数字、`_` 或 `-`）',
    en: '`{id}` is not a valid id (a letter, then up to 63 letters, digits, `_` or `-`)',
  },
  'designer.unknownKind': {
    zh: '没有 `{kind}` 这种步骤',
    en: 'there is no step kind `{kind}`',
  },
  'designer.tooManySteps': {
    zh: '场景最多 {max} 个步骤',
    en: 'a scenario has at most {max} steps',
  },
  'designer.badPosition': {
    zh: '位置必须是有限的 x、y 数值',
    en: 'a position must be finite x and y numbers',
  },
  'designer.unknownBranch': {
    zh: '并行步骤 `{parallel}` 没有分支 `{branch}`',
    en: 'parallel step `{parallel}` has no branch `{branch}`',
  },
  'designer.notParallel': {
    zh: '`{id}` 不是并行步骤',
    en: '`{id}` is not a parallel step',
  },
  'designer.endInBranch': {
    zh: '结束步骤不能放在并行分支内（分支以 `@join` 汇合）',
    en: 'an end step cannot go inside a parallel branch (a branch finishes at `@join`)',
  },
  'designer.tooDeep': {
    zh: '并行步骤最多嵌套 {max} 层',
    en: 'parallel steps nest at most {max} levels',
  },
  'designer.unknownOutcome': {
    zh: '步骤 `{id}` 没有出口 `{outcome}`',
    en: 'step `{id}` has no outcome `{outcome}`',
  },
  'designer.unknownTarget': {
    zh: '目标 `{to}` 不是本场景的步骤',
    en: 'target `{to}` is not a step of this scenario',
  },
  'designer.joinOutsideBranch': {
    zh: '只有并行分支内的步骤可以连到 `@join`',
    en: 'only a step inside a parallel branch can lead to `@join`',
  },
  'designer.crossesBranch': {
    zh: '连线不能跨越并行分支的边界（`{from}` 在{fromRegionZh}，`{to}` 在{toRegionZh}）',
    en: 'a transition cannot cross a parallel branch border (`{from}` is in {fromRegion}, `{to}` in {toRegion})',
  },
  'designer.selfLoop': {
    zh: '不等待任何事情的步骤（{kind}）不能直接连回自己',
    en: 'a step that waits for nothing ({kind}) cannot lead straight back to itself',
  },
  'designer.startsBranch': {
    zh: '它是并行步骤 `{parallel}` 分支 `{branch}` 的起点；请先删除该分支',
    en: 'it starts branch `{branch}` of parallel step `{parallel}`; remove the branch first',
  },
  'designer.useConnect': {
    zh: '连线 `{path}` 请用“连接”修改，以便检查连线规则',
    en: 'transition `{path}` is changed by connecting, so that the connection rules apply',
  },
  'designer.triggerStart': {
    zh: '触发器 `{trigger}` 从这个步骤开始；请先把它改到另一个步骤',
    en: 'trigger `{trigger}` starts at this step; point it at another step first',
  },
  'designer.branchStart': {
    zh: '并行分支的起点不能断开；请删除该分支或把它连到另一个步骤',
    en: 'a parallel branch start cannot be disconnected; remove the branch or connect it elsewhere',
  },
  'designer.lastStep': {
    zh: '场景至少要有一个步骤',
    en: 'a scenario needs at least one step',
  },
  'designer.notConnected': {
    zh: '出口 `{outcome}` 没有连线',
    en: 'outcome `{outcome}` is not connected',
  },
  'designer.badPath': {
    zh: '路径 `{path}` 不能在这里修改：{ruleZh}',
    en: 'path `{path}` cannot be changed here: {rule}',
  },
  'designer.notJson': {
    zh: '值必须是 JSON（有限数值、字符串、布尔、null、数组、对象）',
    en: 'the value must be JSON (finite numbers, strings, booleans, null, arrays, objects)',
  },
  'designer.branchCount': {
    zh: '并行步骤有 {min} 到 {max} 个分支',
    en: 'a parallel step has {min} to {max} branches',
  },
  'designer.emptyClipboard': {
    zh: '剪贴板里没有步骤',
    en: 'the clipboard holds no steps',
  },
  'designer.badClipboard': {
    zh: '剪贴板内容不是设计器复制的步骤：{ruleZh}',
    en: 'the clipboard does not hold steps copied by the designer: {rule}',
  },
  'designer.internal': {
    zh: '内部错误：{error}',
    en: 'internal error: {error}',
  },
} as const;

/**
 * Why a command or a gesture is refused: a {@link Diagnostic} with a `designer.*` code, the
 * JSON path it concerns and the message in zh-CN and English.
 *
 * @example
 * ```ts
 * import type { Refusal } from '@zhizhi/designer/model';
 * const say = (r: Refusal, lang: 'zh' | 'en') => r.message[lang];
 * ```
 */
export type Refusal = Diagnostic;

/** The code of a refusal. */
export type RefusalCode = keyof typeof refusalCatalog;

/**
 * Builds a refusal from the catalogue.
 *
 * @internal
 * @example
 * ```ts
 * refuse('designer.unknownStep', ['steps'], { id: 'x' }).message.en; // 'there is no step with id `x`'
 * ```
 */
export function refuse(
  code: RefusalCode,
  path: (string | number)[],
  params: Record<string, string | number> = {},
): Refusal {
  return makeDiagnostic(refusalCatalog, code, path, params);
}
