import { parseDuration } from '../sla/parseDuration.js';

/**
 * Where the Engine reads the time (epoch milliseconds).
 *
 * @example
 * ```ts
 * import type { Clock } from '@zhizhi/core';
 * const fixed: Clock = { now: () => Date.UTC(2026, 0, 1) };
 * ```
 */
export interface Clock {
  now(): number;
}

/**
 * The machine's real clock.
 *
 * @example
 * ```ts
 * import { systemClock } from '@zhizhi/core';
 * systemClock.now() > 0; // true
 * ```
 */
export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock that only moves when told: for simulations, tests and the designer's fast-forward.
 *
 * @example
 * ```ts
 * import { SimulatedClock } from '@zhizhi/core';
 * const clock = new SimulatedClock('2026-03-02T09:00:00+08:00');
 * clock.advance('P3D');
 * new Date(clock.now()).toISOString(); // '2026-03-05T01:00:00.000Z'
 * ```
 */
export class SimulatedClock implements Clock {
  #now: number;

  constructor(start: number | string = 0) {
    this.#now = typeof start === 'number' ? start : Date.parse(start);
    if (!Number.isFinite(this.#now)) throw new RangeError(`Invalid start time: ${start}`);
  }

  now(): number {
    return this.#now;
  }

  /** Moves forward by milliseconds or an ISO 8601 duration (`PT30M`, `P3D`). Never backwards. */
  advance(by: number | string): number {
    const ms = typeof by === 'number' ? by : parseDuration(by);
    if (!(ms >= 0)) throw new RangeError(`A clock cannot go back: ${by}`);
    this.#now += ms;
    return this.#now;
  }

  /** Jumps to a later time. */
  set(to: number | string): number {
    const t = typeof to === 'number' ? to : Date.parse(to);
    if (!(t >= this.#now)) throw new RangeError(`A clock cannot go back: ${to}`);
    this.#now = t;
    return t;
  }
}
