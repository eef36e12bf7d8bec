import { type Diagnostic, makeDiagnostic } from '../diagnostics/Diagnostic.js';

/**
 * The messages of the expression language, keyed by stable diagnostic code, in zh-CN and
 * English with `{name}` placeholders. Offsets are 0-based UTF-16 positions in the source.
 *
 * - parsing: `expr.empty`, `expr.tooLong`, `expr.tooDeep`, `expr.tooLarge`,
 *   `expr.syntax`, `expr.unexpectedEnd`, `expr.badChar`, `expr.singleEquals`,
 *   `expr.badNumber`, `expr.badString`, `expr.chainedComparison`, `expr.unknownFunction`,
 *   `expr.arity`, `expr.forbiddenName`;
 * - imported ASTs: `expr.invalidAst`, `expr.tooDeep`, `expr.tooLarge`, `expr.forbiddenName`;
 * - typing: `expr.unknownField`, `expr.typeMismatch`, `expr.notBoolean`;
 * - evaluation: `expr.divisionByZero`, `expr.notFinite`, `expr.runtimeType`, `expr.noClock`,
 *   `expr.badDate`, `expr.tooExpensive`, `expr.badData`, `expr.notBoolean`, and for an AST
 *   that skipped validation `expr.invalidAst`, `expr.tooDeep`, `expr.forbiddenName`.
 *
 * About an AST rather than a source, `expr.tooDeep`, `expr.tooLarge` and
 * `expr.forbiddenName` have the same codes with messages that carry no offset.
 *
 * @example
 * ```ts
 * import { exprCatalog } from '@zhizhi/core/expr';
 * exprCatalog['expr.divisionByZero'].en; // 'Division by zero in `{expr}`'
 * ```
 */
export const exprCatalog = {
  'expr.empty': { zh: '条件为空或不是文本', en: 'The condition is empty or not text' },
  'expr.tooLong': {
    zh: '条件长 {length} 个字符，超过上限 {max}',
    en: 'The condition is {length} characters long, more than the limit of {max}',
  },
  'expr.tooDeep': {
    zh: '条件嵌套超过 {max} 层（位置 {offset}）',
    en: 'The condition nests deeper than {max} levels (at offset {offset})',
  },
  'expr.tooLarge': {
    zh: '条件超过 {max} 个节点（位置 {offset}）',
    en: 'The condition has more than {max} nodes (at offset {offset})',
  },
  'expr.syntax': {
    zh: '语法错误：位置 {offset} 处不应出现 `{found}`',
    en: 'Syntax error: unexpected `{found}` at offset {offset}',
  },
  'expr.unexpectedEnd': {
    zh: '语法错误：条件在位置 {offset} 处意外结束',
    en: 'Syntax error: the condition ends unexpectedly at offset {offset}',
  },
  'expr.badChar': {
    zh: '语法错误：位置 {offset} 处的字符 `{char}` 不能用在条件中',
    en: 'Syntax error: the character `{char}` at offset {offset} is not allowed',
  },
  'expr.singleEquals': {
    zh: '位置 {offset} 处的 `=` 不是比较运算，请写 `==`',
    en: '`=` at offset {offset} is not a comparison; write `==`',
  },
  'expr.badNumber': {
    zh: '位置 {offset} 处的数字 `{text}` 无效',
    en: 'The number `{text}` at offset {offset} is not valid',
  },
  'expr.badString': {
    zh: '位置 {offset} 处的字符串无效：缺少结尾引号、含控制字符或转义无效',
    en: 'The string at offset {offset} is not valid: unterminated, a control character or a bad escape',
  },
  'expr.chainedComparison': {
    zh: '位置 {offset} 处的比较不能连写，请用 and 连接两个比较',
    en: 'Comparisons cannot be chained (at offset {offset}); join two comparisons with `and`',
  },
  'expr.unknownFunction': {
    zh: '位置 {offset} 处的函数 `{name}` 不存在；可用的函数：`{allowed}`',
    en: 'There is no function {name} (at offset {offset}); the functions are: {allowed}',
  },
  'expr.arity': {
    zh: '函数 `{name}` 需要 {expected} 个参数，位置 {offset} 处给了 {actual} 个',
    en: 'The function {name} takes {expected} argument(s), {actual} given at offset {offset}',
  },
  'expr.forbiddenName': {
    zh: '名称 `{name}` 不允许使用（位置 {offset}）',
    en: 'The name {name} is not allowed (at offset {offset})',
  },
  'expr.invalidAst': {
    zh: '条件的语法树无效：`{detail}`',
    en: 'The condition syntax tree is not valid: {detail}',
  },
  'expr.unknownField': {
    zh: '未知字段 `{name}`',
    en: 'Unknown field {name}',
  },
  'expr.typeMismatch': {
    zh: '`{expr}` 中的 `{op}` 不能用于 {typesZh}',
    en: 'The operator {op} in `{expr}` cannot be applied to {types}',
  },
  'expr.notBoolean': {
    zh: '条件 `{expr}` 的结果是 `{type}`，应为布尔值（`boolean`）',
    en: 'The condition `{expr}` gives a {type}, not a boolean',
  },
  'expr.divisionByZero': {
    zh: '`{expr}` 中除数为零',
    en: 'Division by zero in `{expr}`',
  },
  'expr.notFinite': {
    zh: '`{expr}` 的结果超出数值范围',
    en: 'The result of `{expr}` is out of the number range',
  },
  'expr.runtimeType': {
    zh: '`{expr}` 中的 `{op}` 不能用于数据中的 {typesZh}',
    en: 'The operator {op} in `{expr}` cannot be applied to the data values {types}',
  },
  'expr.noClock': {
    zh: '`{expr}` 需要当前时间，但求值时未提供当前时间（`now`）',
    en: '`{expr}` needs the current time, but no `now` was given to the evaluation',
  },
  'expr.badDate': {
    zh: '`{expr}` 中的时间无效：应为毫秒时间戳或带时区的 ISO 8601 字符串',
    en: 'The time in `{expr}` is not valid: expected epoch milliseconds or an ISO-8601 string with an offset',
  },
  'expr.badData': {
    zh: '求值 `{expr}` 时无法读取数据',
    en: 'The data could not be read while evaluating `{expr}`',
  },
  'expr.tooExpensive': {
    zh: '求值超过 {max} 步，已停止',
    en: 'The evaluation took more than {max} steps and was stopped',
  },
} as const;

/**
 * A diagnostic code of the expression language.
 *
 * @example
 * ```ts
 * import type { ExprCode } from '@zhizhi/core/expr';
 * const code: ExprCode = 'expr.unknownField';
 * ```
 */
export type ExprCode = keyof typeof exprCatalog;

/**
 * @internal The same codes without a source offset, for diagnostics about an AST (an
 * imported one, or one being type-checked or evaluated) rather than a source text.
 */
const treeCatalog = {
  'expr.tooDeep': {
    zh: '条件嵌套超过 {max} 层',
    en: 'The condition nests deeper than {max} levels',
  },
  'expr.tooLarge': { zh: '条件超过 {max} 个节点', en: 'The condition has more than {max} nodes' },
  'expr.forbiddenName': { zh: '名称 `{name}` 不允许使用', en: 'The name {name} is not allowed' },
} as const;

/** @internal Builds an expression diagnostic with an empty path (callers prefix it). */
export function exprDiagnostic(
  code: ExprCode,
  params: Record<string, string | number> = {},
): Diagnostic {
  return makeDiagnostic(exprCatalog, code, [], params);
}

/** @internal Like {@link exprDiagnostic}, without an offset in the message. */
export function exprTreeDiagnostic(
  code: keyof typeof treeCatalog,
  params: Record<string, string | number>,
  path: (string | number)[] = [],
): Diagnostic {
  return makeDiagnostic(treeCatalog, code, path, params);
}
