import type { ZhizhiError } from '@zhizhi/core';

/**
 * The coordinate system a position is given in: `WGS84` (GPS, what the browser's Geolocation
 * reports) or `GCJ-02` (the offset system of maps published in mainland China).
 *
 * @example
 * ```ts
 * import type { CoordinateSystem } from '@zhizhi/widgets';
 * const gps: CoordinateSystem = 'WGS84';
 * ```
 */
export type CoordinateSystem = 'WGS84' | 'GCJ-02';

/**
 * One report waiting in the {@link Outbox}: the report as the `Client` takes it (without
 * photos), the photos as resized JPEG blobs, and the idempotency key made when it was queued,
 * which every retry sends again so that the server opens the case once. `state` is `pending`
 * until it is sent (then the entry is deleted) or `refused` when the server said no (a 4xx:
 * never retried; `error` says why).
 *
 * @example
 * ```ts
 * import type { OutboxEntry } from '@zhizhi/widgets';
 * const line = (e: OutboxEntry) => `${e.key} ${e.state} ${e.error?.message.zh ?? ''}`;
 * ```
 */
export interface OutboxEntry {
  /** The idempotency key (also the entry's key in IndexedDB). */
  key: string;
  /** The report (`gridId`, `reporterId`, `category`, `severity`, `title`, …). */
  input: Record<string, unknown>;
  /** Resized photos, uploaded just before the report is sent. */
  photos: Blob[];
  /** The system the report's `location` was given in (it is sent as WGS84). */
  coordinateSystem?: CoordinateSystem;
  /** Epoch ms at which it was queued (orders the entries). */
  queuedAt: number;
  /** How many times sending was tried. */
  attempts: number;
  state: 'pending' | 'refused';
  /** The last error: a network error (kept, retried) or the refusal. */
  error?: ZhizhiError;
}
