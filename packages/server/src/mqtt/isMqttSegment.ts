const SEGMENT = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Whether `text` may be one level of a zhizhi MQTT topic — the topic prefix, a town, a shared
 * subscription group: 1 to 128 ASCII letters, digits, `_` and `-` (no `/`, `+`, `#` or `$`, so it
 * can never widen a subscription).
 *
 * @example
 * ```ts
 * import { isMqttSegment } from '@zhizhi/server';
 * isMqttSegment('zhizhi'); // true
 * isMqttSegment('zhizhi/#'); // false
 * ```
 */
export function isMqttSegment(text: string): boolean {
  return SEGMENT.test(text);
}

/** The rule {@link isMqttSegment} checks, for error messages. */
export const MQTT_SEGMENT_RULE = String(SEGMENT);
