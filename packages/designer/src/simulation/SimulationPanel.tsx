import { isDuration, type Lang, type Org, parseDuration, pickText } from '@zhizhi/core';
import { sampleOrg } from '@zhizhi/core/sample';
import type { Scenario } from '@zhizhi/core/scenario';
import { fieldLabels, taskFormSchema } from '@zhizhi/widgets/scenario';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type EventLine, generateTestPaths, type Json, type TestPath } from '../model/index.js';
import type { JsonSchema } from '../panels/stepJsonSchema.js';
import { memberGroups } from './memberGroups.js';
import { SimForm } from './SimForm.js';
import {
  createSimulation,
  type SimulatedCaseAction,
  type SimulatedTask,
  type Simulation,
  type SimulationState,
} from './Simulation.js';
import { simText } from './simText.js';
import { Timeline } from './Timeline.js';

/** Props of {@link SimulationPanel}. */
export interface SimulationPanelProps {
  /** A checked scenario document (no errors). */
  doc: Scenario;
  org?: Org;
  lang: Lang;
  /** Hears the steps active in the simulated instance after every move (the canvas highlights them). */
  onActive(steps: ReadonlySet<string>): void;
  /** Where a saved run goes (default: a download of `<id>.run.events.jsonl`). */
  onSaveRun(text: string): void;
}

type Step = Scenario['steps'][number];
type TaskStep = Extract<Step, { kind: 'task' }>;
const SPANS = [
  ['plus5m', 'PT5M'],
  ['plus1h', 'PT1H'],
  ['plus1d', 'P1D'],
] as const;

function fresh(doc: Scenario, org: Org | undefined): Simulation | null {
  const made = createSimulation(doc, org ? { org } : {});
  return made.ok ? made.simulation : null;
}

/**
 * The designer's simulation: the document on the real runtime (a `LocalClient` over a
 * `MemoryStore` with a simulated clock), a clock that jumps to the next deadline or by a span
 * (timers fire at their own times), a role switch over the org's members showing what each may
 * do (tasks with their forms, commands on dispatched cases), sensor readings by level, the
 * timeline of audit entries, the generated test paths (click to play one), and "save run" as
 * an events file for `zhizhi simulate`.
 *
 * @example
 * ```tsx
 * import { SimulationPanel } from '@zhizhi/designer';
 * <SimulationPanel doc={doc} lang="zh-CN" onActive={setActive} onSaveRun={(text) => save(text)} />;
 * ```
 */
export function SimulationPanel(props: SimulationPanelProps) {
  const { doc, lang, onActive } = props;
  const org = props.org ?? sampleOrg;
  const t = (key: Parameters<typeof simText>[0]) => simText(key, lang);
  const [sim, setSim] = useState<Simulation | null>(() => fresh(doc, props.org));
  const [state, setState] = useState<SimulationState | null>(null);
  const groups = useMemo(() => memberGroups(org), [org]);
  const grids = useMemo(() => org.units.filter((u) => u.level === 'grid'), [org]);
  const manual = doc.triggers.filter((x) => x.kind === 'manual');
  const sensors = doc.triggers.filter((x) => x.kind === 'sensor');
  const [member, setMember] = useState(
    () => org.members.find((m) => m.role === 'dutyOfficer')?.id ?? org.members[0]?.id ?? '',
  );
  const [grid, setGrid] = useState(grids[0]?.id ?? '');
  const [trigger, setTrigger] = useState(manual[0]?.id ?? '');
  const [startData, setStartData] = useState<Record<string, Json>>({});
  const [forms, setForms] = useState<Record<string, Record<string, Json>>>({});
  const [tasks, setTasks] = useState<SimulatedTask[]>([]);
  const [caseActions, setCaseActions] = useState<SimulatedCaseAction[]>([]);
  const [message, setMessage] = useState('');
  const [span, setSpan] = useState('');
  const [readingType, setReadingType] = useState('');
  const [level, setLevel] = useState<1 | 2 | 3>(1);
  const busy = useRef(false);
  const [, setBusyShown] = useState(false);
  const paths = useMemo(() => generateTestPaths(doc, { org }), [doc, org]);
  const labels = useMemo(() => fieldLabels(doc), [doc]);
  const readingTypes = sensors.flatMap((s) =>
    s.kind === 'sensor' ? ((s.match as { types?: string[] }).types ?? []) : [],
  );

  // a new document (an edit while simulating) starts a fresh simulation
  useEffect(() => {
    setSim(fresh(doc, props.org));
    setForms({});
  }, [doc, props.org]);

  const refresh = useCallback(
    async (s: Simulation | null) => {
      if (!s) return;
      const next = await s.state();
      setState(next);
      setTasks(await s.tasksFor(member));
      setCaseActions(await s.caseActionsFor(member));
      onActive(new Set(next.active));
    },
    [member, onActive],
  );
  useEffect(() => {
    void refresh(sim);
  }, [sim, refresh]);
  useEffect(() => () => onActive(new Set()), [onActive]);

  /** Runs one move at a time, then shows the new state (a refusal in the status line). */
  const act = async (move: (s: Simulation) => Promise<string | undefined>) => {
    if (!sim || busy.current) return;
    busy.current = true;
    setBusyShown(true);
    try {
      setMessage((await move(sim)) ?? '');
      await refresh(sim);
    } finally {
      busy.current = false;
      setBusyShown(false);
    }
  };
  const why = (r: Awaited<ReturnType<Simulation['apply']>>) =>
    r.ok ? undefined : `${t('refused')}: ${pickText(r.error.message, lang)}`;
  const apply = (line: EventLine) => act(async (s) => why(await s.apply(line)));
  const advanceBy = (iso: string) =>
    act(async (s) => {
      await s.advance(parseDuration(iso));
      return undefined;
    });
  const play = (path: TestPath) => {
    const s = fresh(doc, props.org);
    if (!s) return;
    setSim(s);
    setForms({});
    void (async () => {
      busy.current = true;
      try {
        for (const line of path.lines) {
          const r = await s.apply(line);
          if (!r.ok) {
            setMessage(why(r) ?? '');
            break;
          }
          setMessage(`${t('played')}: ${path.name}`);
        }
        await refresh(s);
      } finally {
        busy.current = false;
      }
    })();
  };
  const restart = () => {
    setSim(fresh(doc, props.org));
    setForms({});
    setMessage('');
  };
  const time = (ms: number) =>
    new Date(ms).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: 'Asia/Shanghai',
      dateStyle: 'short',
      timeStyle: 'medium',
    });
  const stepName = (id: string) => {
    const s = doc.steps.find((x) => x.id === id) as
      | { label?: { zh: string; en: string } }
      | undefined;
    return s?.label ? (lang === 'en' ? s.label.en : s.label.zh) : id;
  };
  const outcomeName = (step: TaskStep, id: string) => {
    const o = step.outcomes.find((x) => x.id === id);
    return o?.label ? (lang === 'en' ? o.label.en : o.label.zh) : id;
  };
  const started = state?.instanceId !== undefined;
  const startSchema: JsonSchema = useMemo(() => {
    const required = doc.fields.filter((f) => f.required).map((f) => f.id);
    const all = taskFormSchema(doc, {
      kind: 'task',
      id: '@start',
      assignee: { role: 'dutyOfficer' },
      outcomes: [],
      form: doc.fields.map((f) => f.id),
    } as unknown as TaskStep) as JsonSchema;
    return { ...all, required };
  }, [doc]);

  if (!sim) return null;
  return (
    <section className="zz-sim" aria-label={t('simulation')}>
      <h2>{t('simulation')}</h2>
      <div className="zz-sim__clock">
        <div>
          {t('clock')}: <output data-testid="sim-clock">{state ? time(state.now) : ''}</output>
        </div>
        <div>
          {t('nextDeadline')}:{' '}
          <output data-testid="sim-next">
            {state?.nextDeadline === undefined ? t('none') : time(state.nextDeadline)}
          </output>
        </div>
        <div className="zz-sim__buttons">
          <button
            type="button"
            data-testid="sim-next-deadline"
            disabled={state?.nextDeadline === undefined}
            onClick={() =>
              act(async (s) => {
                await s.toNextDeadline();
                return undefined;
              })
            }
          >
            {t('toNextDeadline')}
          </button>
          {SPANS.map(([key, iso]) => (
            <button key={key} type="button" onClick={() => advanceBy(iso)}>
              {t(key)}
            </button>
          ))}
        </div>
        <div className="zz-sim__span">
          <input
            aria-label={t('span')}
            placeholder="PT2H"
            value={span}
            onChange={(e) => setSpan(e.target.value.trim())}
          />
          <button
            type="button"
            onClick={() => (isDuration(span) ? advanceBy(span) : setMessage(t('badSpan')))}
          >
            {t('advance')}
          </button>
        </div>
      </div>

      <div className="zz-field">
        <label htmlFor="zz-sim-member">{t('member')}</label>
        <select id="zz-sim-member" value={member} onChange={(e) => setMember(e.target.value)}>
          {groups.map((g) => (
            <optgroup key={g.group} label={t(g.group)}>
              {g.members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} · {m.id}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>

      {!started ? (
        <fieldset className="zz-sim__start">
          <legend>{t('start')}</legend>
          {manual.length > 0 ? (
            <>
              <div className="zz-field">
                <label htmlFor="zz-sim-trigger">{t('trigger')}</label>
                <select
                  id="zz-sim-trigger"
                  value={trigger}
                  onChange={(e) => setTrigger(e.target.value)}
                >
                  {manual.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.id}
                    </option>
                  ))}
                </select>
              </div>
              <div className="zz-field">
                <label htmlFor="zz-sim-grid">{t('grid')}</label>
                <select id="zz-sim-grid" value={grid} onChange={(e) => setGrid(e.target.value)}>
                  {grids.map((g) => (
                    <option key={g.id} value={g.id}>
                      {lang === 'en' ? g.name.en : g.name.zh} · {g.id}
                    </option>
                  ))}
                </select>
              </div>
              <SimForm
                schema={startSchema}
                labels={labels}
                values={startData}
                onChange={setStartData}
                idPrefix="sim-start"
                lang={lang}
                org={props.org}
              />
              <button
                type="button"
                data-testid="sim-start"
                onClick={() =>
                  apply({ type: 'START', actor: member, trigger, gridId: grid, data: startData })
                }
              >
                {t('start')}
              </button>
            </>
          ) : null}
        </fieldset>
      ) : null}

      {sensors.length > 0 ? (
        <fieldset className="zz-sim__reading">
          <legend>{t('reading')}</legend>
          <div className="zz-field">
            <label htmlFor="zz-sim-reading-type">{t('readingType')}</label>
            <select
              id="zz-sim-reading-type"
              value={readingType || readingTypes[0] || ''}
              onChange={(e) => setReadingType(e.target.value)}
            >
              {readingTypes.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          </div>
          <div className="zz-field">
            <label htmlFor="zz-sim-level">{t('level')}</label>
            <select
              id="zz-sim-level"
              value={level}
              onChange={(e) => setLevel(Number(e.target.value) as 1 | 2 | 3)}
            >
              {[1, 2, 3].map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            onClick={() =>
              act(async (s) => {
                const type = readingType || readingTypes[0] || 'alarm';
                const r = await s.inject({ type, level, gridId: grid });
                return r.started
                  ? t('readingStarted')
                  : r.accepted > 0
                    ? t('readingAccepted')
                    : t('readingRefused');
              })
            }
          >
            {t('inject')}
          </button>
        </fieldset>
      ) : null}

      <div className="zz-sim__now" data-testid="sim-status">
        {t('status')}:{' '}
        {!started
          ? t('notStarted')
          : state?.outcome
            ? `${t('ended')} (${state.outcome})`
            : (state?.active ?? []).map(stepName).join('、')}
      </div>

      <div className="zz-sim__tasks">
        <h3>{t('tasks')}</h3>
        {started && tasks.length === 0 && caseActions.length === 0 ? <p>{t('noTasks')}</p> : null}
        {tasks.map((task) => {
          const step = doc.steps.find((s) => s.id === task.step) as TaskStep;
          const values = forms[task.step] ?? {};
          return (
            <fieldset key={task.step} className="zz-sim__task" data-task={task.step}>
              <legend>{stepName(task.step)}</legend>
              <SimForm
                schema={taskFormSchema(doc, step) as JsonSchema}
                labels={labels}
                values={values}
                onChange={(v) => setForms({ ...forms, [task.step]: v })}
                idPrefix={`sim-${task.step}`}
                lang={lang}
                org={props.org}
              />
              <div className="zz-sim__buttons">
                {task.outcomes.map((o) => (
                  <button
                    key={o}
                    type="button"
                    data-outcome={o}
                    onClick={() =>
                      apply({
                        type: 'TASK_COMPLETE',
                        actor: member,
                        step: task.step,
                        outcome: o,
                        ...(Object.keys(values).length > 0 ? { data: values } : {}),
                      })
                    }
                  >
                    {t('complete')}: {outcomeName(step, o)}
                  </button>
                ))}
              </div>
            </fieldset>
          );
        })}
        {caseActions.length > 0 ? (
          <fieldset className="zz-sim__buttons">
            <legend>{t('caseActions')}</legend>
            {caseActions.map((a) => (
              <button
                key={`${a.step}|${a.type}`}
                type="button"
                onClick={() => apply({ case: a.step, type: a.type, actor: member })}
              >
                {stepName(a.step)} · {a.type}
              </button>
            ))}
          </fieldset>
        ) : null}
      </div>

      <p className="zz-sim__message" role="status">
        {message}
      </p>

      <Timeline entries={state?.timeline ?? []} doc={doc} org={org} lang={lang} time={time} />

      <div className="zz-sim__paths">
        <h3>{t('paths')}</h3>
        <ol className="zz-sim__list">
          {paths.paths.map((p, i) => (
            <li key={p.name}>
              <button type="button" data-path={p.name} onClick={() => play(p)}>
                {t('path')} {i + 1}: {p.reaches.map(stepName).join(' → ')}
                {p.timeouts.length > 0
                  ? ` (${t('timeouts')}: ${p.timeouts.map(stepName).join('、')})`
                  : ''}
              </button>
            </li>
          ))}
        </ol>
        {paths.unreached.length > 0 ? (
          <p>
            {t('unreached')}: {paths.unreached.map(stepName).join('、')}
          </p>
        ) : null}
      </div>

      <div className="zz-sim__buttons">
        <button type="button" onClick={restart}>
          {t('restart')}
        </button>
        <button
          type="button"
          data-testid="sim-save"
          disabled={!sim.replayable}
          title={sim.replayable ? undefined : t('saveBlocked')}
          onClick={() => props.onSaveRun(sim.eventsFile())}
        >
          {t('saveRun')}
        </button>
      </div>
    </section>
  );
}
