import type { CaseRecord, ZhizhiError } from '@zhizhi/core';

/**
 * `zz-report-queued` (from `zz-report-form`): a report was put in the offline outbox (it is
 * sent at once when the connection allows); `key` is its idempotency key.
 *
 * @example
 * ```ts
 * form.addEventListener('zz-report-queued', (e) => console.log('queued', e.detail.key));
 * ```
 */
export interface ZzReportQueuedDetail {
  key: string;
  input: Record<string, unknown>;
}

/**
 * `zz-report-sent` (from `zz-report-form`): the server opened the case of a queued report.
 *
 * @example
 * ```ts
 * form.addEventListener('zz-report-sent', (e) => caseEl.setAttribute('case-id', e.detail.caseId));
 * ```
 */
export interface ZzReportSentDetail {
  key: string;
  caseId: string;
  record: CaseRecord;
}

/**
 * `zz-report-refused` (from `zz-report-form`): the server refused a queued report (a 4xx);
 * it is kept, shown, and never retried.
 *
 * @example
 * ```ts
 * form.addEventListener('zz-report-refused', (e) => console.warn(e.detail.error.message.zh));
 * ```
 */
export interface ZzReportRefusedDetail {
  key: string;
  error: ZhizhiError;
}

declare global {
  interface HTMLElementEventMap {
    'zz-report-queued': CustomEvent<ZzReportQueuedDetail>;
    'zz-report-sent': CustomEvent<ZzReportSentDetail>;
    'zz-report-refused': CustomEvent<ZzReportRefusedDetail>;
  }
}
