import type { Lang } from '@zhizhi/core';

const messages = {
  usage: {
    zh: `用法：zhizhi <命令> [选项]

命令：
  validate <场景.json>…            校验场景文档（给出的每个文件）
  compile <场景.json>              编译为 XState 状态机 JSON
  simulate <场景.json> --events <事件.jsonl>
                                  以模拟时钟运行一个场景实例
  simulate --builtin <id>          运行内置场景及其事件脚本
                                  （electrical-fire、smoke-alarm、anti-fraud-outreach、
                                   elderly-health-band、standard-case-flow）
  start                            启动服务器：HTTP API、演示页面、变更推送（默认 http://127.0.0.1:8141）

选项：
  --lang zh-CN|en        提示语言（默认 zh-CN）
  --json                 validate、simulate：在标准输出打印一个 JSON 文档
  --org <组织.json>      按此组织校验和运行（默认：示例组织）
  -o, --out <文件>       compile：把状态机 JSON 写入文件
  --events <事件.jsonl>  simulate：事件脚本，每行一个 JSON 对象
  --start <ISO 时间>     simulate：模拟时钟的起点（默认 2026-01-01T08:00:00+08:00）
  --policy <时限.json>   simulate：超时督办策略（默认：示例策略）
  --duty-lists <清单.json>
                         simulate：派单清单（默认：示例清单）
  --builtin <id>         simulate：内置场景（文件随 @zhizhi/core 发布）
  --max-bytes <字节数>   读入文件的大小上限（默认 5242880，即 5 MB）
  --port <端口>          start：监听端口（默认 8141；0 表示任选空闲端口）
  --host <地址>          start：监听地址（默认 127.0.0.1，仅本机）
  --data <目录>          start：数据目录，存放 PGlite 数据库和演示令牌密钥（默认 ./.zhizhi/data）
  --database-url <URL>   start：改用 PostgreSQL（默认读取环境变量 DATABASE_URL）
  --mqtt <URL>           start：从 MQTT 代理接入传感器读数（zhizhi/<镇街>/readings，QoS 1）
  --mqtt-client-id <id>  start：MQTT 客户端 id，持久会话以此为准（默认 zhizhi-server；多个进程各用各的）
  --mqtt-prefix <段>     start：主题前缀（默认 zhizhi，即 <前缀>/<镇街>/readings）
  --mqtt-group <名称>    start：共享订阅组：同组的进程各收到一部分消息（$share/<名称>/…）
  --cors <源,…>          start：允许这些源（如 https://portal.example.gov.cn）跨域调用 API，逗号分隔
  --no-demo              start：关闭演示模式（演示令牌和演示页面；自定义组织默认关闭）
  --simulate-sensors     start：开启传感器模拟器（不时在养老服务中心产生一级漏电预警）
  -h, --help             显示本帮助
  -v, --version          显示版本号

start 需要令牌密钥：环境变量 ZHIZHI_JWT_SECRET（至少 32 字节）；演示模式下没有时，生成一个并保存在数据目录。

退出码：0 成功（start：收到 SIGTERM 或 SIGINT 后正常停止）；1 文档无效、模拟中止或服务器无法启动；2 用法或输入错误。`,
    en: `Usage: zhizhi <command> [options]

Commands:
  validate <scenario.json>…        check scenario documents (every file given)
  compile <scenario.json>          compile a scenario to XState machine JSON
  simulate <scenario.json> --events <events.jsonl>
                                   run one instance on a simulated clock
  simulate --builtin <id>          run a built-in scenario with its own event script
                                   (electrical-fire, smoke-alarm, anti-fraud-outreach,
                                    elderly-health-band, standard-case-flow)
  start                            run the server: HTTP API, demo page, change stream (default http://127.0.0.1:8141)

Options:
  --lang zh-CN|en        language of the messages (default zh-CN)
  --json                 validate, simulate: print one JSON document on stdout
  --org <org.json>       check and run against this org (default: the sample org)
  -o, --out <file>       compile: write the machine JSON to a file
  --events <file.jsonl>  simulate: the event script, one JSON object per line
  --start <ISO time>     simulate: where the simulated clock starts (default 2026-01-01T08:00:00+08:00)
  --policy <sla.json>    simulate: the SLA policy (default: the sample policy)
  --duty-lists <lists.json>
                         simulate: the routing duty lists (default: the sample lists)
  --builtin <id>         simulate: a built-in scenario (its files ship with @zhizhi/core)
  --max-bytes <n>        largest input file read, in bytes (default 5242880 = 5 MB)
  --port <n>             start: the port (default 8141; 0 picks a free one)
  --host <address>       start: the address to listen on (default 127.0.0.1, this machine only)
  --data <dir>           start: the data folder: the PGlite database and the demo token secret (default ./.zhizhi/data)
  --database-url <URL>   start: use PostgreSQL instead (default: the DATABASE_URL environment variable)
  --mqtt <URL>           start: ingest sensor readings from an MQTT broker (zhizhi/<town>/readings, QoS 1)
  --mqtt-client-id <id>  start: the MQTT client id, which keeps the persistent session (default zhizhi-server; one per process)
  --mqtt-prefix <name>   start: the topic prefix (default zhizhi: <prefix>/<town>/readings)
  --mqtt-group <name>    start: a shared subscription group: the processes of a group each get a share of the messages ($share/<name>/…)
  --cors <origin,…>      start: let these origins (e.g. https://portal.example.gov.cn) call the API, comma-separated
  --no-demo              start: no demo mode (demo tokens and the demo page; off by default for a custom org)
  --simulate-sensors     start: run the sensor simulator (a level-1 leakage at the elderly-care center now and then)
  -h, --help             this help
  -v, --version          the version

start needs a token secret: the ZHIZHI_JWT_SECRET environment variable (at least 32 bytes); in demo mode without one, one is made and kept in the data folder.

Exit status: 0 done (start: stopped cleanly on SIGTERM or SIGINT); 1 a document is invalid, a simulation stopped or the server could not start; 2 usage or input error.`,
  },
  unknownOption: {
    zh: '未知选项 {option}（zhizhi --help 可查看全部选项）',
    en: 'Unknown option {option} (zhizhi --help lists the options)',
  },
  missingValue: { zh: '选项 {option} 需要一个值', en: 'Option {option} needs a value' },
  noValueWanted: { zh: '选项 {option} 不带值', en: 'Option {option} takes no value' },
  optionNotFor: { zh: '{command} 命令不接受 {option}', en: '{command} does not take {option}' },
  badLang: {
    zh: '--lang 只能是 zh-CN 或 en，而不是 {value}',
    en: '--lang must be zh-CN or en, not {value}',
  },
  badMaxBytes: {
    zh: '--max-bytes 必须是 1 到 {max} 之间的整数字节数，而不是 {value}',
    en: '--max-bytes must be a whole number of bytes from 1 to {max}, not {value}',
  },
  noCommand: { zh: '缺少命令', en: 'No command given' },
  unknownBuiltin: {
    zh: '没有名为 {id} 的内置场景（可用：{known}）',
    en: 'There is no built-in scenario {id} (one of: {known})',
  },
  builtinAndFile: {
    zh: '--builtin 与场景文件只能二选一',
    en: 'Give either --builtin or a scenario file, not both',
  },
  tooManyFiles: {
    zh: '{command} 只接受一个场景文件，却给了 {count} 个',
    en: '{command} takes one scenario file, not {count}',
  },
  valid: { zh: '{file}：校验通过', en: '{file}: valid' },
  invalidOne: { zh: '{file}：校验未通过（1 个错误）', en: '{file}: invalid (1 error)' },
  invalidMany: {
    zh: '{file}：校验未通过（{count} 个错误）',
    en: '{file}: invalid ({count} errors)',
  },
  unreadable: { zh: '无法读取 {file}：{why}', en: 'Cannot read {file}: {why}' },
  tooLarge: {
    zh: '{file} 超过 {max} 字节的上限（可用 --max-bytes 调整）',
    en: '{file} is larger than the limit of {max} bytes (raise it with --max-bytes)',
  },
  notAFile: {
    zh: '{file} 不是普通文件，而是{kind}',
    en: '{file} is not a regular file but {kind}',
  },
  notUtf8: { zh: '{file} 不是 UTF-8 文本', en: '{file} is not UTF-8 text' },
  notJson: {
    zh: '{file} 不是有效的 JSON：第 {line} 行第 {column} 列（{path}）：{why}',
    en: '{file} is not valid JSON: line {line}, column {column} ({path}): {why}',
  },
  badOrg: { zh: '组织文件 {file} 无效：{why}', en: 'Org file {file} is invalid: {why}' },
  badConfig: { zh: '配置无效：{why}', en: 'Invalid configuration: {why}' },
  needServer: {
    zh: 'zhizhi start 需要 @zhizhi/server：请先安装（npm i @zhizhi/server）',
    en: 'zhizhi start needs @zhizhi/server: install it first (npm i @zhizhi/server)',
  },
  unknownCommand: {
    zh: '未知命令 {command}（可用：validate、compile、simulate、start）',
    en: 'Unknown command {command} (one of: validate, compile, simulate, start)',
  },
  missingArg: { zh: '缺少参数：{what}', en: 'Missing argument: {what}' },
  column: { zh: '第 {column} 列', en: 'column {column}' },
  badLine: { zh: '第 {line} 行：{why}', en: 'line {line}: {why}' },
  lineNotObject: { zh: '不是 JSON 对象', en: 'not a JSON object' },
  lineNotString: { zh: '"{key}" 必须是字符串', en: '"{key}" must be a string' },
  lineEmpty: {
    zh: '每行须有 "type"、"at" 或 "advance"（此行的键：{keys}）',
    en: 'a line needs "type", "at" or "advance" (this one has: {keys})',
  },
  lineClockOnly: {
    zh: '未知的键 "{key}"（没有 "type" 的行只能有 "at" 和 "advance"）',
    en: 'unknown key "{key}" (a line without "type" may only have "at" and "advance")',
  },
  lineUnknownType: {
    zh: '未知的事件类型 "{type}"（可用：{known}）',
    en: 'unknown event type "{type}" (one of: {known})',
  },
  lineUnknownKey: {
    zh: '未知的键 "{key}"（{type} 可用的键：{known}）',
    en: 'unknown key "{key}" ({type} takes: {known})',
  },
  lineNoActor: {
    zh: '缺少 "actor"（执行该事件的成员 id）',
    en: '"actor" is missing (the member id who does it)',
  },
  lineBadDuration: {
    zh: '"advance" 不是由周、日、时、分、秒组成、不超过 10 年的 ISO 8601 时长：{value}',
    en: '"advance" is not a duration of W/D/H/M/S of at most 10 years: {value}',
  },
  lineBadTime: { zh: '"at" 不是 ISO 时间：{value}', en: '"at" is not an ISO time: {value}' },
  lineTimeBack: {
    zh: '"at" 早于当前模拟时间 {now}：{value}',
    en: '"at" is before the simulated time {now}: {value}',
  },
  lineClockRange: {
    zh: '模拟时钟将超过 9999-12-31（支持的最晚时间）：{value}',
    en: 'the simulated clock would pass 9999-12-31 (the latest time supported): {value}',
  },
  lineFirstStart: {
    zh: '第一个事件必须是 {"type":"START", …} 或启动实例的 {"type":"READING", …}',
    en: 'the first event must be {"type":"START", …} or a {"type":"READING", …} that starts the instance',
  },
  lineReading: {
    zh: '"reading" 必须是一个传感器读数对象（与 POST /api/readings 的读数相同）',
    en: '"reading" must be one sensor reading object (as POST /api/readings takes)',
  },
  lineReadingRefused: {
    zh: '读数被拒绝：{why}',
    en: 'the reading was refused: {why}',
  },
  lineSecondStart: {
    zh: '场景实例已在第 {first} 行启动；一个事件文件只驱动一个实例',
    en: 'the instance was already started on line {first}; an events file drives one instance',
  },
  lineNoCase: {
    zh: '没有名为 {step} 的步骤开出过案件',
    en: 'no case was opened by a step named {step}',
  },
  noStartLine: {
    zh: '事件文件中没有 START 行，也没有启动实例的 READING 行',
    en: 'the events file has no START line and no READING line that starts the instance',
  },
  problem: { zh: '问题', en: 'problem' },
  stopped: {
    zh: '第 {line} 行出错，其后各行未执行',
    en: 'stopped at line {line}; nothing after it ran',
  },
  finalState: { zh: '最终状态', en: 'Final state' },
  outcome: { zh: '结果', en: 'Outcome' },
  kpis: { zh: '指标', en: 'KPIs' },
  wrote: { zh: '已写入 {file}', en: 'Wrote {file}' },
  badPort: {
    zh: '--port 必须是 0 到 65535 之间的整数，而不是 {value}',
    en: '--port must be a whole number from 0 to 65535, not {value}',
  },
  badCors: {
    zh: '--cors 须为逗号分隔的源（http:// 或 https:// 加主机名和可选端口，不带路径），而不是 {value}',
    en: '--cors must be comma-separated origins (http:// or https://, a host and an optional port, no path), not {value}',
  },
  badMqttName: {
    zh: '{option} 只能由 1 到 128 个字母、数字、_ 和 - 组成（它是 MQTT 主题或客户端 id 的一段），而不是 {value}',
    en: '{option} must be 1 to 128 letters, digits, _ and - (it is one segment of an MQTT topic or client id), not {value}',
  },
  mqttOptionWithoutMqtt: {
    zh: '{option} 需与 --mqtt <URL> 一起使用',
    en: '{option} needs --mqtt <URL>',
  },
  startTakesNoFiles: {
    zh: 'start 不接受文件参数（组织文件用 --org 给出）：{file}',
    en: 'start takes no file (give an org file with --org): {file}',
  },
  startFailed: { zh: '服务器无法启动：{why}', en: 'The server could not start: {why}' },
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
