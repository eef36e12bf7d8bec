import type { CaseRecord } from '@zhizhi/core';
import { label, labels } from '@zhizhi/core/labels';
import { css, html, type PropertyValues } from 'lit';
import { defineElement } from '../defineElement.js';
import { type ZzCaseSelectDetail, zzEvent } from '../events.js';
import { formatTimeLeft } from '../i18n/formatTimeLeft.js';
import { caseListMessages } from '../messages/caseListMessages.js';
import { ZzElement } from '../provider/ZzElement.js';
import type { ZzContext } from '../provider/zzContext.js';
import { baseStyles } from '../theme/baseStyles.js';

/** Pages read from the client to fill one page when category or text filter in the browser. */
const MAX_READS = 10;

/**
 * The cases the viewer may see, filtered by town, status, category and text, a page at a time
 * (cursor paging), kept up to date from the provider's live feed. Town and status filter on
 * the server; category and text filter the pages read (the `Client` contract has no such
 * query), reading at most 10 pages to fill one.
 *
 * @element zz-case-list
 * @fires zz-case-select - {ZzCaseSelectDetail} the viewer chose a case (click, Enter or Space)
 * @csspart title - the heading
 * @csspart filters - the filter form
 * @csspart list - the list of cases
 * @csspart case - one case (a button)
 * @csspart pager - the previous/next buttons
 * @cssprop --zz-color-accent - buttons and highlights
 *
 * @example
 * ```html
 * <zz-provider api="/api" member="qj-sj-duty">
 *   <zz-case-list town="qj-sj" status="intake,dispatching" page-size="20"></zz-case-list>
 * </zz-provider>
 * ```
 */
export class ZzCaseList extends ZzElement {
  static override messages = caseListMessages;

  static override properties = {
    ...ZzElement.properties,
    town: { type: String, reflect: true },
    status: { type: String, reflect: true },
    category: { type: String, reflect: true },
    text: { type: String, reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    items: { attribute: false },
    loading: { state: true, attribute: false },
    error: { state: true, attribute: false },
    pageIndex: { state: true, attribute: false },
    nextCursor: { state: true, attribute: false },
  };

  static override styles = [
    baseStyles,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 1em;
        align-items: end;
        margin-bottom: 0.5em;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 0.1em;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.4em;
      }
      li > button {
        width: 100%;
        text-align: start;
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0.1em 1em;
      }
      .case-title {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      nav {
        display: flex;
        gap: 0.5em;
        align-items: center;
        margin-top: 0.5em;
      }
    `,
  ];

  /** Town id filter (server side). */
  declare town: string | undefined;
  /** Status filter: one status or a comma list (server side). */
  declare status: string | undefined;
  /** Category id filter (in the browser). */
  declare category: string | undefined;
  /** Text in title, description or id (in the browser, case-insensitive). */
  declare text: string | undefined;
  /** Cases per page (default 20, at most 200). */
  declare pageSize: number;
  /** The cases on this page. */
  declare items: CaseRecord[];
  /** Whether a page is being read. */
  declare loading: boolean;
  /** Why the last read failed, if it did. */
  declare error: string | undefined;
  declare protected pageIndex: number;
  declare protected nextCursor: string | null;

  /** The cursor each page was read from (`undefined`: the first page). */
  #cursors: (string | undefined)[] = [undefined];
  #request = 0;
  #reloadTimer: ReturnType<typeof setTimeout> | undefined;
  #stopLive: (() => void) | undefined;

  constructor() {
    super();
    this.pageSize = 20;
    this.items = [];
    this.loading = false;
    this.pageIndex = 0;
    this.nextCursor = null;
  }

  /** Reads the current page again. */
  async reload(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const request = ++this.#request;
    this.loading = true;
    this.error = undefined;
    try {
      await this.feedReady();
      const page = await this.#readPage(this.#cursors[this.pageIndex]);
      if (request !== this.#request) return;
      this.items = page.items;
      this.nextCursor = page.cursor;
    } catch (e) {
      if (request !== this.#request) return;
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  protected override feedResynced(): void {
    void this.reload();
  }

  protected override contextChanged(previous: ZzContext | undefined): void {
    if (!this.#stopLive) this.#follow();
    if (previous?.client !== this.client) this.#restart();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const filters = ['town', 'status', 'category', 'text', 'pageSize'] as const;
    if (this.hasUpdated && filters.some((f) => changed.has(f))) {
      if (changed.has('town')) this.#follow();
      this.#restart();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#reloadTimer);
  }

  #follow(): void {
    this.#stopLive?.();
    this.#stopLive = this.live({ kind: 'case', ...(this.town ? { townId: this.town } : {}) }, () =>
      this.#scheduleReload(),
    );
  }

  #restart(): void {
    this.#cursors = [undefined];
    this.pageIndex = 0;
    void this.reload();
  }

  #scheduleReload(): void {
    clearTimeout(this.#reloadTimer);
    this.#reloadTimer = setTimeout(() => void this.reload(), 50);
  }

  async #readPage(
    cursor: string | undefined,
  ): Promise<{ items: CaseRecord[]; cursor: string | null }> {
    const client = this.client;
    if (!client) return { items: [], cursor: null };
    const size = Math.min(Math.max(1, Math.floor(this.pageSize) || 20), 200);
    const statuses = (this.status ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const category = this.category?.trim() || undefined;
    const text = this.text?.trim().toLowerCase() || undefined;
    const items: CaseRecord[] = [];
    let next: string | null | undefined = cursor;
    for (let reads = 0; reads < MAX_READS && items.length < size; reads++) {
      const page = await client.listCases({
        ...(this.town ? { townId: this.town } : {}),
        ...(statuses.length === 1
          ? { status: statuses[0] }
          : statuses.length
            ? { status: statuses }
            : {}),
        limit: size - items.length,
        ...(next ? { cursor: next } : {}),
      });
      for (const r of page.items) {
        if (category && r.context.category !== category) continue;
        if (text && !matchesText(r, text)) continue;
        items.push(r);
      }
      next = page.cursor;
      if (next === null) break;
    }
    return { items, cursor: next ?? null };
  }

  #go(delta: 1 | -1): void {
    if (delta === 1) {
      if (this.nextCursor === null) return;
      this.#cursors[this.pageIndex + 1] = this.nextCursor;
    } else if (this.pageIndex === 0) return;
    this.pageIndex += delta;
    void this.reload();
  }

  #apply(e: Event): void {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const value = (k: string) => String(data.get(k) ?? '').trim() || undefined;
    this.town = value('town');
    this.status = value('status');
    this.category = value('category');
    this.text = value('text');
  }

  #select(record: CaseRecord): void {
    const detail: ZzCaseSelectDetail = { caseId: record.id, record };
    this.dispatchEvent(zzEvent('zz-case-select', detail));
  }

  #onKey(e: KeyboardEvent): void {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('li > button')];
    const at = buttons.indexOf(e.target as HTMLButtonElement);
    if (at < 0) return;
    e.preventDefault();
    const to =
      buttons[Math.min(Math.max(at + (e.key === 'ArrowDown' ? 1 : -1), 0), buttons.length - 1)];
    to?.focus();
  }

  override render() {
    if (!this.client) return html`<p class="muted" role="status">${this.t('noProvider')}</p>`;
    const lang = this.uiLang;
    const now = this.now();
    return html`
      <section aria-labelledby="title" lang=${lang}>
        <h2 id="title" part="title">${this.t('title')}</h2>
        <form part="filters" role="search" aria-label=${this.t('filters')} @submit=${this.#apply}>
          <label>${this.t('town')}<input name="town" .value=${this.town ?? ''} /></label>
          <label
            >${this.t('status')}
            <select name="status">
              <option value="" ?selected=${!this.status}>${this.t('any')}</option>
              ${Object.keys(labels.status).map(
                (s) =>
                  html`<option value=${s} ?selected=${this.status === s}>${label('status', s, lang)}</option>`,
              )}
            </select>
          </label>
          <label>${this.t('category')}<input name="category" .value=${this.category ?? ''} /></label>
          <label>${this.t('text')}<input name="text" type="search" .value=${this.text ?? ''} /></label>
          <button type="submit">${this.t('apply')}</button>
        </form>
        <p role="status" class=${this.error ? 'error' : 'muted'}>
          ${
            this.error
              ? this.t('error', { reason: this.error })
              : this.loading
                ? this.t('loading')
                : this.items.length === 0
                  ? this.t('empty')
                  : this.t('count', { n: this.items.length })
          }
        </p>
        <ul part="list" @keydown=${this.#onKey}>
          ${this.items.map(
            (r) => html`<li>
              <button type="button" part="case" data-id=${r.id} @click=${() => this.#select(r)}>
                <span class="case-title">${r.context.title}</span>
                <span>${label('status', r.status, lang)}</span>
                <span class="muted">${this.categoryName(r.context.category)} · ${label('severity', r.context.severity, lang)} · ${r.id}</span>
                <span class="muted">${r.slaDueAt === null ? this.t('noDeadline') : formatTimeLeft(r.slaDueAt - now, lang)}</span>
              </button>
            </li>`,
          )}
        </ul>
        <nav part="pager" aria-label=${this.t('pages')}>
          <button type="button" ?disabled=${this.pageIndex === 0} @click=${() => this.#go(-1)}>${this.t('prev')}</button>
          <span>${this.t('page', { n: this.pageIndex + 1 })}</span>
          <button type="button" ?disabled=${this.nextCursor === null} @click=${() => this.#go(1)}>${this.t('next')}</button>
        </nav>
      </section>
    `;
  }
}

function matchesText(r: CaseRecord, text: string): boolean {
  const c = r.context;
  return [c.title, c.description, r.id].some((s) => s.toLowerCase().includes(text));
}

defineElement('zz-case-list', ZzCaseList);

declare global {
  interface HTMLElementTagNameMap {
    'zz-case-list': ZzCaseList;
  }
}
