import { type Lang, type Org, pickText } from '@zhizhi/core';
import { label } from '@zhizhi/core/labels';
import { scenarioJsonSchema } from '@zhizhi/core/scenario';
import { useMemo } from 'react';
import { newStep } from '../canvas/newStep.js';
import {
  type Command,
  canAddBranch,
  type DraftStep,
  freshId,
  type Json,
  outcomesOf,
  type Refusal,
  type ScenarioDraft,
  stepRegionKeys,
} from '../model/index.js';
import { type FieldContext, ObjectFields } from './SchemaField.js';
import { setPropertyCommand } from './setPropertyCommands.js';
import { type JsonSchema, stepJsonSchema } from './stepJsonSchema.js';
import { uiText } from './uiText.js';

/** Props of {@link PropertyPanel}. */
export interface PropertyPanelProps {
  doc: ScenarioDraft;
  /** The id of the step to edit (none: a hint is shown). */
  step: string | undefined;
  lang: Lang;
  org?: Org;
  run(commands: readonly Command[]): Refusal[];
  onRefused(refusals: Refusal[]): void;
}

const skip = new Set(['id', 'kind', 'layout']);

/**
 * The form of the selected step, built from its kind's JSON Schema (core's
 * `scenarioJsonSchema`), with org pickers for posts, departments, centers, communities,
 * grids and roles, and a target picker for each transition. Every edit is a model command:
 * `setProperty`, `connect`/`disconnect`, `renameStep`, `addBranch`, `deleteStep`.
 *
 * @example
 * ```tsx
 * import { PropertyPanel } from '@zhizhi/designer';
 * <PropertyPanel doc={doc} step="call" lang="zh-CN" org={sampleOrg} run={run} onRefused={show} />;
 * ```
 */
export function PropertyPanel({
  doc,
  step: stepId,
  lang,
  org,
  run,
  onRefused,
}: PropertyPanelProps) {
  const step = useMemo(() => doc.steps.find((s) => s.id === stepId), [doc, stepId]);
  const ctx = useMemo<FieldContext | undefined>(() => {
    if (!step) return undefined;
    const exec = (c: Command) => {
      const refused = run([c]);
      if (refused.length > 0) onRefused(refused);
    };
    const region = stepRegionKeys(doc).region(step.id);
    return {
      lang,
      org,
      dataFields: (doc.fields ?? []).map((f) => f.id),
      fields: doc.fields ?? [],
      targets: doc.steps.map((s) => s.id),
      join: region !== '',
      transitions: new Map(outcomesOf(step).map((o) => [o.path.join('.'), o.outcome])),
      set: (path, value) => exec(setPropertyCommand(step, path, value)),
      connect: (outcome, to) =>
        exec(
          to === undefined
            ? { type: 'disconnect', from: step.id, outcome }
            : { type: 'connect', from: step.id, outcome, to },
        ),
    };
  }, [doc, step, lang, org, run, onRefused]);

  if (!step || !ctx) {
    return <DocumentPanel doc={doc} lang={lang} org={org} run={run} onRefused={onRefused} />;
  }
  const schema = stepJsonSchema(step.kind);
  const exec = (commands: Command[]) => {
    const refused = run(commands);
    if (refused.length > 0) onRefused(refused);
  };
  return (
    <section className="zz-properties" aria-label={uiText('properties', lang)} data-step={step.id}>
      <h2>
        {uiText('properties', lang)} · {label('stepKind', step.kind, lang)}
      </h2>
      <RenameField
        step={step}
        lang={lang}
        onRename={(to) => exec([{ type: 'renameStep', step: step.id, to }])}
      />
      {schema ? (
        <ObjectFields schema={schema} value={step} path={[]} ctx={ctx} skip={skip} />
      ) : null}
      {step.kind === 'parallel' ? (
        <AddBranchButton doc={doc} step={step} lang={lang} exec={exec} />
      ) : null}
      <button
        type="button"
        className="zz-danger"
        onClick={() => exec([{ type: 'deleteStep', step: step.id }])}
      >
        {uiText('deleteStep', lang)}
      </button>
    </section>
  );
}

function RenameField(props: { step: DraftStep; lang: Lang; onRename(to: string): void }) {
  const id = 'zz-field-rename';
  return (
    <div className="zz-field">
      <label htmlFor={id}>{uiText('id', props.lang)}</label>
      <input
        id={id}
        key={props.step.id}
        defaultValue={props.step.id}
        onBlur={(e) => {
          if (e.target.value !== props.step.id) props.onRename(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
        }}
      />
    </div>
  );
}

function AddBranchButton(props: {
  doc: ScenarioDraft;
  step: DraftStep;
  lang: Lang;
  exec(commands: Command[]): void;
}) {
  const { doc, step } = props;
  const taken = new Set(doc.steps.map((s) => s.id));
  const branches = Array.isArray(step.branches) ? step.branches : [];
  const branch = freshId('branch', new Set(branches.map((b) => String((b as { id?: Json }).id))));
  const at = step.layout ?? { x: 0, y: 0 };
  const start: DraftStep = {
    ...newStep('task', freshId(`${step.id}-task`, taken)),
    layout: { x: at.x + 260, y: at.y + 140 * branches.length },
  };
  const refused = canAddBranch(doc, step.id, branch, start);
  return (
    <button
      type="button"
      disabled={refused.length > 0}
      title={refused.map((r) => pickText(r.message, props.lang)).join('; ') || undefined}
      onClick={() =>
        props.exec([{ type: 'addBranch', parallel: step.id, branch: { id: branch }, start }])
      }
    >
      {uiText('addBranch', props.lang)}
    </button>
  );
}

const docSkip = new Set(['format', 'steps', 'kpis', 'alertRouting']);
let docSchema: JsonSchema | undefined;

/** With no step selected: the document's own properties (name, triggers, fields, participants). */
function DocumentPanel(props: Omit<PropertyPanelProps, 'step'>) {
  const { doc, lang, org, run, onRefused } = props;
  const ctx = useMemo<FieldContext>(
    () => ({
      lang,
      org,
      dataFields: (doc.fields ?? []).map((f) => f.id),
      fields: doc.fields ?? [],
      targets: doc.steps.map((s) => s.id),
      join: false,
      transitions: new Map(),
      set: (path, value) => {
        const refused = run([setPropertyCommand(doc, path, value)]);
        if (refused.length > 0) onRefused(refused);
      },
      connect: () => {},
    }),
    [doc, lang, org, run, onRefused],
  );
  docSchema ??= scenarioJsonSchema() as JsonSchema;
  return (
    <section className="zz-properties" aria-label={uiText('properties', lang)} data-step="">
      <h2>
        {uiText('properties', lang)} · {uiText('scenario', lang)}
      </h2>
      <p className="zz-hint">{uiText('noSelection', lang)}</p>
      <ObjectFields schema={docSchema} value={doc} path={[]} ctx={ctx} skip={docSkip} />
    </section>
  );
}
