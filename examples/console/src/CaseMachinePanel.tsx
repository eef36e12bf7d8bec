import { useMachine, useSelector } from '@xstate/react';
import {
  authorizeActor,
  type CaseEvent,
  type CaseMachine,
  type CaseRecord,
  type CaseStatus,
  canonicalJson,
  caseEventTypes,
  type Directory,
  type DutyLists,
  type Lang,
  type ZhizhiError,
} from '@zhizhi/core';
import type { Client } from '@zhizhi/core/client';
import { label } from '@zhizhi/core/labels';
import { useEffect, useRef, useState } from 'react';
import { ActionForm, payloadFields, type TargetOption } from './ActionForm.js';
import { text } from './texts.js';

/**
 * Properties of {@link CaseMachinePanel}.
 *
 * @example
 * ```ts
 * import type { CaseMachinePanelProps } from './CaseMachinePanel.js';
 * const onResync: CaseMachinePanelProps['onResync'] = () => {};
 * ```
 */
export interface CaseMachinePanelProps {
  client: Client;
  machine: CaseMachine;
  /** The stored record the machine starts from. */
  base: CaseRecord;
  /** The newest version the change feed has shown for this case. */
  latestVersion: number;
  directory: Directory;
  dutyLists: DutyLists | undefined;
  targets: TargetOption[];
  memberId: string;
  lang: Lang;
  /** Asks for a new machine from the stored record (another member moved the case, or a refusal). */
  onResync(): void;
  onError(error: ZhizhiError | null): void;
}

/** Events only the runtime sends (SLA timers): never a button. */
const SYSTEM_ONLY = new Set(['SLA_OVERDUE']);

/**
 * One case driven by core's case machine (`createCaseMachine`) in this page with `useMachine`:
 * the actor starts from the stored record (`machine.resolveState` with its status and context)
 * and `useSelector` reads its status and context. The buttons are the events the acting member
 * may send in that state (`authorizeActor`, the check behind `Client.actions`). A click goes
 * to the client first — the store, the audit chain and the feed — and, once it is committed,
 * the same event (stamped with the entry's time) is sent to the actor, which must land where
 * the store did; if it does not, or the client refuses, or another member moves the case, the
 * panel asks for a new actor from the stored record.
 *
 * @example
 * ```tsx
 * import { CaseMachinePanel, type CaseMachinePanelProps } from './CaseMachinePanel.js';
 * declare const props: CaseMachinePanelProps;
 * const panel = <CaseMachinePanel key={`${props.base.id}@${props.base.version}`} {...props} />;
 * ```
 */
export function CaseMachinePanel(props: CaseMachinePanelProps) {
  const { client, machine, base, directory, memberId, lang } = props;
  // the stored status and context as a machine snapshot (resolved once, when the panel mounts)
  const [snapshot] = useState(() =>
    machine.resolveState({ value: base.status, context: base.context }),
  );
  const [, , actorRef] = useMachine(machine, { input: base.context, snapshot });
  const status = useSelector(actorRef, (s) => s.value as unknown as CaseStatus);
  const context = useSelector(actorRef, (s) => s.context);
  const version = useRef(base.version);
  const [busy, setBusy] = useState(false);

  const { latestVersion, onResync } = props;
  useEffect(() => {
    if (!busy && latestVersion > version.current) onResync();
  }, [busy, latestVersion, onResync]);

  const member = directory.member(memberId);
  // what the member's role and scope allow in this state; of the events with nothing to fill
  // in, only those the machine can take now (no stand-down without an emergency)
  const offered = member
    ? caseEventTypes.filter(
        (type) =>
          !SYSTEM_ONLY.has(type) &&
          authorizeActor(directory, status, context, type, member) === null &&
          (payloadFields(type).length > 0 ||
            actorRef.getSnapshot().can({ type, by: memberId, at: Date.now() } as CaseEvent)),
      )
    : [];

  async function act(command: Record<string, unknown>) {
    setBusy(true);
    const result = await client.send(base.id, command, { expectedVersion: version.current });
    if (!result.ok) {
      setBusy(false);
      props.onError(result.error);
      return onResync();
    }
    props.onError(null);
    actorRef.send({ ...command, at: result.entry.at } as never);
    version.current = result.record.version;
    setBusy(false);
    const s = actorRef.getSnapshot();
    if (
      (s.value as unknown) !== result.record.status ||
      canonicalJson(s.context) !== canonicalJson(result.record.context)
    )
      onResync();
  }

  return (
    <section aria-label={text('actions', lang)}>
      <p>
        {text('machineState', lang)}:{' '}
        <output name="machine-status">{label('status', status, lang)}</output>
      </p>
      <h3>{text('actions', lang)}</h3>
      {offered.length === 0 ? (
        <p>{text('noActions', lang)}</p>
      ) : (
        offered.map((type) => (
          <ActionForm
            key={`${type}:${memberId}`}
            type={type}
            memberId={memberId}
            actorRef={actorRef}
            status={status}
            context={context}
            directory={directory}
            dutyLists={props.dutyLists}
            targets={props.targets}
            lang={lang}
            busy={busy}
            onSubmit={act}
          />
        ))
      )}
    </section>
  );
}
