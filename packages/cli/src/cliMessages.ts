import type { Lang } from '@zhizhi/core';

const messages = {
  usage: {
    zh: `用法：zhizhi <命令> [选项]
  validate <场景.json> [--json] [--lang zh-CN|en] [--org 组织.json]   校验场景文档
  compile <场景.json> [-o 输出.json] [--org 组织.json]                 编译为状态机 JSON
  simulate <场景.json> --events <事件.jsonl> [--start <ISO 时间>] [--json] [--lang zh-CN|en] [--org 组织.json]
           [--policy 时限.json] [--duty-lists 清单.json]
                                                                      以模拟时钟运行一个场景实例`,
    en: `Usage: zhizhi <command> [options]
  validate <scenario.json> [--json] [--lang zh-CN|en] [--org org.json]   check a scenario document
  compile <scenario.json> [-o out.json] [--org org.json]                 compile it to machine JSON
  simulate <scenario.json> --events <events.jsonl> [--start <ISO time>] [--json] [--lang zh-CN|en] [--org org.json]
           [--policy sla.json] [--duty-lists lists.json]
                                                                         run one instance on a simulated clock`,
  },
  valid: { zh: '{file}：校验通过', en: '{file}: valid' },
  unreadable: { zh: '无法读取 {file}：{why}', en: 'Cannot read {file}: {why}' },
  notJson: { zh: '{file} 不是有效的 JSON：{why}', en: '{file} is not valid JSON: {why}' },
  badOrg: { zh: '组织文件 {file} 无效：{why}', en: 'Org file {file} is invalid: {why}' },
  badConfig: { zh: '配置无效：{why}', en: 'Invalid configuration: {why}' },
  unknownCommand: { zh: '未知命令 {command}', en: 'Unknown command {command}' },
  missingArg: { zh: '缺少参数：{what}', en: 'Missing argument: {what}' },
  badLine: { zh: '第 {line} 行：{why}', en: 'line {line}: {why}' },
  stopped: {
    zh: '第 {line} 行出错，其后各行未执行',
    en: 'stopped at line {line}; nothing after it ran',
  },
  finalState: { zh: '最终状态', en: 'Final state' },
  outcome: { zh: '结果', en: 'Outcome' },
  kpis: { zh: '指标', en: 'KPIs' },
  wrote: { zh: '已写入 {file}', en: 'Wrote {file}' },
  badStart: {
    zh: '--start 不是有效时间：{start}（{why}）',
    en: '--start is not a time: {start} ({why})',
  },
} as const;

/**
 * A CLI message in the chosen language with `{name}` placeholders filled.
 *
 * @example
 * ```ts
 * import { say } from './cliMessages.js';
 * say('valid', 'en', { file: 'a.json' }); // 'a.json: valid'
 * ```
 */
export function say(
  key: keyof typeof messages,
  lang: Lang,
  params: Record<string, string | number> = {},
): string {
  const text: string = lang === 'en' ? messages[key].en : messages[key].zh;
  return text.replace(/\{(\w+)\}/g, (_, k: string) =>
    Object.hasOwn(params, k) ? String(params[k]) : `{${k}}`,
  );
}
