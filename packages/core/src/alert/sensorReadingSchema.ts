import * as z from 'zod/mini';

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/**
 * The three alert levels of the article's tiered warnings (分级预警): `1` is the highest.
 *
 * @example
 * ```ts
 * import { alertLevels } from '@zhizhi/core/alert';
 * alertLevels; // [1, 2, 3]
 * ```
 */
export const alertLevels = [1, 2, 3] as const;

/**
 * An alert level: `1` (most severe), `2` or `3`.
 *
 * @example
 * ```ts
 * import type { AlertLevel } from '@zhizhi/core/alert';
 * const leakage: AlertLevel = 1;
 * ```
 */
export type AlertLevel = (typeof alertLevels)[number];

/**
 * The level a sensor reports: `0` is normal, then the {@link AlertLevel}s (`1` most severe).
 *
 * @example
 * ```ts
 * import type { ReadingLevel } from '@zhizhi/core/alert';
 * const normal: ReadingLevel = 0;
 * ```
 */
export type ReadingLevel = 0 | AlertLevel;

/**
 * The latest device time accepted, 9999-12-31T00:00:00Z in epoch ms: every time stays a
 * four-digit year in any time zone (CAP dateTimes need one).
 *
 * @example
 * ```ts
 * import { MAX_EPOCH_MS } from '@zhizhi/core/alert';
 * new Date(MAX_EPOCH_MS).toISOString(); // '9999-12-31T00:00:00.000Z'
 * ```
 */
export const MAX_EPOCH_MS = 253_402_214_400_000;

/**
 * zod schema of where a sensor is: WGS 84 latitude and longitude, and optionally an address.
 *
 * @example
 * ```ts
 * import { alertLocationSchema } from '@zhizhi/core/alert';
 * alertLocationSchema.parse({ lat: 29.55, lng: 106.23, address: '大兴镇敬老院' });
 * ```
 */
export const alertLocationSchema = z.object({
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lng: z.number().check(z.gte(-180), z.lte(180)),
  address: z.optional(z.string().check(z.maxLength(256))),
});

/**
 * Where a sensor is (see {@link alertLocationSchema}).
 *
 * @example
 * ```ts
 * import type { AlertLocation } from '@zhizhi/core/alert';
 * const here: AlertLocation = { lat: 29.55, lng: 106.23 };
 * ```
 */
export type AlertLocation = z.infer<typeof alertLocationSchema>;

/**
 * zod schema of one raw reading from an IoT sensor (an electrical-fire monitor, a smoke
 * detector, a health band): the device, its per-device sequence number `seq`, the device's
 * clock `deviceTime` (epoch ms), what was measured (`type`, any string such as `'leakage'`,
 * `'overTemperature'`, `'smoke'`, `'fall'`, `'heartRate'`), the measured `value`, the level the
 * device assigns (`0` normal, `1` highest) and where it is. Unknown properties are ignored.
 *
 * The normalizer checks readings with the equivalent, allocation-free {@link checkReading};
 * this schema is the documented contract (and what a JSON Schema is generated from).
 *
 * @example
 * ```ts
 * import { sensorReadingSchema } from '@zhizhi/core/alert';
 * sensorReadingSchema.parse({
 *   deviceId: 'qj-sj-elec-017', seq: 42, deviceTime: 1714528800000,
 *   type: 'leakage', value: 512, level: 1, townId: 'qj-sj',
 * });
 * ```
 */
export const sensorReadingSchema = z.object({
  deviceId: text(128),
  seq: z.int().check(z.nonnegative()),
  deviceTime: z.int().check(z.nonnegative(), z.lte(MAX_EPOCH_MS)),
  type: text(64),
  value: z.optional(z.number()),
  level: z.literal([0, 1, 2, 3]),
  location: z.optional(alertLocationSchema),
  townId: z.optional(text(128)),
  gridId: z.optional(text(128)),
});

/**
 * One raw sensor reading (see {@link sensorReadingSchema}).
 *
 * @example
 * ```ts
 * import type { SensorReading } from '@zhizhi/core/alert';
 * const r: SensorReading = { deviceId: 'd1', seq: 1, deviceTime: 0, type: 'smoke', level: 0 };
 * ```
 */
export type SensorReading = z.infer<typeof sensorReadingSchema>;
