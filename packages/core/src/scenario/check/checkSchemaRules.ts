import { closestName, didYouMean } from '../../diagnostics/didYouMean.js';
import { FIELD_ID_PATTERN } from '../../expr/fieldName.js';
import { GOTO_PATTERN, ID_PATTERN, KPI_FROM_PATTERN } from '../document/scenarioIds.js';

/**
 * A zod issue as the schema check reads it: loosely, since only a few fields matter and the
 * checker must not trust their shape.
 *
 * @internal
 * @example
 * ```ts
 * import type { Issue } from './checkSchemaRules.js';
 * const issue: Issue = { code: 'invalid_type', expected: 'string', path: ['id'], input: 5 };
 * ```
 */
export interface Issue {
  code?: string;
  path: PropertyKey[];
  input?: unknown;
  [key: string]: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

interface Rule {
  en: string;
  zh: string;
}

/** What zod received, in words; never the value itself (it may be huge or hostile). */
const code = (word: string): Rule => ({ en: word, zh: `\`${word}\`` });

function received(input: unknown): Rule {
  if (input === null) return { en: 'null', zh: '空值（`null`）' };
  if (Array.isArray(input)) return { en: 'an array', zh: '数组' };
  switch (typeof input) {
    case 'string':
      return { en: 'a string', zh: '字符串' };
    case 'number':
      return Number.isFinite(input) ? { en: 'a number', zh: '数字' } : code(String(input));
    case 'boolean':
      return { en: 'a boolean', zh: '布尔值' };
    case 'object':
      return { en: 'an object', zh: '对象' };
    default:
      return code(typeof input);
  }
}

const typeWords: Record<string, Rule> = {
  string: { en: 'a string', zh: '字符串' },
  number: { en: 'a number', zh: '数字' },
  boolean: { en: 'a boolean', zh: '布尔值' },
  object: { en: 'an object', zh: '对象' },
  array: { en: 'an array', zh: '数组' },
};

function expected(name: unknown): Rule {
  const word =
    typeof name === 'string' && Object.hasOwn(typeWords, name) ? typeWords[name] : undefined;
  return word ?? code(String(name));
}

function listValues(values: unknown): string {
  const list = Array.isArray(values) ? values : [];
  const shown = list.slice(0, 16).map((v) => (typeof v === 'string' ? `\`${v}\`` : String(v)));
  return list.length > 16 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** Friendly names of the patterns the scenario format uses; anything else is quoted as is. */
function patternRule(pattern: string): Rule {
  if (pattern === String(GOTO_PATTERN))
    return { en: 'a step id or `@join`', zh: '步骤的 `id` 或 `@join`' };
  if (pattern === String(KPI_FROM_PATTERN)) {
    return { en: 'a step id or `@start`', zh: '步骤的 `id` 或 `@start`' };
  }
  if (pattern === String(FIELD_ID_PATTERN)) {
    return {
      en: 'a field id, a name a condition can use: a letter of any script (`heartRate`, `心率`), then up to 63 letters, digits or `_` (no `-`; not a reserved word such as `and`, `in` or `null`)',
      zh: '字段标识，须能直接写进条件：以任意文字的字母开头（`heartRate`、`心率`），其后最多 63 个字母、数字或 `_`（不能有 `-`，不能是 `and`、`in`、`null` 等保留字）',
    };
  }
  if (pattern === String(ID_PATTERN)) {
    return {
      en: 'an id: a letter of any script, then up to 63 letters, digits, `_` or `-` (not `constructor` or `prototype`)',
      zh: '标识：以任意文字的字母开头，其后最多 63 个字母、数字、`_` 或 `-`（不能是 `constructor`、`prototype`）',
    };
  }
  if (pattern.includes('[A-Z][A-Z0-9_]')) {
    return { en: 'an event name in UPPER_SNAKE_CASE', zh: '大写下划线形式的事件名' };
  }
  if (pattern.includes('\\d+\\.\\d+\\.\\d+')) {
    return { en: 'a version such as `1.0.0`', zh: '版本号，例如 `1.0.0`' };
  }
  if (pattern.startsWith('/^P')) {
    return {
      en: 'an ISO 8601 duration of weeks, days, hours, minutes or seconds, e.g. `PT30M`, `P1DT12H`',
      zh: 'ISO 8601 时长（周、天、时、分、秒），例如 `PT30M`、`P1DT12H`',
    };
  }
  return { en: `a string matching ${pattern}`, zh: `符合 \`${pattern}\` 的字符串` };
}

function bound(issue: Issue, small: boolean): Rule {
  const n = String(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'array':
      return small
        ? { en: `needs at least ${n} item(s)`, zh: `至少需要 ${n} 项` }
        : { en: `may have at most ${n} item(s)`, zh: `最多 ${n} 项` };
    case 'string':
      return small
        ? { en: `must be at least ${n} character(s) long`, zh: `至少 ${n} 个字符` }
        : { en: `must be at most ${n} character(s) long`, zh: `最多 ${n} 个字符` };
    default: {
      const op = small ? (inclusive ? '≥' : '>') : inclusive ? '≤' : '<';
      return { en: `must be ${op} ${n}`, zh: `必须 ${op} ${n}` };
    }
  }
}

/**
 * The rule a zod issue says was broken, in English and Chinese. `keys` lists, for a failed
 * union whose alternatives each want one key, those keys.
 *
 * @internal
 * @example
 * ```ts
 * import { describeIssue } from './checkSchemaRules.js';
 * describeIssue({ code: 'invalid_type', expected: 'string', path: ['id'], input: 5 }, null).en;
 * // 'expected a string, got a number'
 * ```
 */
export function describeIssue(issue: Issue, keys: string[] | null): Rule {
  switch (issue.code) {
    case 'invalid_type': {
      const want = expected(issue.expected);
      if (issue.input === undefined)
        return { en: `required: ${want.en}`, zh: `缺少此项（应为${want.zh}）` };
      const got = received(issue.input);
      return { en: `expected ${want.en}, got ${got.en}`, zh: `应为${want.zh}，实际为${got.zh}` };
    }
    case 'invalid_value': {
      const values = issue.values;
      const rule =
        Array.isArray(values) && values.length === 1
          ? { en: `must be ${listValues(values)}`, zh: `必须为 ${listValues(values)}` }
          : {
              en: `must be one of ${listValues(values)}`,
              zh: `必须是以下之一：${listValues(values)}`,
            };
      if (typeof issue.input === 'string' && Array.isArray(values)) {
        const strings = values.filter((v): v is string => typeof v === 'string');
        const hint = didYouMean(closestName(strings)(issue.input));
        return { en: `${rule.en}${hint.hint}`, zh: `${rule.zh}${hint.hintZh}` };
      }
      if (issue.input !== undefined) return rule;
      return { en: `required: ${rule.en}`, zh: `缺少此项（${rule.zh}）` };
    }
    case 'too_small':
      return bound(issue, true);
    case 'too_big':
      return bound(issue, false);
    case 'invalid_format':
      return typeof issue.pattern === 'string'
        ? patternRule(issue.pattern)
        : {
            en: `must be a valid ${String(issue.format)}`,
            zh: `必须是有效的 \`${String(issue.format)}\``,
          };
    case 'invalid_union': {
      if (Array.isArray(issue.options) && issue.options.length > 0) {
        return {
          en: `must be one of ${listValues(issue.options)}`,
          zh: `必须是以下之一：${listValues(issue.options)}`,
        };
      }
      if (keys && keys.length > 0) {
        const list = keys.map((k) => `\`${k}\``);
        return {
          en: `expected an object with one of ${list.join(', ')}`,
          zh: `应为含有 ${list.join('、')} 之一的对象`,
        };
      }
      return { en: 'matches none of the allowed forms', zh: '不符合任何一种允许的形式' };
    }
    case 'custom':
      if (isObject(issue.params) && issue.params.rule === 'durationRange') {
        return {
          en: 'must be an ISO 8601 duration of at most 10 years (`P3660D`)',
          zh: '应为最长 10 年的 ISO 8601 时长（`P3660D`）',
        };
      }
      return { en: 'is not valid (custom)', zh: '无效（`custom`）' };
    default:
      return {
        en: `is not valid (${String(issue.code)})`,
        zh: `无效（\`${String(issue.code)}\`）`,
      };
  }
}
