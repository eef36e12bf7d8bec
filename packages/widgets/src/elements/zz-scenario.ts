import type { AuditEntry, ScenarioRecord } from '@zhizhi/core';
import { label } from '@zhizhi/core/labels';
import type { Change } from '@zhizhi/core/runtime';
import type { Scenario } from '@zhizhi/core/scenario';
import { css, html, nothing, type PropertyValues } from 'lit';
import { defineElement } from '../defineElement.js';
import { zzEvent } from '../events.js';
import { translate } from '../i18n/translate.js';
import { ZzElement } from '../provider/ZzElement.js';
import type { ZzContext } from '../provider/zzContext.js';
import type { ZzScenarioStartedDetail, ZzTaskDoneDetail } from '../scenario/scenarioEvents.js';
import { scenarioEventMessages, scenarioMessages } from '../scenario/scenarioMessages.js';
import {
  fieldLabels,
  type ScenarioViewer,
  scenarioTasks,
  statusLabel,
  stepLabel,
  taskFormSchema,
} from '../scenario/scenarioTasks.js';
import { fieldsOf } from '../schemaForm/fieldsOf.js';
import { type FormValues, payloadOf } from '../schemaForm/payloadOf.js';
import { renderSchemaFields } from '../schemaForm/renderSchemaFields.js';
import { baseStyles } from '../theme/baseStyles.js';

/**
 * Runs a deployed scenario instance through the provider's `Client`: the steps it is in now
 * (labels from the scenario document, zh-CN or English), the tasks the viewer may do now — each
 * with a form built from the task's fields and one button per outcome — and the instance's audit
 * trail as a timeline, all kept live by the provider's feed. Given `scenario` without
 * `instance` it shows a start button (manual trigger, on `grid`).
 *
 * @element zz-scenario
 * @fires zz-scenario-started - {ZzScenarioStartedDetail} an instance was started here
 * @fires zz-task-done - {ZzTaskDoneDetail} the runtime accepted a task completion
 * @csspart title - the scenario's name
 * @csspart steps - the current steps
 * @csspart task - one task (a group with its form and outcome buttons)
 * @csspart timeline - the audit trail
 * @csspart fieldset - a group of inputs in a task's form
 *
 * @example
 * ```html
 * <zz-provider api="/api" member="qj-sj-c1-g1-worker">
 *   <zz-scenario instance="s-123" viewer-role="gridWorker"></zz-scenario>
 * </zz-provider>
 * ```
 */
export class ZzScenario extends ZzElement {
  static override messages = scenarioMessages;

  static override properties = {
    ...ZzElement.properties,
    scenario: { type: String, reflect: true },
    version: { type: String },
    instance: { type: String, reflect: true },
    grid: { type: String },
    viewerRole: { type: String, attribute: 'viewer-role' },
    viewerPost: { type: String, attribute: 'viewer-post' },
    viewerDepartment: { type: String, attribute: 'viewer-department' },
    doc: { attribute: false },
    record: { attribute: false },
    trail: { attribute: false },
    loading: { state: true, attribute: false },
    error: { state: true, attribute: false },
    missing: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  static override styles = [
    baseStyles,
    css`
      h2 { font-size: 1.25em; margin: 0; overflow-wrap: anywhere; }
      h3 { font-size: 1.05em; margin: 1em 0 0.3em; }
      ol { margin: 0; padding-inline-start: 1.5em; }
      li { margin-bottom: 0.3em; overflow-wrap: anywhere; }
      section.task {
        border: 1px solid var(--zz-color-border, #8c959f);
        border-radius: var(--zz-radius, 4px);
        padding: 0.3em 0.6em;
        margin-bottom: 0.4em;
      }
      form { display: grid; gap: 0.3em; }
      fieldset { display: grid; gap: 0.3em; border: 1px solid var(--zz-color-border, #8c959f); }
      .outcomes { display: flex; flex-wrap: wrap; gap: 0.4em; }
    `,
  ];

  /** The scenario (definition id) to start; also read from the instance when `instance` is given. */
  declare scenario: string | undefined;
  /** The definition version to start (default: the latest deployed). */
  declare version: string | undefined;
  /** The instance shown (set by the element after it starts one). */
  declare instance: string | undefined;
  /** The grid an instance started here runs on. */
  declare grid: string | undefined;
  /** The viewer's role (`viewer-role`): which tasks are offered (ARIA owns `role`). */
  declare viewerRole: string | undefined;
  /** The viewer's post (`viewer-post`). */
  declare viewerPost: string | undefined;
  /** The viewer's department (`viewer-department`). */
  declare viewerDepartment: string | undefined;
  /** The scenario document (from the client's definition). */
  declare doc: Scenario | undefined;
  /** The instance as last read. */
  declare record: ScenarioRecord | undefined;
  /** Its audit trail, oldest first. */
  declare trail: AuditEntry[];
  declare loading: boolean;
  declare error: string | undefined;
  /** The definition the client does not have (`id@version`), if it lacks it. */
  declare missing: { id: string; version: string } | undefined;
  declare protected notice: { text: string; error: boolean } | undefined;
  declare protected busy: boolean;

  /** What the viewer typed, per task step. */
  readonly #forms = new Map<string, FormValues>();
  #request = 0;
  #stopLive: (() => void) | undefined;

  constructor() {
    super();
    this.trail = [];
    this.loading = false;
    this.busy = false;
  }

  /**
   * The definition the client lacks, before it is reported as missing: a subclass may deploy
   * it (see `defineScenarioElement`) and return true to read again.
   */
  protected async definitionMissing(_id: string, _version: string | undefined): Promise<boolean> {
    return false;
  }

  /** Reads the definition, the instance and its trail again. */
  async reload(): Promise<void> {
    const client = this.client;
    if (!client || (!this.instance && !this.scenario)) return;
    const request = ++this.#request;
    this.loading = true;
    this.error = undefined;
    try {
      await this.feedReady();
      let record: ScenarioRecord | undefined;
      let trail: AuditEntry[] = [];
      if (this.instance) {
        [record, trail] = await Promise.all([
          client.getInstance(this.instance),
          client.audit(this.instance),
        ]);
        if (request !== this.#request) return;
        if (!record) {
          this.record = undefined;
          this.trail = [];
          this.error = this.t('instanceNotFound', { id: this.instance });
          return;
        }
      }
      const id = record?.scenario.id ?? (this.scenario as string);
      const version = record?.scenario.version ?? this.version;
      let def = await client.definition(id, version);
      if (!def && (await this.definitionMissing(id, version)))
        def = await client.definition(id, version);
      if (request !== this.#request) return;
      this.missing = def ? undefined : { id, version: version ?? '—' };
      this.doc = def ? (def.doc as Scenario) : undefined;
      this.record = record;
      this.trail = trail;
    } catch (e) {
      if (request === this.#request) this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  protected override feedResynced(): void {
    void this.reload();
  }

  protected override contextChanged(previous: ZzContext | undefined): void {
    if (!this.#stopLive) this.#follow();
    if (previous?.client !== this.client || previous?.member !== this.member) void this.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hasUpdated && (changed.has('instance') || changed.has('scenario'))) {
      if (changed.has('instance')) {
        this.#forms.clear();
        this.record = undefined;
        this.#follow();
      }
      void this.reload();
    }
  }

  #follow(): void {
    this.#stopLive?.();
    this.#stopLive = this.instance
      ? this.live({ instanceId: this.instance }, (c) => this.#onChange(c))
      : undefined;
  }

  #onChange(change: Change): void {
    if (this.busy) return;
    if (this.record && change.version <= this.record.version) return;
    void this.reload();
  }

  #viewer(): ScenarioViewer {
    return { role: this.viewerRole, post: this.viewerPost, department: this.viewerDepartment };
  }

  #values(step: string): FormValues {
    let v = this.#forms.get(step);
    if (!v) {
      v = new Map();
      this.#forms.set(step, v);
    }
    return v;
  }

  async #start(): Promise<void> {
    const client = this.client;
    const doc = this.doc;
    const by = this.member;
    if (!client || !doc || !by || !this.grid || this.busy) return;
    const trigger = doc.triggers.find((t) => t.kind === 'manual')?.id ?? 'manual';
    this.busy = true;
    this.notice = { text: this.t('sending'), error: false };
    try {
      const r = await client.start({
        scenario: doc.id,
        version: doc.version,
        trigger,
        by,
        gridId: this.grid,
      });
      if (!r.ok) {
        const m = r.error.message;
        this.notice = {
          text: this.t('refused', { reason: this.uiLang === 'en' ? m.en : m.zh }),
          error: true,
        };
        return;
      }
      this.notice = { text: this.t('started', { id: r.record.id }), error: false };
      const detail: ZzScenarioStartedDetail = {
        scenario: doc.id,
        instanceId: r.record.id,
        record: r.record,
      };
      this.instance = r.record.id;
      this.dispatchEvent(zzEvent('zz-scenario-started', detail));
    } finally {
      this.busy = false;
    }
  }

  async #complete(e: Event, step: string, outcome: string): Promise<void> {
    e.preventDefault();
    const form = (e.target as HTMLElement).closest('form');
    if (form && !form.reportValidity()) return;
    const client = this.client;
    const record = this.record;
    const doc = this.doc;
    const by = this.member;
    const task = doc?.steps.find((s) => s.id === step);
    if (!client || !record || !doc || !by || !task || task.kind !== 'task' || this.busy) return;
    const data = payloadOf(fieldsOf(taskFormSchema(doc, task)), this.#values(step));
    this.busy = true;
    this.notice = { text: this.t('sending'), error: false };
    try {
      const command = { type: 'TASK_COMPLETE', by, step, outcome, data };
      const r = await client.command(record.id, command, { expectedVersion: record.version });
      const lang = this.uiLang;
      if (r.ok) {
        this.#forms.delete(step);
        this.notice = { text: this.t('sent', { step: stepLabel(doc, step, lang) }), error: false };
        const detail: ZzTaskDoneDetail = { instanceId: record.id, step, outcome, record: r.record };
        this.dispatchEvent(zzEvent('zz-task-done', detail));
      } else {
        const m = r.error.message;
        this.notice = {
          text: this.t('refused', { reason: lang === 'en' ? m.en : m.zh }),
          error: true,
        };
      }
    } finally {
      this.busy = false;
    }
    await this.reload();
  }

  override render() {
    if (!this.client) return html`<p class="muted" role="status">${this.t('noProvider')}</p>`;
    if (!this.instance && !this.scenario)
      return html`<p class="muted" role="status">${this.t('noScenario')}</p>`;
    if (this.error)
      return html`<p class="error" role="alert">${this.t('error', { reason: this.error })}</p>`;
    if (this.missing)
      return html`<p class="error" role="alert">${this.t('notDeployed', this.missing)}</p>`;
    const doc = this.doc;
    if (!doc || (this.instance && !this.record))
      return html`<p class="muted" role="status">${this.t('loading')}</p>`;
    const lang = this.uiLang;
    const name = lang === 'en' ? doc.name.en : doc.name.zh;
    return html`<article aria-labelledby="title" lang=${lang}>
      <h2 id="title" part="title">${name}</h2>
      ${this.record ? this.#renderInstance(doc, this.record) : this.#renderStart()}
      <p role="status" class=${this.notice?.error ? 'error' : 'muted'}>${this.notice?.text ?? ''}</p>
    </article>`;
  }

  #renderStart() {
    if (!this.member) return html`<p class="muted">${this.t('noMember')}</p>`;
    if (!this.grid) return html`<p class="muted">${this.t('noGrid')}</p>`;
    return html`<button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.#start()}>
      ${this.t('start')}
    </button>`;
  }

  #renderInstance(doc: Scenario, r: ScenarioRecord) {
    const lang = this.uiLang;
    const outcome = r.context.outcome;
    const tasks = outcome === null ? scenarioTasks(doc, r.status, this.#viewer()) : [];
    return html`<p class="muted">${r.id} · v${r.version}</p>
      <h3 id="steps">${this.t('steps')}</h3>
      <p part="steps" aria-labelledby="steps">
        ${
          outcome !== null
            ? this.t('ended', { outcome: `${statusLabel(doc, r.status, lang)} (${outcome})` })
            : statusLabel(doc, r.status, lang) || this.t('noSteps')
        }
      </p>
      <h3 id="tasks">${this.t('tasks')}</h3>
      ${
        !this.member
          ? html`<p class="muted">${this.t('noMember')}</p>`
          : tasks.length === 0
            ? html`<p class="muted">${this.t('noTasks')}</p>`
            : tasks.map((s) => this.#renderTask(doc, s))
      }
      <h3 id="timeline">${this.t('timeline')}</h3>
      <ol part="timeline" aria-labelledby="timeline">
        ${this.trail.map((e) => this.#renderEntry(doc, e))}
      </ol>`;
  }

  #renderTask(doc: Scenario, s: Extract<Scenario['steps'][number], { kind: 'task' }>) {
    const lang = this.uiLang;
    const id = `task-${s.id}`;
    const fields = fieldsOf(taskFormSchema(doc, s));
    return html`<section class="task" part="task" data-step=${s.id} aria-labelledby=${id}>
      <h4 id=${id}>${stepLabel(doc, s.id, lang)}</h4>
      <form @submit=${(e: Event) => e.preventDefault()}>
        ${renderSchemaFields(fields, {
          lang,
          values: this.#values(s.id),
          idPrefix: s.id,
          changed: () => this.requestUpdate(),
          labels: fieldLabels(doc),
        })}
        <div class="outcomes" role="group" aria-label=${this.t('outcome')}>
          ${s.outcomes.map(
            (
              o,
            ) => html`<button type="submit" class="primary" data-outcome=${o.id} ?disabled=${this.busy}
              @click=${(e: Event) => this.#complete(e, s.id, o.id)}>
              ${o.label ? (lang === 'en' ? o.label.en : o.label.zh) : this.t('submit')}
            </button>`,
          )}
        </div>
      </form>
    </section>`;
  }

  #renderEntry(doc: Scenario, e: AuditEntry) {
    const lang = this.uiLang;
    const who = this.t('by', { who: e.actorId, role: label('role', e.role, lang) });
    const move =
      e.from === null
        ? statusLabel(doc, e.to, lang)
        : `${statusLabel(doc, e.from, lang)} → ${statusLabel(doc, e.to, lang)}`;
    return html`<li>
      <time datetime=${new Date(e.at).toISOString()}>${new Date(e.at).toLocaleString(lang)}</time>
      <strong>${translate(scenarioEventMessages, e.event, lang)}</strong> · ${who} · ${move}
      ${e.note ? html`<div>${e.note}</div>` : nothing}
    </li>`;
  }
}

defineElement('zz-scenario', ZzScenario);

declare global {
  interface HTMLElementTagNameMap {
    'zz-scenario': ZzScenario;
  }
}
