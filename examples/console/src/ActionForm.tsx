import { useSelector } from '@xstate/react';
import {
  authorizeCaseEvent,
  type CaseContext,
  type CaseEvent,
  type CaseEventType,
  type CaseMachine,
  type CaseStatus,
  caseEventSchemas,
  type Directory,
  type DispatchTarget,
  type DutyLists,
  errorMessage,
  type Lang,
} from '@zhizhi/core';
import { caseEventJsonSchema } from '@zhizhi/core/client';
import { label } from '@zhizhi/core/labels';
import { type FormEvent, useState } from 'react';
import type { ActorRefFrom } from 'xstate';
import { Field } from './Field.js';
import { fieldNames, text } from './texts.js';

/**
 * A dispatch target the console offers, with its display name.
 *
 * @example
 * ```ts
 * import type { TargetOption } from './ActionForm.js';
 * const czjs: TargetOption = { target: { kind: 'post', id: 'qj-sj-czjs' }, name: '村镇建设岗' };
 * ```
 */
export interface TargetOption {
  target: DispatchTarget;
  name: string;
}

/**
 * Properties of {@link ActionForm}.
 *
 * @example
 * ```ts
 * import type { ActionFormProps } from './ActionForm.js';
 * const onSubmit: ActionFormProps['onSubmit'] = (command) => console.log(command.type);
 * ```
 */
export interface ActionFormProps {
  type: CaseEventType;
  memberId: string;
  actorRef: ActorRefFrom<CaseMachine>;
  status: CaseStatus;
  context: CaseContext;
  directory: Directory;
  dutyLists: DutyLists | undefined;
  targets: TargetOption[];
  lang: Lang;
  busy: boolean;
  onSubmit(command: Record<string, unknown>): void;
}

/** Payload fields this console does not ask for (all optional in core's schemas). */
const SKIPPED = new Set(['type', 'by', 'coHandlers', 'dueAt', 'photos']);

/**
 * The payload fields the console asks for before an event can be sent: the ones core's
 * schema requires, besides `type` and `by`.
 *
 * @example
 * ```ts
 * import { payloadFields } from './ActionForm.js';
 * payloadFields('DISPATCH'); // ['lead']
 * payloadFields('ACCEPT');   // []
 * ```
 */
export function payloadFields(type: CaseEventType): string[] {
  const schema = caseEventJsonSchema(type) as { required: string[] };
  return schema.required.filter((f) => !SKIPPED.has(f));
}

/**
 * One action the member may take now: a button, with the inputs its payload requires (read
 * from the JSON Schema core builds from the same zod schema the runtime checks with). The
 * button is enabled only when the draft passes that schema **and** the case machine's snapshot
 * `can` take the event — its guards are core's checks, so a dispatch to a post the duty lists
 * refuse is disabled, and the refusal's reason is shown.
 *
 * @example
 * ```tsx
 * import { ActionForm, type ActionFormProps } from './ActionForm.js';
 * declare const props: ActionFormProps;
 * const form = <ActionForm {...props} />;
 * ```
 */
export function ActionForm(props: ActionFormProps) {
  const { type, memberId, actorRef, status, context, targets, lang } = props;
  const schema = caseEventJsonSchema(type) as {
    properties: Record<string, { maxLength?: number }>;
  };
  const fields = payloadFields(type);
  const [values, setValues] = useState<Record<string, string>>({});
  const zh = lang === 'zh-CN' ? 0 : 1;

  const draft: Record<string, unknown> = { type, by: memberId };
  for (const f of fields) {
    const v = values[f]?.trim() ?? '';
    if (v === '') continue;
    if (f === 'lead' || f === 'targets') {
      const t = targets[Number(v)]?.target;
      if (t) draft[f] = f === 'lead' ? t : [t];
    } else draft[f] = v;
  }
  const parsed = caseEventSchemas[type].safeParse(draft);
  const event = parsed.success ? ({ ...parsed.data, at: Date.now() } as CaseEvent) : null;
  const allowed = useSelector(actorRef, (s) => event !== null && s.can(event));
  const refusal =
    event && !allowed
      ? authorizeCaseEvent(props.directory, props.dutyLists, status, context, event)
      : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (parsed.success && allowed) props.onSubmit(parsed.data);
  }

  return (
    <form onSubmit={submit} aria-label={label('event', type, lang)}>
      {fields.map((f) => {
        const name = fieldNames[f]?.[zh] ?? f;
        const onChange = (value: string) => setValues((v) => ({ ...v, [f]: value }));
        return f === 'lead' || f === 'targets' ? (
          <Field key={f} label={name}>
            {(id) => (
              <select
                id={id}
                value={values[f] ?? ''}
                onChange={(e) => onChange(e.target.value)}
                required
              >
                <option value="">{text('choose', lang)}</option>
                {targets.map((t, i) => (
                  <option key={`${t.target.kind}:${t.target.id}`} value={i}>
                    {t.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <Field key={f} label={name}>
            {(id) => (
              <input
                id={id}
                value={values[f] ?? ''}
                onChange={(e) => onChange(e.target.value)}
                maxLength={schema.properties[f]?.maxLength}
                required
              />
            )}
          </Field>
        );
      })}
      <button type="submit" disabled={!allowed || props.busy}>
        {label('event', type, lang)}
      </button>
      {refusal && <p role="status">{errorMessage(refusal, lang)}</p>}
    </form>
  );
}
