import type { CaseRecord, LocalizedText } from '@zhizhi/core';
import { label } from '@zhizhi/core/labels';
import type { CaseQuery } from '@zhizhi/core/runtime';
import { css, html, nothing, type PropertyValues } from 'lit';
import { defineElement } from '../defineElement.js';
import type { DispatchTargetOption } from '../dispatch/dispatchTargetsOf.js';
import {
  type ZzActionRefusedDetail,
  type ZzActionSentDetail,
  type ZzCaseSelectDetail,
  zzEvent,
} from '../events.js';
import { formatTimeLeft } from '../i18n/formatTimeLeft.js';
import { dispatchBoardMessages } from '../messages/dispatchBoardMessages.js';
import { ZzElement } from '../provider/ZzElement.js';
import type { ZzContext } from '../provider/zzContext.js';
import { baseStyles } from '../theme/baseStyles.js';

/** The board's columns, in order. */
type Column = 'intake' | 'dispatching' | 'assigned' | 'overdue';
const COLUMNS: readonly Column[] = ['intake', 'dispatching', 'assigned', 'overdue'];

const QUERY: Record<Column, Omit<CaseQuery, 'kind' | 'townId'>> = {
  intake: { status: 'intake' },
  dispatching: { status: 'dispatching' },
  assigned: { status: 'assigned' },
  overdue: { overdue: true },
};

/**
 * The command center's board for one town: intake, dispatching, assigned and overdue columns,
 * live. A case in intake is accepted with one click; a case in dispatching is dispatched with
 * one click to the post or department chosen in its menu (`targets`, e.g. from
 * `dispatchTargetsOf(org, town)`). When the duty lists refuse a target, the runtime's reason is
 * shown on the card (and `zz-action-refused` fires); nothing moves.
 *
 * @element zz-dispatch-board
 * @fires zz-case-select - {ZzCaseSelectDetail} the viewer opened a case's title
 * @fires zz-action-sent - {ZzActionSentDetail} a case was accepted or dispatched
 * @fires zz-action-refused - {ZzActionRefusedDetail} the runtime refused it (e.g. `routing.statutory`)
 * @csspart column - one column (a section)
 * @csspart card - one case
 * @csspart refusal - why a dispatch was refused
 *
 * @example
 * ```html
 * <zz-provider api="/api" member="qj-sj-duty">
 *   <zz-dispatch-board town="qj-sj"></zz-dispatch-board>
 * </zz-provider>
 * <script type="module">
 *   import { dispatchTargetsOf } from '@zhizhi/widgets';
 *   document.querySelector('zz-dispatch-board').targets = dispatchTargetsOf(org, 'qj-sj');
 * </script>
 * ```
 */
export class ZzDispatchBoard extends ZzElement {
  static override messages = dispatchBoardMessages;

  static override properties = {
    ...ZzElement.properties,
    town: { type: String, reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    targets: { attribute: false },
    columns: { attribute: false },
    loading: { state: true, attribute: false },
    error: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    refusals: { state: true, attribute: false },
  };

  static override styles = [
    baseStyles,
    css`
      .columns {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(14em, 1fr));
        gap: 0.75em;
      }
      section {
        border: 1px solid var(--zz-color-border, #8c959f);
        border-radius: var(--zz-radius, 4px);
        padding: 0.5em;
        background: var(--zz-color-surface, #fff);
      }
      h3 {
        font-size: 1.05em;
        margin: 0 0 0.4em;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5em;
      }
      li {
        border: 1px solid var(--zz-color-border, #8c959f);
        border-radius: var(--zz-radius, 4px);
        padding: 0.4em;
        display: grid;
        gap: 0.3em;
      }
      .title {
        font-weight: 600;
        text-align: start;
        border: none;
        padding: 0;
        min-height: auto;
        background: none;
        text-decoration: underline;
        overflow-wrap: anywhere;
      }
      .row {
        display: flex;
        gap: 0.4em;
        flex-wrap: wrap;
        align-items: center;
      }
    `,
  ];

  /** The town whose board this is. */
  declare town: string | undefined;
  /** Cases per column (default 20, at most 200). */
  declare pageSize: number;
  /** What a case may be dispatched to (e.g. `dispatchTargetsOf(org, town)`). */
  declare targets: DispatchTargetOption[];
  /** The cases of each column as last read. */
  declare columns: Record<Column, CaseRecord[]>;
  /** Whether the columns are being read. */
  declare loading: boolean;
  /** Why the last read failed, if it did. */
  declare error: string | undefined;
  declare protected busy: string | undefined;
  /** Why the last action on a case was refused, by case id. */
  declare refusals: Map<string, LocalizedText>;

  /** The target chosen in each card's menu, by case id. */
  readonly #chosen = new Map<string, string>();
  #request = 0;
  #reloadTimer: ReturnType<typeof setTimeout> | undefined;
  #stopLive: (() => void) | undefined;
  #more = new Set<Column>();

  constructor() {
    super();
    this.pageSize = 20;
    this.targets = [];
    this.columns = { intake: [], dispatching: [], assigned: [], overdue: [] };
    this.loading = false;
    this.refusals = new Map();
  }

  /** Reads every column again. */
  async reload(): Promise<void> {
    const client = this.client;
    const townId = this.town;
    if (!client || !townId) return;
    const request = ++this.#request;
    this.loading = true;
    this.error = undefined;
    const limit = Math.min(Math.max(1, Math.floor(this.pageSize) || 20), 200);
    try {
      await this.feedReady();
      const pages = await Promise.all(
        COLUMNS.map((c) => client.listCases({ ...QUERY[c], townId, limit })),
      );
      if (request !== this.#request) return;
      const next = { ...this.columns };
      this.#more.clear();
      COLUMNS.forEach((c, i) => {
        next[c] = pages[i]?.items ?? [];
        if (pages[i]?.cursor) this.#more.add(c);
      });
      this.columns = next;
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
    if (previous?.client !== this.client) void this.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hasUpdated && (changed.has('town') || changed.has('pageSize'))) {
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
    this.#stopLive = this.town
      ? this.live({ kind: 'case', townId: this.town }, () => {
          clearTimeout(this.#reloadTimer);
          this.#reloadTimer = setTimeout(() => void this.reload(), 50);
        })
      : undefined;
  }

  #target(r: CaseRecord): DispatchTargetOption | undefined {
    const chosen = this.#chosen.get(r.id);
    return this.targets.find((t) => `${t.kind}:${t.id}` === chosen) ?? this.targets[0];
  }

  async #act(r: CaseRecord, type: 'ACCEPT' | 'DISPATCH'): Promise<void> {
    const client = this.client;
    const by = this.member;
    if (!client || !by || this.busy) return;
    const target = this.#target(r);
    if (type === 'DISPATCH' && !target) return;
    const command =
      type === 'ACCEPT' ? { type, by } : { type, by, lead: { kind: target?.kind, id: target?.id } };
    this.busy = r.id;
    try {
      const result = await client.send(r.id, command, { expectedVersion: r.version });
      const refusals = new Map(this.refusals);
      if (result.ok) {
        refusals.delete(r.id);
        this.refusals = refusals;
        const detail: ZzActionSentDetail = { caseId: r.id, type, record: result.record };
        this.dispatchEvent(zzEvent('zz-action-sent', detail));
        await this.reload();
      } else {
        refusals.set(r.id, result.error.message);
        this.refusals = refusals;
        const detail: ZzActionRefusedDetail = {
          caseId: r.id,
          type,
          code: result.error.code,
          message: result.error.message,
        };
        this.dispatchEvent(zzEvent('zz-action-refused', detail));
      }
    } finally {
      this.busy = undefined;
    }
  }

  #name(t: DispatchTargetOption): string {
    const lang = this.uiLang;
    const name = t.name ? (lang === 'en' ? t.name.en : t.name.zh) : t.id;
    return `${this.t(t.kind)} · ${name}`;
  }

  override render() {
    if (!this.client) return html`<p class="muted" role="status">${this.t('noProvider')}</p>`;
    if (!this.town) return html`<p class="muted" role="status">${this.t('noTown')}</p>`;
    return html`<div lang=${this.uiLang}>
      <h2 part="title">${this.t('title')}</h2>
      ${this.member ? nothing : html`<p class="muted">${this.t('noMember')}</p>`}
      <p role="status" class=${this.error ? 'error' : 'visually-hidden'}>
        ${this.error ? this.t('error', { reason: this.error }) : this.loading ? this.t('loading') : ''}
      </p>
      <div class="columns">${COLUMNS.map((c) => this.#renderColumn(c))}</div>
    </div>`;
  }

  #renderColumn(c: Column) {
    const lang = this.uiLang;
    const title = c === 'overdue' ? this.t('overdue') : label('status', c, lang);
    const items = this.columns[c];
    return html`<section part="column" data-column=${c} aria-labelledby="col-${c}">
      <h3 id="col-${c}">${title} <span class="muted">(${this.t('count', { n: items.length })})</span></h3>
      ${items.length === 0 ? html`<p class="muted">${this.t('empty')}</p>` : nothing}
      <ul>
        ${items.map((r) => this.#renderCard(r, c))}
      </ul>
      ${this.#more.has(c) ? html`<p class="muted">${this.t('more')}</p>` : nothing}
    </section>`;
  }

  #renderCard(r: CaseRecord, c: Column) {
    const lang = this.uiLang;
    const refusal = this.refusals.get(r.id);
    const select = () => {
      const detail: ZzCaseSelectDetail = { caseId: r.id, record: r };
      this.dispatchEvent(zzEvent('zz-case-select', detail));
    };
    const due =
      r.slaDueAt === null ? this.t('noDeadline') : formatTimeLeft(r.slaDueAt - this.now(), lang);
    return html`<li part="card" data-id=${r.id}>
      <button type="button" class="title" @click=${select}>${r.context.title}</button>
      <span class="muted">${this.categoryName(r.context.category)} · ${label('severity', r.context.severity, lang)}${
        c === 'overdue' ? ` · ${label('status', r.status, lang)}` : ''
      }</span>
      <span class=${r.slaDueAt !== null && r.slaDueAt < this.now() ? 'error' : 'muted'}>${due}</span>
      ${this.member && c === 'intake' ? this.#renderAccept(r) : nothing}
      ${this.member && c === 'dispatching' ? this.#renderDispatch(r) : nothing}
      ${
        refusal
          ? html`<p class="error" part="refusal" role="alert">
              ${this.t('refused', {
                event: label('event', r.status === 'intake' ? 'ACCEPT' : 'DISPATCH', lang),
                reason: lang === 'en' ? refusal.en : refusal.zh,
              })}
            </p>`
          : nothing
      }
    </li>`;
  }

  #renderAccept(r: CaseRecord) {
    return html`<div class="row">
      <button type="button" class="primary" ?disabled=${this.busy !== undefined} @click=${() => this.#act(r, 'ACCEPT')}>
        ${label('event', 'ACCEPT', this.uiLang)}
      </button>
    </div>`;
  }

  #renderDispatch(r: CaseRecord) {
    if (this.targets.length === 0) return html`<p class="muted">${this.t('noTargets')}</p>`;
    const chosen = this.#target(r);
    const id = `target-${r.id.replace(/[^\w-]/g, '_')}`;
    return html`<div class="row">
      <label for=${id}>${this.t('target')}</label>
      <select
        id=${id}
        @change=${(e: Event) => {
          this.#chosen.set(r.id, (e.target as HTMLSelectElement).value);
          this.requestUpdate();
        }}
      >
        ${this.targets.map(
          (t) =>
            html`<option value="${t.kind}:${t.id}" ?selected=${t === chosen}>${this.#name(t)}</option>`,
        )}
      </select>
      <button type="button" class="primary" ?disabled=${this.busy !== undefined} @click=${() => this.#act(r, 'DISPATCH')}>
        ${label('event', 'DISPATCH', this.uiLang)}
      </button>
    </div>`;
  }
}

defineElement('zz-dispatch-board', ZzDispatchBoard);

declare global {
  interface HTMLElementTagNameMap {
    'zz-dispatch-board': ZzDispatchBoard;
  }
}
