import type { AuditEntry, Directory, Lang } from '@zhizhi/core';
import { pickText } from '@zhizhi/core';
import { label } from '@zhizhi/core/labels';
import { text } from './texts.js';
import { memberName } from './townMembers.js';

/**
 * Properties of {@link Timeline}.
 *
 * @example
 * ```ts
 * import type { TimelineProps } from './Timeline.js';
 * const empty: TimelineProps['entries'] = [];
 * ```
 */
export interface TimelineProps {
  entries: AuditEntry[];
  directory: Directory;
  lang: Lang;
}

/**
 * A case's audit trail, oldest first: when (Beijing time), which event, from which status to
 * which, who, the lead of a dispatch and the note.
 *
 * @example
 * ```tsx
 * import { Timeline, type TimelineProps } from './Timeline.js';
 * declare const props: TimelineProps;
 * const timeline = <Timeline {...props} />;
 * ```
 */
export function Timeline({ entries, directory, lang }: TimelineProps) {
  const time = (ms: number) =>
    new Date(ms).toLocaleString(lang === 'zh-CN' ? 'zh-CN' : 'en-GB', {
      timeZone: 'Asia/Shanghai',
      dateStyle: 'short',
      timeStyle: 'short',
    });
  return (
    <section aria-label={text('timeline', lang)}>
      <h3>{text('timeline', lang)}</h3>
      <ol>
        {entries.map((e) => {
          const lead = e.data?.lead as { kind: string; id: string } | undefined;
          const leadName = lead
            ? (lead.kind === 'post' ? directory.post(lead.id) : directory.department(lead.id))?.name
            : undefined;
          return (
            <li key={e.seq}>
              <time dateTime={new Date(e.at).toISOString()}>{time(e.at)}</time>{' '}
              <strong>{label('event', e.event, lang)}</strong>
              {leadName && ` → ${pickText(leadName, lang)}`}{' '}
              <span>
                [{e.from ? label('status', e.from, lang) : '∅'} → {label('status', e.to, lang)}]
              </span>{' '}
              {memberName(directory, e.actorId, lang)}
              {e.note && <q>{e.note}</q>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
