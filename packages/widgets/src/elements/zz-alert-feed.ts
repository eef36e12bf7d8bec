import type { LocalizedText, ScenarioRecord } from '@zhizhi/core';
import type { Change } from '@zhizhi/core/runtime';
import { css, html, nothing, type PropertyValues } from 'lit';
import { defineElement } from '../defineElement.js';
import { zzEvent } from '../events.js';
import { ZzElement } from '../provider/ZzElement.js';
import type { ZzContext } from '../provider/zzContext.js';
import { baseStyles } from '../theme/baseStyles.js';
import { type AlertItem, alertLevelOf } from './zz-alert-feed/AlertItem.js';
import type { ZzAlertAcknowledgedDetail } from './zz-alert-feed/alertFeedEvents.js';
import { alertFeedMessages } from './zz-alert-feed/alertFeedMessages.js';

/** Pages of instances read at most (200 each). */
const MAX_READS = 10;

type ScenarioDoc = {
  name?: LocalizedText;
  steps?: { id: string; label?: LocalizedText }[];
};

/**
 * Live sensor alerts (预警), level 1 (most severe) to 3: the scenario instances sensor alerts
 * started (e.g. `electrical-fire`), newest first, kept up to date from the provider's live
 * feed. Level 1 is unmistakable — a red card with a ⚠ icon **and** the words "一级预警（最高）"
 * (never colour alone) — and a level-1 alert that arrives while the page is open is announced
 * in a `role="alert"` region. **Acknowledge**: when the viewer may sign for (签收) a case the
 * alert's dispatch opened, the button sends `ACKNOWLEDGE` to it; otherwise "知道了" marks the
 * alert seen in this browser.
 *
 * @element zz-alert-feed
 * @fires zz-alert-acknowledged - {ZzAlertAcknowledgedDetail} the viewer acknowledged an alert
 * @csspart title - the heading
 * @csspart alert - one alert (with `level-1`, `level-2` or `level-3`)
 * @csspart announce - the `role="alert"` announcement of a new level-1 alert
 * @cssprop --zz-color-level1 - level-1 card colour (#b42318)
 * @cssprop --zz-color-level2 - level-2 card colour (#b54708)
 * @cssprop --zz-color-level3 - level-3 card colour (#8a6d00)
 *
 * @example
 * ```html
 * <zz-provider api="/api" member="qj-sj-xfgl-staff">
 *   <zz-alert-feed town="qj-sj"></zz-alert-feed>
 * </zz-provider>
 * ```
 */
export class ZzAlertFeed extends ZzElement {
  static override messages = alertFeedMessages;

  static override properties = {
    ...ZzElement.properties,
    town: { type: String, reflect: true },
    includeClosed: { type: Boolean, attribute: 'include-closed' },
    alerts: { attribute: false },
    loading: { state: true, attribute: false },
    error: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    problems: { state: true, attribute: false },
  };

  static override styles = [
    baseStyles,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5em;
      }
      li {
        border: 2px solid var(--zz-level-color);
        border-inline-start-width: 0.6em;
        border-radius: var(--zz-radius, 4px);
        padding: 0.4em 0.6em;
        display: grid;
        gap: 0.2em;
      }
      li.level-1 {
        --zz-level-color: var(--zz-color-level1, #b42318);
        background: var(--zz-color-level1-bg, #fef3f2);
      }
      li.level-2 {
        --zz-level-color: var(--zz-color-level2, #b54708);
        background: var(--zz-color-level2-bg, #fffaeb);
      }
      li.level-3 {
        --zz-level-color: var(--zz-color-level3, #8a6d00);
        background: var(--zz-color-level3-bg, #fefbe8);
      }
      li.done {
        border-style: dashed;
      }
      .badge {
        font-weight: 700;
        color: var(--zz-level-color);
      }
      li.level-1 .badge {
        font-size: 1.15em;
      }
      .name {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        align-items: center;
      }
      .announce {
        border: 3px solid var(--zz-color-level1, #b42318);
        color: var(--zz-color-level1, #b42318);
        font-weight: 700;
        padding: 0.4em 0.6em;
        margin-bottom: 0.5em;
      }
      .announce:empty {
        display: none;
      }
    `,
  ];

  /** Town id (default: every town the viewer may see). */
  declare town: string | undefined;
  /** Also show alerts whose scenario has ended. */
  declare includeClosed: boolean;
  /** The alerts shown, newest first. */
  declare alerts: AlertItem[];
  /** Whether alerts are being read. */
  declare loading: boolean;
  /** Why the last read failed, if it did. */
  declare error: string | undefined;
  declare protected announcement: string;
  declare protected problems: Record<string, string>;

  readonly #docs = new Map<string, Promise<ScenarioDoc | undefined>>();
  /** The definitions already read, by `id@version`. */
  readonly #resolved = new Map<string, ScenarioDoc | undefined>();
  #loadedOnce = false;
  #request = 0;
  #stopLive: (() => void) | undefined;
  #reloadTimer: ReturnType<typeof setTimeout> | undefined;
  #known = new Set<string>();

  constructor() {
    super();
    this.includeClosed = false;
    this.alerts = [];
    this.loading = false;
    this.announcement = '';
    this.problems = {};
  }

  /** Reads the alerts again. */
  async reload(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const request = ++this.#request;
    this.loading = true;
    this.error = undefined;
    try {
      const records: ScenarioRecord[] = [];
      let cursor: string | null | undefined;
      for (let reads = 0; reads < MAX_READS; reads++) {
        const page = await client.listInstances({
          ...(this.town ? { townId: this.town } : {}),
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
        records.push(...page.items);
        cursor = page.cursor;
        if (cursor === null) break;
      }
      const alerts = records.filter(
        (r) => alertLevelOf(r) !== undefined && (this.includeClosed || r.context.outcome === null),
      );
      const items = await Promise.all(alerts.map((r) => this.#item(r)));
      if (request !== this.#request) return;
      items.sort((a, b) => b.record.context.startedAt - a.record.context.startedAt);
      const isFirst = !this.#loadedOnce;
      this.#loadedOnce = true;
      const fresh = items.filter((a) => !this.#known.has(a.record.id));
      for (const a of items) this.#known.add(a.record.id);
      this.alerts = items;
      const newL1 = fresh.filter((a) => a.level === 1 && !a.acknowledged);
      if (!isFirst && newL1.length > 0) {
        this.announcement = newL1
          .map((a) =>
            this.t('newLevel1', {
              name: this.#name(a),
              location: a.location ?? this.t('unknownPlace'),
            }),
          )
          .join(' ');
      }
    } catch (e) {
      if (request !== this.#request) return;
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  protected override contextChanged(previous: ZzContext | undefined): void {
    if (!this.#stopLive) this.#follow();
    if (previous?.client !== this.client || previous?.member !== this.member) void this.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hasUpdated && (changed.has('town') || changed.has('includeClosed'))) {
      if (changed.has('town')) this.#follow();
      void this.reload();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#reloadTimer);
  }

  #follow(): void {
    this.#stopLive?.();
    this.#stopLive = this.live(this.town ? { townId: this.town } : undefined, (c) =>
      this.#onChange(c),
    );
  }

  #onChange(change: Change): void {
    // a new or moved alert instance, or a case one of them opened
    const relevant =
      change.kind === 'scenario' || this.alerts.some((a) => a.caseIds.includes(change.instanceId));
    if (!relevant) return;
    clearTimeout(this.#reloadTimer);
    this.#reloadTimer = setTimeout(() => void this.reload(), 30);
  }

  async #item(record: ScenarioRecord): Promise<AlertItem> {
    const client = this.client;
    const member = this.member;
    const caseIds = Object.values(record.context.cases);
    const doc = await this.#doc(record);
    const cases = client ? await Promise.all(caseIds.map((id) => client.getCase(id))) : [];
    const ackable: string[] = [];
    if (client && member) {
      for (const c of cases) {
        if (c?.status !== 'assigned') continue;
        const actions = await client.actions(c.id, member);
        if (actions.some((a) => a.type === 'ACKNOWLEDGE')) ackable.push(c.id);
      }
    }
    const signed = cases.some(
      (c) => c !== undefined && c.status !== 'assigned' && c.context.dispatchedAt !== null,
    );
    const data = record.context.data;
    return {
      record,
      level: alertLevelOf(record) ?? 3,
      type: typeof data.alarmType === 'string' ? data.alarmType : '',
      location: typeof data.location === 'string' ? data.location : undefined,
      name: doc?.name,
      caseIds,
      ackable,
      acknowledged: signed || this.#seen().has(record.id),
    };
  }

  #doc(record: ScenarioRecord): Promise<ScenarioDoc | undefined> {
    const key = `${record.scenario.id}@${record.scenario.version}`;
    let doc = this.#docs.get(key);
    if (!doc) {
      const client = this.client;
      doc = client
        ? client
            .definition(record.scenario.id, record.scenario.version)
            .then((d) => d?.doc as ScenarioDoc | undefined)
            .catch(() => undefined)
            .then((d) => {
              this.#resolved.set(key, d);
              return d;
            })
        : Promise.resolve(undefined);
      this.#docs.set(key, doc);
    }
    return doc;
  }

  #name(a: AlertItem): string {
    const n = a.name;
    return n ? (this.uiLang === 'en' ? n.en : n.zh) : a.record.scenario.id;
  }

  #stepLabel(a: AlertItem, doc: ScenarioDoc | undefined): string {
    const step = doc?.steps?.find((s) => s.id === a.record.status);
    if (!step?.label) return a.record.status;
    return this.uiLang === 'en' ? step.label.en : step.label.zh;
  }

  #seenKey(): string {
    return `zz-alert-seen:${this.member ?? ''}`;
  }

  #seen(): Set<string> {
    try {
      const raw = localStorage.getItem(this.#seenKey());
      const list = raw ? (JSON.parse(raw) as unknown) : [];
      return new Set(Array.isArray(list) ? list.filter((x) => typeof x === 'string') : []);
    } catch {
      return new Set();
    }
  }

  async #acknowledge(a: AlertItem, caseId: string | undefined): Promise<void> {
    const client = this.client;
    const member = this.member;
    if (!client) return;
    const { [a.record.id]: _, ...rest } = this.problems;
    this.problems = rest;
    if (caseId && member) {
      const current = await client.getCase(caseId);
      const r = await client.send(
        caseId,
        { type: 'ACKNOWLEDGE', by: member },
        current ? { expectedVersion: current.version } : {},
      );
      if (!r.ok) {
        const reason = this.uiLang === 'en' ? r.error.message.en : r.error.message.zh;
        this.problems = { ...this.problems, [a.record.id]: this.t('refused', { reason }) };
        return;
      }
    } else {
      const seen = this.#seen();
      seen.add(a.record.id);
      try {
        localStorage.setItem(this.#seenKey(), JSON.stringify([...seen].slice(-500)));
      } catch {
        // storage full or blocked: the alert is seen for this page only
      }
      this.alerts = this.alerts.map((x) => (x === a ? { ...x, acknowledged: true } : x));
    }
    if (a.level === 1) this.announcement = '';
    const detail: ZzAlertAcknowledgedDetail = {
      instanceId: a.record.id,
      level: a.level,
      caseId,
    };
    this.dispatchEvent(zzEvent('zz-alert-acknowledged', detail));
    await this.reload();
  }

  #levelText(level: 1 | 2 | 3): string {
    return this.t(`level${level}`);
  }

  override render() {
    if (!this.client) return html`<p class="muted" role="status">${this.t('noProvider')}</p>`;
    const lang = this.uiLang;
    const open1 = this.alerts.filter((a) => a.level === 1 && !a.acknowledged).length;
    return html`
      <section aria-labelledby="title" lang=${lang}>
        <h2 id="title" part="title">${this.t('title')}</h2>
        <div class="announce" role="alert" part="announce">${this.announcement}</div>
        <p role="status" class=${this.error ? 'error' : 'muted'}>
          ${
            this.error
              ? this.t('error', { reason: this.error })
              : this.loading && this.alerts.length === 0
                ? this.t('loading')
                : this.alerts.length === 0
                  ? this.t('empty')
                  : this.t('count', { n: this.alerts.length, l1: open1 })
          }
        </p>
        <ul>
          ${this.alerts.map((a) => this.#renderAlert(a, lang))}
        </ul>
      </section>
    `;
  }

  #renderAlert(a: AlertItem, lang: 'zh-CN' | 'en') {
    const name = this.#name(a);
    const started = new Date(a.record.context.startedAt).toLocaleString(lang, {
      dateStyle: 'short',
      timeStyle: 'short',
    });
    const closed = a.record.context.outcome;
    return html`<li
      class="level-${a.level} ${a.acknowledged || closed ? 'done' : ''}"
      part="alert level-${a.level}"
      data-id=${a.record.id}
    >
      <span class="badge"><span aria-hidden="true">${a.level === 1 ? '⚠⚠ ' : a.level === 2 ? '⚠ ' : '△ '}</span>${this.#levelText(a.level)}</span>
      <span class="name">${name}</span>
      <span>${this.t('type')}：${a.type} · ${this.t('where')}：${a.location ?? this.t('unknownPlace')}</span>
      <span class="muted">${this.t('raised', { time: started })} · ${this.t('step', { step: this.#stepLabelSync(a) })}</span>
      <div class="actions">
        ${
          closed
            ? html`<span class="muted">${this.t('closed', { outcome: closed })}</span>`
            : a.ackable.length > 0
              ? a.ackable.map(
                  (caseId) =>
                    html`<button type="button" class="primary" aria-label=${this.t('acknowledgeCase', { name })} @click=${() => this.#acknowledge(a, caseId)}>${this.t('acknowledge')}</button>`,
                )
              : a.acknowledged
                ? html`<span>✓ ${a.caseIds.length > 0 && !this.#seen().has(a.record.id) ? this.t('acknowledged') : this.t('seenDone')}</span>`
                : html`<button type="button" aria-label=${this.t('seenAlert', { name })} @click=${() => this.#acknowledge(a, undefined)}>${this.t('seen')}</button>`
        }
        ${this.problems[a.record.id] ? html`<span class="error" role="alert">${this.problems[a.record.id]}</span>` : nothing}
      </div>
    </li>`;
  }

  /** The current step's label from the cached definition (the id until it has loaded). */
  #stepLabelSync(a: AlertItem): string {
    const doc = this.#resolved.get(`${a.record.scenario.id}@${a.record.scenario.version}`);
    return this.#stepLabel(a, doc);
  }
}

defineElement('zz-alert-feed', ZzAlertFeed);

declare global {
  interface HTMLElementTagNameMap {
    'zz-alert-feed': ZzAlertFeed;
  }
}
