import type { AuditEntry, CaseRecord } from '@zhizhi/core';
import type { CaseAction } from '@zhizhi/core/client';
import { label } from '@zhizhi/core/labels';
import type { Change } from '@zhizhi/core/runtime';
import { css, html, nothing, type PropertyValues } from 'lit';
import { defineElement } from '../defineElement.js';
import { type ZzActionRefusedDetail, type ZzActionSentDetail, zzEvent } from '../events.js';
import { formatTimeLeft } from '../i18n/formatTimeLeft.js';
import { caseMessages } from '../messages/caseMessages.js';
import { ZzElement } from '../provider/ZzElement.js';
import type { ZzContext } from '../provider/zzContext.js';
import { fieldsOf } from '../schemaForm/fieldsOf.js';
import { type FormValues, payloadOf } from '../schemaForm/payloadOf.js';
import { renderSchemaFields } from '../schemaForm/renderSchemaFields.js';
import { baseStyles } from '../theme/baseStyles.js';
import { CasePhotos } from './zz-case/CasePhotos.js';

/** Who changed the case under the viewer, and with what event. */
interface Conflict {
  who: string;
  event: string;
}

/**
 * One case: its audit trail as a timeline, its deadlines with the time left, and the actions
 * the provider's `member` may send now (`client.actions`), each a form built from the action's
 * payload schema. Every send carries the version the viewer saw (`expectedVersion`): when
 * someone else changed the case first the runtime refuses it and the element shows "changed by
 * X, reload", keeping what was typed — never a lost update. Live changes reload it (or, while
 * the viewer is typing, show the same notice).
 *
 * @element zz-case
 * @fires zz-action-sent - {ZzActionSentDetail} the runtime accepted an action
 * @fires zz-action-refused - {ZzActionRefusedDetail} the runtime refused one (conflict included)
 * @csspart photos - the case's photos (read with the token through the provider's client)
 * @csspart title - the case's title
 * @csspart conflict - the "changed by X, reload" notice
 * @csspart timeline - the audit trail
 * @csspart action - one action (a disclosure with its form)
 * @csspart fieldset - a group of inputs in an action's form
 *
 * @example
 * ```html
 * <zz-provider api="/api" member="qj-sj-duty">
 *   <zz-case case-id="c-123"></zz-case>
 * </zz-provider>
 * ```
 */
export class ZzCase extends ZzElement {
  static override messages = caseMessages;

  static override properties = {
    ...ZzElement.properties,
    caseId: { type: String, attribute: 'case-id', reflect: true },
    record: { attribute: false },
    trail: { attribute: false },
    actions: { attribute: false },
    loading: { state: true, attribute: false },
    error: { state: true, attribute: false },
    conflict: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  static override styles = [
    baseStyles,
    css`
      h2 {
        font-size: 1.25em;
        margin: 0;
        overflow-wrap: anywhere;
      }
      .photos {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4em;
        list-style: none;
        padding: 0;
        margin: 0.4em 0;
      }
      .photos img {
        max-width: 12em;
        max-height: 9em;
        display: block;
      }
      h3 {
        font-size: 1.05em;
        margin: 1em 0 0.3em;
      }
      .conflict {
        border: 2px solid var(--zz-color-danger, #b42318);
        padding: 0.5em;
        border-radius: var(--zz-radius, 4px);
      }
      ol {
        margin: 0;
        padding-inline-start: 1.5em;
      }
      ol li {
        margin-bottom: 0.3em;
        overflow-wrap: anywhere;
      }
      details {
        border: 1px solid var(--zz-color-border, #8c959f);
        border-radius: var(--zz-radius, 4px);
        padding: 0.3em 0.6em;
        margin-bottom: 0.4em;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
      }
      form {
        display: grid;
        gap: 0.3em;
        margin-top: 0.4em;
      }
      fieldset {
        display: grid;
        gap: 0.3em;
        border: 1px solid var(--zz-color-border, #8c959f);
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.2em 1em;
        margin: 0;
      }
      dd {
        margin: 0;
      }
    `,
  ];

  /** The case shown. */
  declare caseId: string | undefined;
  /** The case as last read. */
  declare record: CaseRecord | undefined;
  /** Its audit trail, oldest first. */
  declare trail: AuditEntry[];
  /** What the member may send now. */
  declare actions: CaseAction[];
  /** Whether it is being read. */
  declare loading: boolean;
  /** Why the last read failed, if it did. */
  declare error: string | undefined;
  /** Set when someone else changed the case under the viewer. */
  declare conflict: Conflict | undefined;
  declare protected notice: { text: string; error: boolean } | undefined;
  declare protected busy: boolean;

  /** What the viewer typed, per action type (kept across reloads and conflicts). */
  readonly #forms = new Map<string, FormValues>();
  readonly #photos = new CasePhotos();
  #request = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#photos.clear();
  }
  #stopLive: (() => void) | undefined;

  constructor() {
    super();
    this.trail = [];
    this.actions = [];
    this.loading = false;
    this.busy = false;
  }

  /** Reads the case, its trail and the member's actions again (and clears a conflict). */
  async reload(): Promise<void> {
    const client = this.client;
    const id = this.caseId;
    if (!client || !id) return;
    const request = ++this.#request;
    this.loading = true;
    this.error = undefined;
    try {
      await this.feedReady();
      const member = this.member;
      const [record, trail, actions] = await Promise.all([
        client.getCase(id),
        client.audit(id),
        member ? client.actions(id, member) : Promise.resolve([]),
      ]);
      if (request !== this.#request) return;
      this.record = record;
      if (record)
        this.#photos.load(client, record.id, record.context.photos ?? [], () =>
          this.requestUpdate(),
        );
      this.trail = trail;
      this.actions = actions;
      this.conflict = undefined;
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
    if (this.hasUpdated && changed.has('caseId')) {
      this.#forms.clear();
      this.#photos.clear();
      this.record = undefined;
      this.notice = undefined;
      this.#follow();
      void this.reload();
    }
  }

  #follow(): void {
    this.#stopLive?.();
    this.#stopLive = this.caseId
      ? this.live({ instanceId: this.caseId }, (c) => this.#onChange(c))
      : undefined;
  }

  #onChange(change: Change): void {
    // the viewer's own send reloads when it returns (a conflict there is the runtime's to tell)
    if (this.busy) return;
    if (this.record && change.version <= this.record.version) return;
    if (this.#dirty()) this.conflict = { who: change.entry.actorId, event: change.entry.event };
    else void this.reload();
  }

  #dirty(): boolean {
    for (const values of this.#forms.values())
      for (const [k, v] of values) if (!k.endsWith('#') && v !== '' && v !== false) return true;
    return false;
  }

  #values(type: string): FormValues {
    let v = this.#forms.get(type);
    if (!v) {
      v = new Map();
      this.#forms.set(type, v);
    }
    return v;
  }

  async #send(e: Event, action: CaseAction): Promise<void> {
    e.preventDefault();
    const client = this.client;
    const record = this.record;
    const by = this.member;
    if (!client || !record || !by || this.busy) return;
    const payload = payloadOf(fieldsOf(action.schema), this.#values(action.type));
    this.busy = true;
    this.notice = { text: this.t('sending'), error: false };
    try {
      const r = await client.send(
        record.id,
        { ...payload, type: action.type, by },
        {
          expectedVersion: record.version,
        },
      );
      const lang = this.uiLang;
      if (r.ok) {
        this.#forms.delete(action.type);
        this.notice = {
          text: this.t('sent', { event: label('event', action.type, lang) }),
          error: false,
        };
        const detail: ZzActionSentDetail = {
          caseId: record.id,
          type: action.type,
          record: r.record,
        };
        this.dispatchEvent(zzEvent('zz-action-sent', detail));
        await this.reload();
        return;
      }
      const detail: ZzActionRefusedDetail = {
        caseId: record.id,
        type: action.type,
        code: r.error.code,
        message: r.error.message,
      };
      if (r.error.code === 'store.conflict') {
        const trail = await client.audit(record.id);
        const last = trail[trail.length - 1];
        this.conflict = { who: last?.actorId ?? '?', event: last?.event ?? '?' };
        this.notice = undefined;
      } else {
        this.notice = {
          text: this.t('refused', {
            reason: lang === 'en' ? r.error.message.en : r.error.message.zh,
          }),
          error: true,
        };
      }
      this.dispatchEvent(zzEvent('zz-action-refused', detail));
    } finally {
      this.busy = false;
    }
  }

  override render() {
    if (!this.client) return html`<p class="muted" role="status">${this.t('noProvider')}</p>`;
    if (!this.caseId) return html`<p class="muted" role="status">${this.t('noCase')}</p>`;
    if (this.error)
      return html`<p class="error" role="alert">${this.t('error', { reason: this.error })}</p>`;
    const r = this.record;
    if (!r)
      return html`<p class="muted" role="status">
        ${this.loading ? this.t('loading') : this.t('notFound', { id: this.caseId })}
      </p>`;
    const lang = this.uiLang;
    const c = r.context;
    return html`<article aria-labelledby="title" lang=${lang}>
      <h2 id="title" part="title">${c.title}</h2>
      <p class="muted">
        ${label('status', r.status, lang)} · ${this.categoryName(c.category)} · ${label('severity', c.severity, lang)} ·
        ${r.id} · ${this.t('version', { n: r.version })}
      </p>
      ${c.description ? html`<p>${c.description}</p>` : nothing}
      ${this.#renderPhotos(c.photos ?? [])}
      ${this.#renderConflict()}
      <h3 id="deadlines">${this.t('deadlines')}</h3>
      <dl aria-labelledby="deadlines">
        <dt>${this.t('sla')}</dt>
        <dd>${r.slaDueAt === null ? this.t('none') : formatTimeLeft(r.slaDueAt - this.now(), lang)}</dd>
        <dt>${this.t('dueAt')}</dt>
        <dd>${c.dueAt === null ? this.t('none') : formatTimeLeft(c.dueAt - this.now(), lang)}</dd>
      </dl>
      <h3 id="timeline">${this.t('timeline')}</h3>
      <ol part="timeline" aria-labelledby="timeline">
        ${this.trail.map((e) => this.#renderEntry(e))}
      </ol>
      <h3 id="actions">${this.t('actions')}</h3>
      ${this.#renderActions()}
    </article>`;
  }

  #renderPhotos(photos: readonly string[]) {
    const shown = this.#photos.shown(photos);
    if (shown.length === 0) return nothing;
    return html`<ul class="photos" part="photos" aria-label=${this.t('photos')}>
      ${shown.map((src, i) => html`<li><img src=${src} alt=${this.t('photo', { n: i + 1 })} /></li>`)}
    </ul>`;
  }

  #renderConflict() {
    const k = this.conflict;
    if (!k) return nothing;
    return html`<div class="conflict" part="conflict" role="alert">
      <p>${this.t('conflict', { who: k.who, event: label('event', k.event, this.uiLang) })}</p>
      <button type="button" class="primary" @click=${() => this.reload()}>${this.t('reload')}</button>
    </div>`;
  }

  #renderEntry(e: AuditEntry) {
    const lang = this.uiLang;
    const when = new Date(e.at).toLocaleString(lang);
    const who = this.t('by', { who: e.actorId, role: label('role', e.role, lang) });
    const move =
      e.from === null
        ? label('status', e.to, lang)
        : `${label('status', e.from, lang)} → ${label('status', e.to, lang)}`;
    return html`<li>
      <time datetime=${new Date(e.at).toISOString()}>${when}</time>
      <strong>${label('event', e.event, lang)}</strong> · ${who} · ${move}
      ${e.note ? html`<div>${e.note}</div>` : nothing}
    </li>`;
  }

  #renderActions() {
    if (!this.member) return html`<p class="muted">${this.t('noMember')}</p>`;
    const lang = this.uiLang;
    return html`${
      this.actions.length === 0
        ? html`<p class="muted">${this.t('noActions')}</p>`
        : this.actions.map((a) => {
            const fields = fieldsOf(a.schema);
            const values = this.#values(a.type);
            return html`<details part="action" data-type=${a.type}>
              <summary>${label('event', a.type, lang)}</summary>
              <form @submit=${(e: Event) => this.#send(e, a)}>
                ${renderSchemaFields(fields, { lang, values, idPrefix: a.type, changed: () => this.requestUpdate() })}
                <button type="submit" class="primary" ?disabled=${this.busy}>
                  ${this.t('submit')} · ${label('event', a.type, lang)}
                </button>
              </form>
            </details>`;
          })
    }
      <p role="status" class=${this.notice?.error ? 'error' : 'muted'}>${this.notice?.text ?? ''}</p>`;
  }
}

defineElement('zz-case', ZzCase);

declare global {
  interface HTMLElementTagNameMap {
    'zz-case': ZzCase;
  }
}
