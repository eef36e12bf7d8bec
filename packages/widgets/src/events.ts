import type { CaseRecord } from '@zhizhi/core';

/**
 * `zz-case-select` (from `zz-case-list` and `zz-dispatch-board`): the viewer chose a case.
 *
 * @example
 * ```ts
 * list.addEventListener('zz-case-select', (e) => caseEl.setAttribute('case-id', e.detail.caseId));
 * ```
 */
export interface ZzCaseSelectDetail {
  caseId: string;
  record: CaseRecord;
}

/**
 * `zz-action-sent` (from `zz-case` and `zz-dispatch-board`): an event was sent to a case and
 * the runtime accepted it; `record` is the case after it.
 *
 * @example
 * ```ts
 * el.addEventListener('zz-action-sent', (e) => console.log(e.detail.type, e.detail.record.status));
 * ```
 */
export interface ZzActionSentDetail {
  caseId: string;
  type: string;
  record: CaseRecord;
}

/**
 * `zz-action-refused` (from `zz-case` and `zz-dispatch-board`): the runtime refused an event;
 * `code` and `message` are its error (e.g. `routing.statutory` with the duty list's reason, or
 * `store.conflict` when someone else changed the case first).
 *
 * @example
 * ```ts
 * el.addEventListener('zz-action-refused', (e) => console.warn(e.detail.code, e.detail.message.zh));
 * ```
 */
export interface ZzActionRefusedDetail {
  caseId: string;
  type: string;
  code: string;
  message: { zh: string; en: string };
}

declare global {
  interface HTMLElementEventMap {
    'zz-case-select': CustomEvent<ZzCaseSelectDetail>;
    'zz-action-sent': CustomEvent<ZzActionSentDetail>;
    'zz-action-refused': CustomEvent<ZzActionRefusedDetail>;
  }
}

/** The `detail` type of a `zz-*` event, from its entry in `HTMLElementEventMap`. */
export type ZzEventDetail<K extends keyof HTMLElementEventMap> =
  HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * A `zz-*` event with its typed `detail`; it bubbles and crosses shadow roots (`composed`), so a
 * portal can listen on the element or any ancestor.
 *
 * @example
 * ```ts
 * import { zzEvent } from '@zhizhi/widgets';
 * // inside an element: this.dispatchEvent(zzEvent('zz-case-select', { caseId, record }));
 * ```
 */
export function zzEvent<K extends keyof HTMLElementEventMap>(
  name: K,
  detail: ZzEventDetail<K>,
): CustomEvent<ZzEventDetail<K>> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true });
}
