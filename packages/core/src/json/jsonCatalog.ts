/**
 * The messages of the strict JSON reader ({@link parseJsonStrict}), keyed by stable diagnostic
 * code, in zh-CN and English with `{name}` placeholders. The messages carry no position: each
 * diagnostic has `line` and `column` (1-based) and a `path` to the value concerned.
 *
 * @example
 * ```ts
 * import { jsonCatalog } from '@zhizhi/core/json';
 * jsonCatalog['json.duplicateKey'].en; // 'The key "{key}" appears twice in one object (first on line {firstLine}); …'
 * ```
 */
export const jsonCatalog = {
  'json.empty': { zh: '没有 JSON 内容', en: 'There is no JSON text' },
  'json.unexpected': {
    zh: '此处应为{expectedZh}，却是 {found}',
    en: 'Expected {expected} here, found {found}',
  },
  'json.unexpectedEnd': {
    zh: '文本意外结束，应为{expectedZh}',
    en: 'The text ends where {expected} was expected',
  },
  'json.trailing': {
    zh: 'JSON 值之后还有多余内容：{found}',
    en: 'Extra text after the JSON value: {found}',
  },
  'json.badEscape': {
    zh: '字符串中的转义 {found} 无效',
    en: 'The escape {found} in a string is not valid JSON',
  },
  'json.controlChar': {
    zh: '字符串中不能直接出现控制字符 {found}（请写成转义形式）',
    en: 'The control character {found} may not appear raw in a string (escape it)',
  },
  'json.badNumber': { zh: '数字 {found} 的写法无效', en: 'The number {found} is not valid JSON' },
  'json.duplicateKey': {
    zh: '同一对象中键 "{key}" 出现了两次（第一次在第 {firstLine} 行）；各 JSON 读取器对哪一个生效并不一致',
    en: 'The key "{key}" appears twice in one object (first on line {firstLine}); JSON readers disagree on which one wins',
  },
  'json.forbiddenKey': {
    zh: '不接受键 "{key}"：它会改变对象的原型',
    en: 'The key "{key}" is refused: it would change the object\'s prototype',
  },
  'json.tooDeep': {
    zh: '嵌套超过 {max} 层',
    en: 'Nested more than {max} levels deep',
  },
} as const;

/**
 * A stable code of the strict JSON reader.
 *
 * @example
 * ```ts
 * import type { JsonCode } from '@zhizhi/core/json';
 * const code: JsonCode = 'json.duplicateKey';
 * ```
 */
export type JsonCode = keyof typeof jsonCatalog;
