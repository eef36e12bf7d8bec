import { parseDuration } from '@zhizhi/core';
import type { CheckInResult } from '@zhizhi/core/client';
import {
  assessByList,
  type CheckIn,
  type CheckInRecord,
  type DutyAssessment,
  type GridDuty,
  type GridDutyList,
} from '@zhizhi/core/duty';
import { css, html, nothing, type PropertyValues } from 'lit';
import { defineElement } from '../defineElement.js';
import { zzEvent } from '../events.js';
import { ZzElement } from '../provider/ZzElement.js';
import type { ZzContext } from '../provider/zzContext.js';
import { baseStyles } from '../theme/baseStyles.js';
import type { ZzCheckInDetail } from './zz-duty-list/dutyListEvents.js';
import { dutyListMessages } from './zz-duty-list/dutyListMessages.js';
import { startOfWeek } from './zz-duty-list/startOfWeek.js';

const DAY = 86_400_000;

/**
 * A grid worker's "6+1" key-task list (网格员"6+1"重点任务清单) with check-ins (打卡): each
 * duty with how often it is due and whom for, how it went over the span assessed "by the list"
 * (对单考核, `assessByList` of `@zhizhi/core/duty`: whole periods judged, the current one
 * open), and a check-in form (what was done, the household or key place when the duty counts
 * per household or place, a note). The worker is the provider's `member`. Check-ins go through
 * the provider's client: the element reads the worker's check-ins of the span
 * (`client.listCheckIns`) when the member or client changes, stores each new one with
 * `client.checkIn` (on a server: `POST /api/check-ins`, the worker taken from the token) and
 * fires `zz-check-in` once it is stored. A page that keeps check-ins itself sets the
 * `checkIns` property: the element then shows those and no longer reads them from the client.
 * A client without check-ins (a `Client` written before they existed) leaves them to the page.
 *
 * @element zz-duty-list
 * @fires zz-check-in - {ZzCheckInDetail} the worker checked in a duty
 * @csspart title - the list's name
 * @csspart duty - one duty
 * @csspart check-in - a duty's check-in form
 *
 * @example
 * ```html
 * <zz-provider api="/api" member="qj-sj-c1-g1-worker">
 *   <zz-duty-list></zz-duty-list>
 * </zz-provider>
 * <script type="module">
 *   import { sampleGridDutyList, sampleGridRoster } from '@zhizhi/core/duty';
 *   const el = document.querySelector('zz-duty-list');
 *   el.list = sampleGridDutyList;
 *   el.households = [...sampleGridRoster.households];
 *   el.places = [...sampleGridRoster.places];
 *   el.addEventListener('zz-check-in', (e) => save(e.detail.checkIn));
 * </script>
 * ```
 */
export class ZzDutyList extends ZzElement {
  static override messages = dutyListMessages;

  static override properties = {
    ...ZzElement.properties,
    list: { attribute: false },
    checkIns: { attribute: false },
    households: { attribute: false },
    places: { attribute: false },
    from: { type: Number },
    open: { state: true, attribute: false },
    done: { state: true, attribute: false },
  };

  static override styles = [
    baseStyles,
    css`
      h2 {
        font-size: 1.2em;
        margin: 0 0 0.25em;
      }
      ol {
        list-style: none;
        margin: 0.5em 0 0;
        padding: 0;
        display: grid;
        gap: 0.5em;
      }
      li {
        border: 1px solid var(--zz-color-border, #8c959f);
        border-radius: var(--zz-radius, 4px);
        padding: 0.4em 0.6em;
        display: grid;
        gap: 0.2em;
      }
      .duty-name {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .local {
        font-size: 0.85em;
        border: 1px solid currentColor;
        border-radius: 3px;
        padding: 0 0.3em;
        margin-inline-start: 0.4em;
      }
      form {
        display: grid;
        gap: 0.4em;
        padding-top: 0.3em;
      }
      label {
        display: grid;
        gap: 0.1em;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        align-items: center;
      }
    `,
  ];

  /** The worker's list: the town's "6+1" (e.g. `sampleGridDutyList`, or `builtInGridDuties` plus the town's own). */
  declare list: GridDutyList | undefined;
  /** Key residents (重点服务对象) for duties done per household. */
  declare households: string[];
  /** Key places for duties done per place. */
  declare places: string[];
  /** Start of the span assessed, epoch ms (default: this week's Monday 00:00, UTC+8). */
  declare from: number | undefined;
  declare protected open: string | undefined;
  declare protected done: string;

  #checkIns: CheckIn[] = [];
  /** Whether the page set `checkIns` (then the element does not read them from the client). */
  #pageOwned = false;
  #loading = 0;

  /**
   * The worker's check-ins shown: those read from the provider's client, or the ones the page
   * set (an override: the element stops reading them); new ones are appended.
   */
  get checkIns(): CheckIn[] {
    return this.#checkIns;
  }

  set checkIns(value: CheckIn[]) {
    const old = this.#checkIns;
    this.#checkIns = value;
    this.#pageOwned = true;
    this.requestUpdate('checkIns', old);
  }

  #show(value: CheckIn[]): void {
    const old = this.#checkIns;
    this.#checkIns = value;
    this.requestUpdate('checkIns', old);
  }

  #spanFrom(): number {
    const to = this.now() + 1;
    return Math.min(this.from ?? startOfWeek(this.now()), to - 1);
  }

  protected override contextChanged(previous: ZzContext | undefined): void {
    if (previous?.client !== this.client || previous?.member !== this.member) void this.#load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hasUpdated && changed.has('from')) void this.#load();
  }

  /** Reads the member's check-ins of the span from the client (every page of them). */
  async #load(): Promise<void> {
    const client = this.client;
    const member = this.member;
    if (this.#pageOwned || !member || typeof client?.listCheckIns !== 'function') return;
    const ticket = ++this.#loading;
    const out: CheckInRecord[] = [];
    try {
      let cursor: string | null | undefined;
      do {
        const page = await client.listCheckIns({
          workerId: member,
          from: this.#spanFrom(),
          limit: 500,
          ...(cursor ? { cursor } : {}),
        });
        out.push(...page.items);
        cursor = page.cursor;
      } while (cursor);
    } catch (e) {
      if (ticket === this.#loading) this.done = this.t('loadFailed', { reason: reasonOf(e) });
      return;
    }
    if (ticket === this.#loading && !this.#pageOwned) this.#show(out);
  }

  constructor() {
    super();
    this.households = [];
    this.places = [];
    this.done = '';
  }

  /** The assessment shown: the member's check-ins against the list over the span. */
  get assessment() {
    if (!this.list) return undefined;
    const to = this.now() + 1;
    const from = Math.min(this.from ?? startOfWeek(this.now()), to - 1);
    return assessByList(this.list, this.checkIns, {
      workerId: this.member ?? '',
      from,
      to,
      households: this.households,
      places: this.places,
    });
  }

  #frequency(duty: GridDuty): string {
    const f = duty.frequency;
    if (f === 'asNeeded') return this.t('asNeeded');
    const per = typeof f === 'string' ? f : f.per;
    const ms = parseDuration(per);
    const every =
      ms === DAY
        ? this.t('daily')
        : ms % DAY === 0
          ? this.t('every', { n: ms / DAY })
          : this.t('everyHours', { n: ms / 3_600_000 });
    const base = typeof f === 'string' ? every : this.t('times', { per: every, n: f.times });
    const each =
      duty.done.per === 'household'
        ? this.t('perHousehold')
        : duty.done.per === 'place'
          ? this.t('perPlace')
          : '';
    return `${base}${each}`;
  }

  #kindLabel(kind: string): string {
    const key = `kind.${kind}`;
    return Object.hasOwn(dutyListMessages, key) ? this.t(key) : kind;
  }

  async #toggle(dutyId: string): Promise<void> {
    this.open = this.open === dutyId ? undefined : dutyId;
    this.done = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLSelectElement>(`form[data-duty="${dutyId}"] select`)?.focus();
  }

  async #checkIn(e: SubmitEvent, d: GridDuty): Promise<void> {
    e.preventDefault();
    const member = this.member;
    if (!member) return;
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const get = (k: string) => String(data.get(k) ?? '').trim();
    const kind = get('kind');
    const whom = get('whom');
    const note = get('note').slice(0, 2000);
    if (!d.done.kinds.includes(kind)) return;
    const checkIn: CheckIn = {
      workerId: member,
      dutyId: d.id,
      kind,
      at: this.now(),
      ...(d.done.per === 'household' && whom ? { household: whom } : {}),
      ...(d.done.per === 'place' && whom ? { place: whom } : {}),
      ...(note ? { note } : {}),
    };
    const client = this.client;
    let record: CheckInRecord | undefined;
    if (typeof client?.checkIn === 'function') {
      const { workerId: _worker, ...input } = checkIn;
      let result: CheckInResult;
      try {
        result = await client.checkIn(member, input);
      } catch (error) {
        const message = { zh: reasonOf(error), en: reasonOf(error) };
        result = { ok: false, error: { code: 'client.network', path: [], params: {}, message } };
      }
      if (!result.ok) {
        this.done = this.t('failed', {
          reason: result.error.message[this.uiLang === 'en' ? 'en' : 'zh'],
        });
        return;
      }
      const stored = result.record;
      record = stored;
      // a retry of a stored check-in answers the same record: show it once
      if (!this.#checkIns.some((c) => (c as Partial<CheckInRecord>).id === stored.id))
        this.#show([...this.#checkIns, stored]);
    } else this.#show([...this.#checkIns, checkIn]);
    this.open = undefined;
    this.done = this.t('checkedIn', { duty: this.#name(d) });
    const detail: ZzCheckInDetail = { checkIn, ...(record ? { record } : {}) };
    this.dispatchEvent(zzEvent('zz-check-in', detail));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`button[data-duty="${d.id}"]`)?.focus();
  }

  #name(d: { name: { zh: string; en: string } }): string {
    return this.uiLang === 'en' ? d.name.en : d.name.zh;
  }

  override render() {
    if (!this.member) return html`<p class="muted" role="status">${this.t('noMember')}</p>`;
    const a = this.assessment;
    if (!this.list || !a) return html`<p class="muted" role="status">${this.t('noList')}</p>`;
    const lang = this.uiLang;
    const byId = new Map<string, DutyAssessment>(a.duties.map((d) => [d.dutyId, d]));
    const fromText = new Date(a.from).toLocaleDateString(lang, { timeZone: 'Asia/Shanghai' });
    return html`
      <section aria-labelledby="title" lang=${lang}>
        <h2 id="title" part="title">${this.#name(this.list)}</h2>
        <p class="muted">${this.t('span', { from: fromText })} · <strong>${this.t('score', { score: a.score })}</strong></p>
        <p role="status">${this.done}</p>
        <ol>
          ${this.list.duties.map((d) => this.#renderDuty(d, byId.get(d.id)))}
        </ol>
      </section>
    `;
  }

  #renderDuty(d: GridDuty, r: DutyAssessment | undefined) {
    const name = this.#name(d);
    const roster =
      d.done.per === 'household' ? this.households : d.done.per === 'place' ? this.places : [];
    const noRoster = d.done.per !== undefined && roster.length === 0;
    const formId = `check-in-${d.id}`;
    const isOpen = this.open === d.id;
    return html`<li part="duty" data-duty=${d.id}>
      <span><span class="duty-name">${name}</span>${d.local ? html`<span class="local">${this.t('local')}</span>` : nothing}</span>
      ${d.description ? html`<span class="muted">${this.#name({ name: d.description })}</span>` : nothing}
      <span>${this.#frequency(d)}</span>
      ${
        r
          ? html`<span class="muted">${this.t('progress', {
              n: r.open?.checkIns ?? (r.periods === 0 ? r.checkIns : 0),
              periods: r.periods,
              done: r.done,
              required: r.required,
            })} · ${r.score === null ? this.t('notScored') : this.t('dutyScore', { score: r.score })}${
              r.missedPeriods > 0 ? ` · ${this.t('missed', { n: r.missedPeriods })}` : ''
            }</span>`
          : nothing
      }
      <div class="row">
        <button type="button" data-duty=${d.id} aria-expanded=${isOpen ? 'true' : 'false'} aria-controls=${formId}
          aria-label=${this.t('checkInFor', { duty: name })} ?disabled=${noRoster} @click=${() => this.#toggle(d.id)}>${this.t('checkIn')}</button>
        ${noRoster ? html`<span class="muted">${this.t('noRoster', { what: d.done.per === 'household' ? this.t('household') : this.t('place') })}</span>` : nothing}
      </div>
      ${
        isOpen
          ? html`<form id=${formId} part="check-in" data-duty=${d.id} aria-label=${this.t('checkInFor', { duty: name })} @submit=${(e: SubmitEvent) => this.#checkIn(e, d)}>
              <label>${this.t('kind')}
                <select name="kind">${d.done.kinds.map((k) => html`<option value=${k}>${this.#kindLabel(k)}</option>`)}</select>
              </label>
              ${
                d.done.per
                  ? html`<label>${d.done.per === 'household' ? this.t('household') : this.t('place')}
                      <select name="whom">${roster.map((w) => html`<option value=${w}>${w}</option>`)}</select>
                    </label>`
                  : nothing
              }
              <label>${this.t('note')}<textarea name="note" maxlength="2000"></textarea></label>
              <div class="row">
                <button type="submit" class="primary">${this.t('confirm')}</button>
                <button type="button" @click=${() => this.#toggle(d.id)}>${this.t('cancel')}</button>
              </div>
            </form>`
          : nothing
      }
    </li>`;
  }
}

const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 200);

defineElement('zz-duty-list', ZzDutyList);

declare global {
  interface HTMLElementTagNameMap {
    'zz-duty-list': ZzDutyList;
  }
}
