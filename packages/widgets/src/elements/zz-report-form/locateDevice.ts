import type { CoordinateSystem } from '../../outbox/OutboxEntry.js';

/**
 * A position with the system its coordinates are in and its accuracy in metres.
 *
 * @example
 * ```ts
 * import type { TaggedPosition } from '@zhizhi/widgets';
 * const p: TaggedPosition = { lat: 29.03, lng: 106.65, system: 'WGS84', accuracy: 12 };
 * ```
 */
export interface TaggedPosition {
  lat: number;
  lng: number;
  system: CoordinateSystem;
  accuracy?: number;
}

/**
 * The device's position from the Geolocation API (WGS84, as the W3C specification defines
 * it), or a rejection with the browser's reason (denied, unavailable, timed out).
 *
 * @example
 * ```ts
 * import { locateDevice } from '@zhizhi/widgets';
 * const here = await locateDevice(); // { lat, lng, system: 'WGS84', accuracy }
 * ```
 */
export function locateDevice(timeoutMs = 15_000): Promise<TaggedPosition> {
  return new Promise((resolve, reject) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      reject(new Error('Geolocation unavailable'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) =>
        resolve({
          lat: p.coords.latitude,
          lng: p.coords.longitude,
          system: 'WGS84',
          accuracy: p.coords.accuracy,
        }),
      (e) => reject(new Error(e.message || `Geolocation error ${e.code}`)),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
