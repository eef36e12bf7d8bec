import {
  type AuditEntry,
  type CaseMachine,
  type CaseRecord,
  type Directory,
  type DutyLists,
  type Lang,
  pickText,
  type ZhizhiError,
} from '@zhizhi/core';
import type { Client } from '@zhizhi/core/client';
import { label } from '@zhizhi/core/labels';
import { useCallback, useEffect, useState } from 'react';
import type { TargetOption } from './ActionForm.js';
import { CaseMachinePanel } from './CaseMachinePanel.js';
import { Timeline } from './Timeline.js';
import { text } from './texts.js';

/**
 * Properties of {@link CaseDetail}.
 *
 * @example
 * ```ts
 * import type { CaseDetailProps } from './CaseDetail.js';
 * const lang: CaseDetailProps['lang'] = 'zh-CN';
 * ```
 */
export interface CaseDetailProps {
  client: Client;
  machine: CaseMachine;
  /** The case as the list holds it (kept live by the change feed). */
  record: CaseRecord;
  directory: Directory;
  dutyLists: DutyLists | undefined;
  targets: TargetOption[];
  memberId: string;
  lang: Lang;
}

/**
 * One case's page: its title, status, lead and outcome as stored, the machine-driven actions
 * (`CaseMachinePanel`) and the timeline of its audit trail, read again whenever the feed shows
 * a new version. A refusal from the client is shown with core's message (zh-CN or English).
 *
 * @example
 * ```tsx
 * import { CaseDetail, type CaseDetailProps } from './CaseDetail.js';
 * declare const props: CaseDetailProps;
 * const page = <CaseDetail key={props.record.id} {...props} />;
 * ```
 */
export function CaseDetail(props: CaseDetailProps) {
  const { client, directory, lang } = props;
  const [base, setBase] = useState(props.record);
  // the list follows this runtime's feed; a reload after a conflict may know a newer version
  const record = base.version > props.record.version ? base : props.record;
  const [resyncs, setResyncs] = useState(0);
  const [trail, setTrail] = useState<AuditEntry[]>([]);
  const [error, setError] = useState<ZhizhiError | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version means new entries to read
  useEffect(() => {
    let alive = true;
    void client.audit(record.id).then((entries) => alive && setTrail(entries));
    return () => {
      alive = false;
    };
  }, [client, record.id, record.version]);

  const resync = useCallback(async () => {
    const fresh = await client.getCase(record.id);
    if (!fresh) return;
    setBase(fresh);
    setResyncs((n) => n + 1);
  }, [client, record.id]);

  const lead = record.context.lead;
  const leadName = lead
    ? (lead.kind === 'post' ? directory.post(lead.id) : directory.department(lead.id))?.name
    : undefined;
  return (
    <article aria-label={text('detail', lang)}>
      <h2>{record.context.title}</h2>
      <dl>
        <dt>{text('status', lang)}</dt>
        <dd data-field="status">{label('status', record.status, lang)}</dd>
        <dt>{text('lead', lang)}</dt>
        <dd data-field="lead">{leadName ? pickText(leadName, lang) : '—'}</dd>
        <dt>{text('outcome', lang)}</dt>
        <dd data-field="outcome">
          {record.context.outcome ? label('outcome', record.context.outcome, lang) : '—'}
        </dd>
      </dl>
      {error && (
        <p role="alert">
          {text('refused', lang)}: {error.message[lang === 'zh-CN' ? 'zh' : 'en']}
        </p>
      )}
      <CaseMachinePanel
        key={`${base.id}@${base.version}#${resyncs}`}
        client={client}
        machine={props.machine}
        base={base}
        latestVersion={props.record.version}
        directory={directory}
        dutyLists={props.dutyLists}
        targets={props.targets}
        memberId={props.memberId}
        lang={lang}
        onResync={resync}
        onError={setError}
      />
      <Timeline entries={trail} directory={directory} lang={lang} />
    </article>
  );
}
