// @zhizhi/widgets/react — React components over the elements, for React 18 (which passes
// every prop as a string attribute and cannot listen to custom events). React 19 uses the
// elements directly. Built with @lit/react's `createComponent`: props that are element
// properties are set as properties (objects and functions included), `onZz…` props listen to
// the element's `zz-…` events, and importing this entry registers every element.

import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import type { ZzAlertAcknowledgedDetail } from './elements/zz-alert-feed/alertFeedEvents.js';
import { ZzAlertFeed as ZzAlertFeedElement } from './elements/zz-alert-feed.js';
import { ZzCase as ZzCaseElement } from './elements/zz-case.js';
import { ZzCaseList as ZzCaseListElement } from './elements/zz-case-list.js';
import { ZzDispatchBoard as ZzDispatchBoardElement } from './elements/zz-dispatch-board.js';
import type { ZzCheckInDetail } from './elements/zz-duty-list/dutyListEvents.js';
import { ZzDutyList as ZzDutyListElement } from './elements/zz-duty-list.js';
import { ZzProvider as ZzProviderElement } from './elements/zz-provider.js';
import type {
  ZzReportQueuedDetail,
  ZzReportRefusedDetail,
  ZzReportSentDetail,
} from './elements/zz-report-form/reportFormEvents.js';
import { ZzReportForm as ZzReportFormElement } from './elements/zz-report-form.js';
import { ZzScenario as ZzScenarioElement } from './elements/zz-scenario.js';
import type { ZzActionRefusedDetail, ZzActionSentDetail, ZzCaseSelectDetail } from './events.js';
import type { ZzScenarioStartedDetail, ZzTaskDoneDetail } from './scenario/scenarioEvents.js';

/** A `zz-…` event name typed with its detail, so `onZz…` handlers get `CustomEvent<detail>`. */
const zz = <D>(name: string) => name as EventName<CustomEvent<D>>;

const caseEvents = {
  onZzActionSent: zz<ZzActionSentDetail>('zz-action-sent'),
  onZzActionRefused: zz<ZzActionRefusedDetail>('zz-action-refused'),
};

/**
 * `<zz-provider>` for React 18: `client`, `tokenProvider` and `clock` are set as properties.
 *
 * @example
 * ```tsx
 * import { ZzCaseList, ZzProvider } from '@zhizhi/widgets/react';
 * <ZzProvider api="https://zhizhi.example/api" member="qj-sj-duty" tokenProvider={() => sso.token()}>
 *   <ZzCaseList town="qj-sj" onZzCaseSelect={(e) => open(e.detail.caseId)} />
 * </ZzProvider>
 * ```
 */
export const ZzProvider = createComponent({
  react: React,
  tagName: 'zz-provider',
  elementClass: ZzProviderElement,
});

/**
 * `<zz-case-list>` for React 18; `onZzCaseSelect` gets `zz-case-select`.
 *
 * @example
 * ```tsx
 * <ZzCaseList town="qj-sj" status="intake" onZzCaseSelect={(e) => setCaseId(e.detail.caseId)} />
 * ```
 */
export const ZzCaseList = createComponent({
  react: React,
  tagName: 'zz-case-list',
  elementClass: ZzCaseListElement,
  events: { onZzCaseSelect: zz<ZzCaseSelectDetail>('zz-case-select') },
});

/**
 * `<zz-case>` for React 18; `onZzActionSent` / `onZzActionRefused` get its events.
 *
 * @example
 * ```tsx
 * <ZzCase caseId={caseId} onZzActionRefused={(e) => toast(e.detail.message.zh)} />
 * ```
 */
export const ZzCase = createComponent({
  react: React,
  tagName: 'zz-case',
  elementClass: ZzCaseElement,
  events: caseEvents,
});

/**
 * `<zz-dispatch-board>` for React 18: `targets` is set as a property.
 *
 * @example
 * ```tsx
 * <ZzDispatchBoard town="qj-sj" targets={dispatchTargetsOf(org, 'qj-sj')}
 *   onZzCaseSelect={(e) => setCaseId(e.detail.caseId)} />
 * ```
 */
export const ZzDispatchBoard = createComponent({
  react: React,
  tagName: 'zz-dispatch-board',
  elementClass: ZzDispatchBoardElement,
  events: { onZzCaseSelect: zz<ZzCaseSelectDetail>('zz-case-select'), ...caseEvents },
});

/**
 * `<zz-report-form>` for React 18: `categories`, `uploadPhoto` and `locate` are properties.
 *
 * @example
 * ```tsx
 * <ZzReportForm grid="qj-sj-c1-g1" categoryIds="riverPollution,roadFacilities"
 *   onZzReportSent={(e) => setCaseId(e.detail.caseId)} onZzReportQueued={() => toast('已保存')} />
 * ```
 */
export const ZzReportForm = createComponent({
  react: React,
  tagName: 'zz-report-form',
  elementClass: ZzReportFormElement,
  events: {
    onZzReportQueued: zz<ZzReportQueuedDetail>('zz-report-queued'),
    onZzReportSent: zz<ZzReportSentDetail>('zz-report-sent'),
    onZzReportRefused: zz<ZzReportRefusedDetail>('zz-report-refused'),
  },
});

/**
 * `<zz-alert-feed>` for React 18; `onZzAlertAcknowledged` gets `zz-alert-acknowledged`.
 *
 * @example
 * ```tsx
 * <ZzAlertFeed town="qj-sj" onZzAlertAcknowledged={(e) => log(e.detail.instanceId)} />
 * ```
 */
export const ZzAlertFeed = createComponent({
  react: React,
  tagName: 'zz-alert-feed',
  elementClass: ZzAlertFeedElement,
  events: { onZzAlertAcknowledged: zz<ZzAlertAcknowledgedDetail>('zz-alert-acknowledged') },
});

/**
 * `<zz-duty-list>` for React 18: `list`, `households`, `places` and `checkIns` are properties.
 *
 * @example
 * ```tsx
 * <ZzDutyList list={sampleGridDutyList} checkIns={saved}
 *   onZzCheckIn={(e) => save(e.detail.checkIn)} />
 * ```
 */
export const ZzDutyList = createComponent({
  react: React,
  tagName: 'zz-duty-list',
  elementClass: ZzDutyListElement,
  events: { onZzCheckIn: zz<ZzCheckInDetail>('zz-check-in') },
});

/**
 * `<zz-scenario>` for React 18; `onZzScenarioStarted` / `onZzTaskDone` get its events.
 *
 * @example
 * ```tsx
 * <ZzScenario scenario="elderly-health-band" grid="qj-sj-c1-g1"
 *   onZzScenarioStarted={(e) => setInstance(e.detail.instanceId)} />
 * ```
 */
export const ZzScenario = createComponent({
  react: React,
  tagName: 'zz-scenario',
  elementClass: ZzScenarioElement,
  events: {
    onZzScenarioStarted: zz<ZzScenarioStartedDetail>('zz-scenario-started'),
    onZzTaskDone: zz<ZzTaskDoneDetail>('zz-task-done'),
  },
});
