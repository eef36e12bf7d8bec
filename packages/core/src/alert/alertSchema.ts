import * as z from 'zod/mini';
import { alertLocationSchema, MAX_EPOCH_MS } from './sensorReadingSchema.js';

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const epochMs = z.int().check(z.nonnegative(), z.lte(MAX_EPOCH_MS));
const level = z.literal([1, 2, 3]);

/**
 * zod schema of an alert (预警): what a device's readings become once de-duplicated, ordered
 * and passed through the hold-down. One alert lives from the reading that raised it to the
 * moment it cleared; `level` is its current level (its last one once cleared), `peakLevel`
 * the most severe it reached. Times are device times in epoch ms; `value`, `location`,
 * `townId` and `gridId` come from the reading that last raised its level.
 *
 * @example
 * ```ts
 * import { alertSchema } from '@zhizhi/core/alert';
 * alertSchema.parse({
 *   alertId: 'qj-sj-elec-017:leakage:1714528800000:42', deviceId: 'qj-sj-elec-017',
 *   type: 'leakage', level: 1, peakLevel: 1, raisedAt: 1714528800000,
 *   updatedAt: 1714528800000, clearedAt: null, value: 512, location: null,
 *   townId: 'qj-sj', gridId: null,
 * });
 * ```
 */
export const alertSchema = z.object({
  alertId: text(512),
  deviceId: text(128),
  type: text(64),
  level,
  peakLevel: level,
  raisedAt: epochMs,
  updatedAt: epochMs,
  clearedAt: z.nullable(epochMs),
  value: z.nullable(z.number()),
  location: z.nullable(alertLocationSchema),
  townId: z.nullable(text(128)),
  gridId: z.nullable(text(128)),
});

/**
 * An alert (see {@link alertSchema}).
 *
 * @example
 * ```ts
 * import type { Alert } from '@zhizhi/core/alert';
 * const isOpen = (a: Alert) => a.clearedAt === null;
 * ```
 */
export type Alert = z.infer<typeof alertSchema>;

/**
 * What happened to an alert: `raised` (a new alert), `escalated` (a more severe level, at
 * once), `deescalated` (a less severe level, after the hold-down) or `cleared` (back to
 * normal, after the hold-down).
 *
 * @example
 * ```ts
 * import { alertEventKinds } from '@zhizhi/core/alert';
 * alertEventKinds.includes('cleared'); // true
 * ```
 */
export const alertEventKinds = ['raised', 'escalated', 'deescalated', 'cleared'] as const;

/**
 * One of {@link alertEventKinds}.
 *
 * @example
 * ```ts
 * import type { AlertEventKind } from '@zhizhi/core/alert';
 * const k: AlertEventKind = 'escalated';
 * ```
 */
export type AlertEventKind = (typeof alertEventKinds)[number];

/**
 * An alert event: its kind, the alert as it is after the event, the device time `at` which
 * it happened, and the level before it (`0` for `raised`). `alert` is a fresh object the
 * normalizer never mutates afterwards.
 *
 * @example
 * ```ts
 * import type { AlertEvent } from '@zhizhi/core/alert';
 * const line = (e: AlertEvent) => `${e.kind} ${e.alert.deviceId} L${e.previousLevel}→L${e.alert.level}`;
 * ```
 */
export interface AlertEvent {
  kind: AlertEventKind;
  alert: Alert;
  at: number;
  previousLevel: 0 | 1 | 2 | 3;
}
