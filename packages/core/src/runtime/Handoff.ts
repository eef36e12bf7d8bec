/**
 * What one instance asks of another (a dispatch step opening a case; a case's acknowledgement
 * moving the scenario instance that opened it). It is written into the outbox in the same
 * commit as the step that asks it, and the runtime delivers it once: the commit that carries
 * it out names it in `delivers`, and a store refuses a second such commit. Ids are
 * deterministic (`<from id>:<from seq>:h<i>`), so a retried step asks the very same thing.
 *
 * @example
 * ```ts
 * import type { Handoff } from '@zhizhi/core/runtime';
 * const h: Handoff = {
 *   id: 'band-1:3:h0', townId: 'qj-sj', at: 0,
 *   from: { kind: 'scenario', id: 'band-1', seq: 3 },
 *   to: { kind: 'case', id: 'band-1:dispatchCare:3' },
 *   command: { type: 'OPEN' },
 * };
 * ```
 */
export interface Handoff {
  id: string;
  townId: string;
  /** When it was asked (the asking commit's time). */
  at: number;
  from: { kind: string; id: string; seq: number };
  /** The instance it is for; for an opening hand-off, the id the new instance will have. */
  to: { kind: string; id: string };
  /** The target kind's internal command (never accepted from a client). */
  command: Record<string, unknown>;
}

/**
 * A hand-off the target refused (e.g. a dispatch whose post left the org): recorded once, with
 * the refusal, instead of being retried for ever.
 *
 * @example
 * ```ts
 * import type { HandoffFailure } from '@zhizhi/core/runtime';
 * const why = (f: HandoffFailure) => `${f.handoffId}: ${f.error.code}`;
 * ```
 */
export interface HandoffFailure {
  handoffId: string;
  at: number;
  error: { code: string; message: { zh: string; en: string } };
}
