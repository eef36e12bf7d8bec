/**
 * The catalogue of diagnostics the alert layer returns (sensor readings, the normalizer's
 * snapshot, routing, the XML reader and the CAP 1.2 importer): a stable code and a message in
 * zh-CN and English with `{name}` placeholders, for {@link makeDiagnostic}.
 *
 * @example
 * ```ts
 * import { alertCatalog } from '@zhizhi/core/alert';
 * alertCatalog['xml.doctype'].en; // 'DOCTYPE and ENTITY declarations are refused (at {path})'
 * ```
 */
export const alertCatalog = {
  'reading.invalid': {
    zh: '传感器读数无效：{path} 应为 {rule}',
    en: 'Invalid sensor reading: {path} must be {rule}',
  },
  'reading.duplicate': {
    zh: '设备 {deviceId} 的读数 seq={seq} 重复，已丢弃',
    en: 'Reading seq={seq} of device {deviceId} is a duplicate and was dropped',
  },
  'reading.stale': {
    zh: '设备 {deviceId} 的读数 seq={seq}（设备时间 {deviceTime}）早于已生效的状态，已丢弃',
    en: 'Reading seq={seq} of device {deviceId} (device time {deviceTime}) is older than the state already applied and was dropped',
  },
  'normalizer.full': {
    zh: '已跟踪 {max} 台设备且均处于预警中，无法接收新设备 {deviceId}',
    en: 'Already tracking {max} devices, all in alert; new device {deviceId} was refused',
  },
  'snapshot.invalid': {
    zh: '快照无效：{path} 处 {rule}',
    en: 'Invalid snapshot at {path}: {rule}',
  },
  'routing.unresolved': {
    zh: '预警 {alertId} 没有 {field}，无法确定接收方 {kind}',
    en: 'Alert {alertId} has no {field}, so recipient {kind} cannot be resolved',
  },
  'xml.tooLarge': {
    zh: 'XML 长度 {length} 超过上限 {max}',
    en: 'The XML is {length} characters long, over the limit of {max}',
  },
  'xml.tooDeep': {
    zh: 'XML 嵌套超过 {max} 层（{path}）',
    en: 'The XML nests deeper than {max} levels (at {path})',
  },
  'xml.tooMany': {
    zh: 'XML 的 {what} 超过上限 {max}（{path}）',
    en: 'The XML has more {what} than the limit of {max} (at {path})',
  },
  'xml.doctype': {
    zh: '拒绝 DOCTYPE 与 ENTITY 声明（{path}）',
    en: 'DOCTYPE and ENTITY declarations are refused (at {path})',
  },
  'xml.processingInstruction': {
    zh: '拒绝处理指令 <?{target}?>，只允许开头的 XML 声明（{path}）',
    en: 'Processing instruction <?{target}?> is refused; only the leading XML declaration is allowed (at {path})',
  },
  'xml.entity': {
    zh: '未知或无效的实体引用 {entity}（{path}）',
    en: 'Unknown or invalid entity reference {entity} (at {path})',
  },
  'xml.malformed': {
    zh: 'XML 格式错误：{why}（{path}）',
    en: 'Malformed XML: {why} (at {path})',
  },
  'cap.root': {
    zh: '根元素应为 CAP 1.2 命名空间 {namespace} 中的 alert，实为 {found}',
    en: 'The root element must be alert in the CAP 1.2 namespace {namespace}, found {found}',
  },
  'cap.missing': {
    zh: '缺少必填元素 {path}',
    en: 'Required element {path} is missing',
  },
  'cap.invalid': {
    zh: '{path} 的值 “{value}” 无效，应为 {expected}',
    en: 'The value "{value}" of {path} is invalid; expected {expected}',
  },
  'cap.options': {
    zh: '无法导入：{why}',
    en: 'Cannot import: {why}',
  },
  'cap.unsupported': {
    zh: '{path} 为 {value}，本平台只接收 Alert、Update、Cancel',
    en: '{path} is {value}; only Alert, Update and Cancel are accepted',
  },
} as const;

/**
 * A code of {@link alertCatalog}.
 *
 * @example
 * ```ts
 * import type { AlertDiagnosticCode } from '@zhizhi/core/alert';
 * const code: AlertDiagnosticCode = 'reading.stale';
 * ```
 */
export type AlertDiagnosticCode = keyof typeof alertCatalog;
