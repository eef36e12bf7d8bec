import type { AlertLevel } from './sensorReadingSchema.js';

/**
 * CAP 1.2 `urgency` values.
 *
 * @example
 * ```ts
 * import { capUrgencies } from '@zhizhi/core/alert';
 * capUrgencies[0]; // 'Immediate'
 * ```
 */
export const capUrgencies = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;

/**
 * CAP 1.2 `severity` values.
 *
 * @example
 * ```ts
 * import { capSeverities } from '@zhizhi/core/alert';
 * capSeverities[0]; // 'Extreme'
 * ```
 */
export const capSeverities = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;

/**
 * CAP 1.2 `certainty` values (`Very Likely` of CAP 1.0 is read as `Likely`).
 *
 * @example
 * ```ts
 * import { capCertainties } from '@zhizhi/core/alert';
 * capCertainties[0]; // 'Observed'
 * ```
 */
export const capCertainties = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;

/**
 * The urgency, severity and certainty of a CAP `info` block.
 *
 * @example
 * ```ts
 * import type { CapGrade } from '@zhizhi/core/alert';
 * const g: CapGrade = { urgency: 'Immediate', severity: 'Extreme', certainty: 'Observed' };
 * ```
 */
export interface CapGrade {
  urgency: (typeof capUrgencies)[number];
  severity: (typeof capSeverities)[number];
  certainty: (typeof capCertainties)[number];
}

const EXPORT: Record<AlertLevel, CapGrade> = {
  1: { urgency: 'Immediate', severity: 'Extreme', certainty: 'Observed' },
  2: { urgency: 'Expected', severity: 'Severe', certainty: 'Observed' },
  3: { urgency: 'Future', severity: 'Moderate', certainty: 'Observed' },
};

/**
 * The CAP grade of an alert level (export). A sensor reading is an observation, so certainty
 * is always `Observed`; a cleared alert (msgType `Cancel`) keeps its last level's severity
 * with urgency `Past`.
 *
 * | level | urgency   | severity | certainty |
 * |-------|-----------|----------|-----------|
 * | 1     | Immediate | Extreme  | Observed  |
 * | 2     | Expected  | Severe   | Observed  |
 * | 3     | Future    | Moderate | Observed  |
 *
 * @example
 * ```ts
 * import { levelToCap } from '@zhizhi/core/alert';
 * levelToCap(1).severity; // 'Extreme'
 * ```
 */
export function levelToCap(level: AlertLevel, cleared = false): CapGrade {
  const grade = EXPORT[level];
  return cleared ? { ...grade, urgency: 'Past' } : { ...grade };
}

/**
 * The alert level of a CAP grade (import), in three steps:
 *
 * | step | rule                                                        |
 * |------|-------------------------------------------------------------|
 * | 1    | severity `Extreme` → 1, `Severe` → 2, `Moderate` → 3, `Minor` → 3, `Unknown` → 3 |
 * | 2    | urgency `Immediate` raises `Severe` and `Moderate` one level (→ 1, → 2) |
 * | 3    | certainty `Possible`, `Unlikely` or `Unknown` lowers one level (never below 3); `Observed` and `Likely` keep it |
 *
 * So `Extreme`/any urgency/`Observed` → 1, `Severe`/`Immediate`/`Observed` → 1,
 * `Severe`/`Expected`/`Observed` → 2, `Extreme`/`Immediate`/`Unknown` → 2,
 * `Moderate`/`Future`/`Likely` → 3, `Minor`/`Immediate`/`Observed` → 3. Every grade
 * {@link levelToCap} exports (including urgency `Past` for a cancel) reads back as its level.
 *
 * @example
 * ```ts
 * import { capToLevel } from '@zhizhi/core/alert';
 * capToLevel({ urgency: 'Immediate', severity: 'Severe', certainty: 'Observed' }); // 1
 * capToLevel({ urgency: 'Immediate', severity: 'Extreme', certainty: 'Unknown' }); // 2
 * ```
 */
export function capToLevel(grade: CapGrade): AlertLevel {
  const { urgency, severity, certainty } = grade;
  let level = severity === 'Extreme' ? 1 : severity === 'Severe' ? 2 : 3;
  if (urgency === 'Immediate' && (severity === 'Severe' || severity === 'Moderate')) level -= 1;
  if (certainty === 'Possible' || certainty === 'Unlikely' || certainty === 'Unknown') {
    level = Math.min(3, level + 1);
  }
  return level as AlertLevel;
}
