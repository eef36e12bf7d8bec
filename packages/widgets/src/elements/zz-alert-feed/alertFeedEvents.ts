/**
 * `zz-alert-acknowledged` (from `zz-alert-feed`): the viewer acknowledged an alert — signed
 * for (签收) one of its dispatched cases (`caseId`), or, with nothing to sign for, marked it
 * seen (`caseId` undefined; kept in this browser).
 *
 * @example
 * ```ts
 * feed.addEventListener('zz-alert-acknowledged', (e) => console.log(e.detail.instanceId, e.detail.level));
 * ```
 */
export interface ZzAlertAcknowledgedDetail {
  instanceId: string;
  level: 1 | 2 | 3;
  caseId: string | undefined;
}

declare global {
  interface HTMLElementEventMap {
    'zz-alert-acknowledged': CustomEvent<ZzAlertAcknowledgedDetail>;
  }
}
