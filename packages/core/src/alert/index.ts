// @zhizhi/core alert layer: sensor readings → de-duplicated, ordered, hysteresis-filtered
// alerts → routing by level (分级推送) → CAP 1.2 import and export. No DOM, no I/O.

export { type AlertDiagnosticCode, alertCatalog } from './alertCatalog.js';
export { type AlertFieldPath, alertFieldPaths } from './alertFieldPaths.js';
export {
  type AlertChannel,
  type AlertRouting,
  type AlertTarget,
  alertChannels,
  alertRoutingSchema,
  alertTargetSchema,
} from './alertRoutingSchema.js';
export {
  type Alert,
  type AlertEvent,
  type AlertEventKind,
  alertEventKinds,
  alertSchema,
} from './alertSchema.js';
export { formatCapDateTime, parseCapDateTime } from './capDateTime.js';
export {
  type CapGrade,
  capCertainties,
  capSeverities,
  capToLevel,
  capUrgencies,
  levelToCap,
} from './capLevelMapping.js';
export { checkReading } from './checkReading.js';
export {
  type AlertNormalizer,
  type AlertNormalizerOptions,
  createAlertNormalizer,
  type PushResult,
} from './createAlertNormalizer.js';
export { escapeXml } from './escapeXml.js';
export { type FromCapOptions, type FromCapResult, fromCap } from './fromCap.js';
export {
  type AlertNormalizerSnapshot,
  alertNormalizerSnapshotSchema,
} from './normalizerSnapshot.js';
export { parseDecimal } from './parseDecimal.js';
export { readXml, type XmlElement, type XmlLimits } from './readXml.js';
export { type AlertRoute, routeAlert } from './routeAlert.js';
export {
  type AlertLevel,
  type AlertLocation,
  alertLevels,
  alertLocationSchema,
  MAX_EPOCH_MS,
  type ReadingLevel,
  type SensorReading,
  sensorReadingSchema,
} from './sensorReadingSchema.js';
export {
  CAP_NAMESPACE,
  type CapCategory,
  capCategories,
  capCategoryOf,
  type ToCapOptions,
  toCap,
} from './toCap.js';
