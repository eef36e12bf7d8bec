import type { Lang, Org } from '@zhizhi/core';
import { label } from '@zhizhi/core/labels';
import type { Scenario } from '@zhizhi/core/scenario';
import { statusLabel } from '@zhizhi/widgets/scenario';
import { type SimTextKey, simText } from './simText.js';

/** The instance events the simulation's string table names. */
const EVENT_KEYS = {
  START: 1,
  TIMEOUT: 1,
  TASK_COMPLETE: 1,
  CHECK_IN: 1,
  SIGNAL: 1,
  EVENT: 1,
  CASE_ACKNOWLEDGED: 1,
  CASE_CLOSED: 1,
};

import type { TimelineEntry } from './timelineOf.js';

/** Props of {@link Timeline}. */
export interface TimelineProps {
  entries: readonly TimelineEntry[];
  doc: Scenario;
  org: Org;
  lang: Lang;
  time(ms: number): string;
}

/**
 * What happened in a simulated run, oldest first: each audit entry's time, event, who (name
 * and role) and the steps it moved from and to, in the reader's language; a case's entries are
 * marked with its id.
 *
 * @example
 * ```tsx
 * import { Timeline } from '@zhizhi/designer';
 * <Timeline entries={state.timeline} doc={doc} org={sampleOrg} lang="en" time={(ms) => new Date(ms).toISOString()} />;
 * ```
 */
export function Timeline({ entries, doc, org, lang, time }: TimelineProps) {
  // a case's events have core's labels; an instance's, the simulation's own
  const eventName = (e: TimelineEntry) => {
    const known = label('event', e.event, lang);
    if (known !== e.event || e.caseId !== undefined) return known;
    return Object.hasOwn(EVENT_KEYS, e.event) ? simText(e.event as SimTextKey, lang) : e.event;
  };
  const who = (id: string) => org.members.find((m) => m.id === id)?.name ?? id;
  const where = (e: TimelineEntry, status: string) =>
    e.caseId === undefined ? statusLabel(doc, status, lang) : label('status', status, lang);
  return (
    <div className="zz-sim__timeline">
      <h3>{simText('timeline', lang)}</h3>
      <ol className="zz-sim__list" data-testid="sim-timeline">
        {entries.map((e) => (
          <li
            className="zz-sim__entry"
            key={`${e.caseId ?? ''}|${e.seq}`}
            data-event={e.event}
            data-to={e.to}
          >
            <time>{time(e.at)}</time> <strong>{eventName(e)}</strong> {who(e.actorId)} (
            {label('role', e.role, lang)}) {e.from === null ? '' : `${where(e, e.from)} → `}
            {where(e, e.to)}
            {e.caseId === undefined ? null : <code> {e.caseId}</code>}
          </li>
        ))}
      </ol>
    </div>
  );
}
