import { severities, type ZhizhiError } from '@zhizhi/core';
import { label } from '@zhizhi/core/labels';
import { css, html, nothing, type PropertyValues } from 'lit';
import { defineElement } from '../defineElement.js';
import { zzEvent } from '../events.js';
import { type FlushResult, Outbox, type PhotoUploader } from '../outbox/Outbox.js';
import type { CoordinateSystem, OutboxEntry } from '../outbox/OutboxEntry.js';
import { ZzElement } from '../provider/ZzElement.js';
import type { ZzContext } from '../provider/zzContext.js';
import { baseStyles } from '../theme/baseStyles.js';
import { gcj02ToWgs84 } from './zz-report-form/gcj02ToWgs84.js';
import { locateDevice, type TaggedPosition } from './zz-report-form/locateDevice.js';
import type { ReportCategory } from './zz-report-form/reportCategories.js';
import { reportFormMessages } from './zz-report-form/reportFormMessages.js';
import { PhotoError, resizePhoto } from './zz-report-form/resizePhoto.js';

/** The most photos one report takes (the report schema allows 20). */
const MAX_PHOTOS = 9;

type Photo = { blob: Blob; url: string };

/**
 * A grid worker's one-tap report (上报): category (from the town's lists), severity, title,
 * description, photos (camera capture on phones, shrunk in the browser to ≤ 1600 px JPEG,
 * HEIC refused clearly when the browser cannot decode it) and location (the device's position,
 * or typed in by hand, tagged `WGS84` or `GCJ-02`; a GCJ-02 position is converted, so the case
 * stores WGS84). Reports go through an **offline outbox** in IndexedDB with an idempotency key
 * each: sent at once when possible, kept on a network error and sent when the `online` event
 * fires or the page loads again; a refusal (4xx) is shown and never retried.
 *
 * It is a form-associated custom element: inside a `<form>` its value (the report as JSON,
 * under its `name`) and its validity take part in the page's form — the form does not submit
 * while the report is invalid, and its submit button calls `form.requestSubmit()` (the report
 * is queued when the form's `submit` event fires). Outside a form it submits itself.
 *
 * @element zz-report-form
 * @fires zz-report-queued - {ZzReportQueuedDetail} a report was put in the outbox
 * @fires zz-report-sent - {ZzReportSentDetail} the server opened its case
 * @fires zz-report-refused - {ZzReportRefusedDetail} the server refused it (not retried)
 * @csspart form - the form
 * @csspart submit - the submit button
 * @csspart outbox - the list of reports waiting or refused
 * @cssprop --zz-color-accent - the submit button
 *
 * @example
 * ```html
 * <zz-provider api="/api" member="qj-sj-c1-g1-worker">
 *   <zz-report-form grid="qj-sj-c1-g1" categories="riverPollution,roadFacilities"></zz-report-form>
 * </zz-provider>
 * <script>
 *   document.querySelector('zz-report-form').uploadPhoto = (blob) => portal.upload(blob); // → URL
 * </script>
 * ```
 */
export class ZzReportForm extends ZzElement {
  static formAssociated = true;
  static override messages = reportFormMessages;

  static override properties = {
    ...ZzElement.properties,
    grid: { type: String, reflect: true },
    name: { type: String, reflect: true },
    outbox: { type: String },
    categoryIds: { type: String, attribute: 'categories' },
    categories: { attribute: false },
    uploadPhoto: { attribute: false },
    locate: { attribute: false },
    disabled: { type: Boolean, reflect: true },
    entries: { state: true, attribute: false },
    status: { state: true, attribute: false },
    photos: { state: true, attribute: false },
    photoProblem: { state: true, attribute: false },
    position: { state: true, attribute: false },
    locating: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  static override styles = [
    baseStyles,
    css`
      form {
        display: grid;
        gap: 0.6em;
      }
      label,
      fieldset {
        display: grid;
        gap: 0.15em;
      }
      fieldset {
        border: 1px solid var(--zz-color-border, #8c959f);
        border-radius: var(--zz-radius, 4px);
        padding: 0.4em 0.6em 0.6em;
        margin: 0;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 1em;
        align-items: end;
      }
      .photos {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4em;
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .photos img {
        width: 4.5em;
        height: 4.5em;
        object-fit: cover;
        display: block;
      }
      .outbox {
        list-style: none;
        padding: 0;
        margin: 0.4em 0 0;
        display: grid;
        gap: 0.3em;
      }
      .refused {
        border-inline-start: 4px solid var(--zz-color-danger, #b42318);
        padding-inline-start: 0.5em;
      }
      textarea {
        min-height: 5em;
      }
    `,
  ];

  /** The grid the reports come from (required; it places the case in its community and town). */
  declare grid: string | undefined;
  /** The form field name of the element's value (the report as JSON) in a surrounding form. */
  declare name: string | undefined;
  /** The IndexedDB database of the outbox (default `zhizhi-outbox:<member>`). */
  declare outbox: string | undefined;
  /** The category ids to offer, comma separated (the `categories` attribute). */
  declare categoryIds: string | undefined;
  /**
   * The categories to offer, with names (wins over the attribute); see `reportCategories`.
   * Without either, the provider's `categories`.
   */
  declare categories: ReportCategory[] | undefined;
  /**
   * Uploads one photo and returns its URL. Default: the provider's client when it can upload
   * (`HttpClient.uploadPhoto`, `POST /api/photos` as the reporter); set it to upload elsewhere.
   * Without either the form takes no photos.
   */
  declare uploadPhoto: PhotoUploader | undefined;
  /** Where "use my position" asks (default: the Geolocation API, WGS84). */
  declare locate: () => Promise<TaggedPosition>;
  /** Disabled (also when a surrounding `<fieldset disabled>` disables it). */
  declare disabled: boolean;
  /** The outbox's entries: reports waiting (`pending`) or refused. */
  declare entries: OutboxEntry[];
  declare protected status:
    | { key: string; params?: Record<string, string | number>; error?: boolean }
    | undefined;
  declare protected photos: Photo[];
  declare protected photoProblem: string | undefined;
  declare protected position: TaggedPosition | undefined;
  declare protected locating: 'idle' | 'busy' | 'failed';
  declare protected busy: boolean;

  readonly #internals: ElementInternals;
  #outbox: Outbox | undefined;
  #form: HTMLFormElement | null = null;
  #locateError = '';
  readonly #onOnline = () => void this.flush();
  // the page's form submitted (its validation passed, ours included): queue the report, even
  // when the page prevents the navigation
  readonly #onFormSubmit = () => void this.#queue();

  constructor() {
    super();
    this.#internals = this.attachInternals();
    this.disabled = false;
    this.entries = [];
    this.photos = [];
    this.locating = 'idle';
    this.busy = false;
    this.locate = () => locateDevice();
  }

  /** The surrounding form, if any. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  /** Whether the report can be sent as it stands (title and category given, location valid). */
  get validity(): ValidityState {
    return this.#internals.validity;
  }

  /** The message of the first problem (empty when valid). */
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  /** The report as it stands, as the `Client` takes it (`undefined` while invalid). */
  get value(): Record<string, unknown> | undefined {
    return this.#collect().input;
  }

  /** Checks validity (fires `invalid` on the element when not valid). */
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  /** Checks validity and shows the problem to the user. */
  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
    this.#form = this.#internals.form;
    this.#form?.addEventListener('submit', this.#onFormSubmit);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
    this.#form?.removeEventListener('submit', this.#onFormSubmit);
    this.#form = null;
    void this.#outbox?.close();
    this.#outbox = undefined;
    for (const p of this.photos) URL.revokeObjectURL(p.url);
  }

  /** Called by the browser when the surrounding form is reset. */
  formResetCallback(): void {
    this.#clear();
  }

  /** Called by the browser when a surrounding fieldset or form disables the element. */
  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  /** The page's `uploadPhoto`, else the provider's client's upload (as the reporter), if any. */
  #uploader(): PhotoUploader | undefined {
    if (this.uploadPhoto) return this.uploadPhoto;
    const client = this.client as { uploadPhoto?: (photo: Blob, by?: string) => Promise<string> };
    if (typeof client?.uploadPhoto !== 'function') return undefined;
    return (photo, entry) => {
      const by = entry.input.reporterId;
      return client.uploadPhoto?.(
        photo,
        typeof by === 'string' ? by : this.member,
      ) as Promise<string>;
    };
  }

  /**
   * Sends what waits in the outbox (on load, on `online`, after each report). Does nothing
   * without a client or a reporter.
   */
  async flush(): Promise<FlushResult | undefined> {
    const client = this.client;
    if (!client || !this.isConnected) return undefined;
    const outbox = this.#theOutbox();
    if (!outbox) return undefined;
    const result = await outbox.flush(
      client,
      this.#uploader() ? { uploadPhoto: this.#uploader() as PhotoUploader } : {},
    );
    // the list and the status first, so that listeners of the events see them as they are
    await this.#readEntries();
    const last = result.sent.at(-1);
    if (result.kept > 0) this.status = { key: 'queued', params: { n: this.#pendingCount() } };
    else if (last) this.status = { key: 'sent', params: { id: last.record.id } };
    for (const { entry, record } of result.sent)
      this.dispatchEvent(
        zzEvent('zz-report-sent', {
          key: entry.key,
          caseId: record.id,
          record,
        }),
      );
    for (const entry of result.refused)
      this.dispatchEvent(
        zzEvent('zz-report-refused', {
          key: entry.key,
          error: entry.error as ZhizhiError,
        }),
      );
    return result;
  }

  /** Fills in the report from the form and queues it, as the submit button does. */
  async submit(): Promise<OutboxEntry | undefined> {
    return this.#queue();
  }

  protected override contextChanged(previous: ZzContext | undefined): void {
    if (previous?.member !== this.member || previous?.client !== this.client) {
      void this.#outbox?.close();
      this.#outbox = undefined;
      void this.flush();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#sync();
  }

  #theOutbox(): Outbox | undefined {
    const member = this.member;
    if (!member) return undefined;
    const name = this.outbox || `zhizhi-outbox:${member}`;
    if (this.#outbox?.name !== name) {
      void this.#outbox?.close();
      this.#outbox = new Outbox({ name });
    }
    return this.#outbox;
  }

  async #readEntries(): Promise<void> {
    const outbox = this.#theOutbox();
    this.entries = outbox ? await outbox.entries() : [];
  }

  #pendingCount(): number {
    return this.entries.filter((e) => e.state === 'pending').length;
  }

  #field<T extends HTMLElement = HTMLInputElement>(name: string): T | null {
    return this.renderRoot.querySelector<T>(`[name="${name}"]`);
  }

  #text(name: string): string {
    return (
      this.#field<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(name)?.value ?? ''
    ).trim();
  }

  /** The report from the fields, or the first problem and the field it is in. */
  #collect(): {
    input?: Record<string, unknown>;
    system?: CoordinateSystem;
    problem?: { key: string; field: string };
  } {
    const category = this.#text('category');
    const title = this.#text('title');
    if (!category) return { problem: { key: 'needCategory', field: 'category' } };
    if (!title) return { problem: { key: 'needTitle', field: 'title' } };
    const latText = this.#text('lat');
    const lngText = this.#text('lng');
    const address = this.#text('address');
    let location: { lat: number; lng: number; address?: string } | undefined;
    let system: CoordinateSystem | undefined;
    if (latText || lngText) {
      if (!latText || !lngText)
        return { problem: { key: 'needBoth', field: latText ? 'lng' : 'lat' } };
      const lat = Number(latText);
      const lng = Number(lngText);
      if (!Number.isFinite(lat) || lat < -90 || lat > 90)
        return { problem: { key: 'badLat', field: 'lat' } };
      if (!Number.isFinite(lng) || lng < -180 || lng > 180)
        return { problem: { key: 'badLng', field: 'lng' } };
      system = this.#text('system') === 'GCJ-02' ? 'GCJ-02' : 'WGS84';
      const wgs = system === 'GCJ-02' ? gcj02ToWgs84({ lat, lng }) : { lat, lng };
      location = { ...wgs, ...(address ? { address } : {}) };
    }
    const description = this.#text('description');
    const input: Record<string, unknown> = {
      gridId: this.grid ?? '',
      reporterId: this.member ?? '',
      category,
      severity: this.#text('severity') || 'medium',
      title,
      ...(description ? { description } : {}),
      ...(location ? { location } : {}),
    };
    return { input, ...(system ? { system } : {}) };
  }

  /** Publishes the value and validity to the surrounding form. */
  #sync(): void {
    const { input, problem } = this.#collect();
    this.#internals.setFormValue(input ? JSON.stringify(input) : null);
    if (problem) {
      const anchor = this.#field(problem.field) ?? undefined;
      this.#internals.setValidity({ customError: true }, this.t(problem.key), anchor);
    } else this.#internals.setValidity({});
  }

  async #queue(): Promise<OutboxEntry | undefined> {
    this.#sync();
    if (!this.grid || !this.member) {
      this.status = { key: 'noGrid', error: true };
      return undefined;
    }
    const { input, system, problem } = this.#collect();
    if (!input || problem) {
      this.#internals.reportValidity();
      return undefined;
    }
    const outbox = this.#theOutbox();
    if (!outbox || this.busy) return undefined;
    this.busy = true;
    try {
      const entry = await outbox.add(input, {
        photos: this.photos.map((p) => p.blob),
        ...(system ? { coordinateSystem: system } : {}),
      });
      this.dispatchEvent(zzEvent('zz-report-queued', { key: entry.key, input }));
      this.#clear();
      this.status = { key: 'sending' };
      await this.flush();
      return entry;
    } finally {
      this.busy = false;
    }
  }

  #clear(): void {
    const form = this.renderRoot.querySelector('form');
    form?.reset();
    for (const p of this.photos) URL.revokeObjectURL(p.url);
    this.photos = [];
    this.photoProblem = undefined;
    this.position = undefined;
    this.locating = 'idle';
    this.#sync();
  }

  #onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    const outer = this.#internals.form;
    if (outer) {
      // the page's form decides: its validation, its submit event (where we queue)
      outer.requestSubmit();
      return;
    }
    void this.#queue();
  }

  async #onPhotos(e: Event): Promise<void> {
    const input = e.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    const problems: string[] = [];
    const added: Photo[] = [];
    for (const file of files) {
      if (this.photos.length + added.length >= MAX_PHOTOS) {
        problems.push(this.t('tooManyPhotos', { n: MAX_PHOTOS }));
        break;
      }
      try {
        const blob = await resizePhoto(file);
        added.push({ blob, url: URL.createObjectURL(blob) });
      } catch (err) {
        const code = err instanceof PhotoError ? err.code : 'unreadable';
        problems.push(this.t(code, { name: file.name }));
      }
    }
    this.photos = [...this.photos, ...added];
    this.photoProblem = problems.join(' ') || undefined;
  }

  #removePhoto(i: number): void {
    const p = this.photos[i];
    if (p) URL.revokeObjectURL(p.url);
    this.photos = this.photos.filter((_, j) => j !== i);
  }

  async #onLocate(): Promise<void> {
    this.locating = 'busy';
    try {
      const p = await this.locate();
      this.position = p;
      this.locating = 'idle';
      await this.updateComplete;
      const set = (name: string, v: string) => {
        const f = this.#field<HTMLInputElement | HTMLSelectElement>(name);
        if (f) f.value = v;
      };
      set('lat', p.lat.toFixed(6));
      set('lng', p.lng.toFixed(6));
      set('system', p.system);
      this.#sync();
    } catch (err) {
      this.#locateError = err instanceof Error ? err.message : String(err);
      this.position = undefined;
      this.locating = 'failed';
      await this.updateComplete;
      this.#field('lat')?.focus();
    }
  }

  async #dismiss(key: string): Promise<void> {
    await this.#theOutbox()?.remove(key);
    await this.#readEntries();
  }

  #categoryList(): readonly ReportCategory[] {
    if (this.categories) return this.categories;
    const ids = (this.categoryIds ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    // no list of its own: the provider's categories (named), else the ids named by the provider
    if (ids.length === 0) {
      const named = this.zz?.categories;
      return named ? [...named].map(([id, name]) => ({ id, name })) : [];
    }
    return ids.map((id) => {
      const name = this.zz?.categories.get(id);
      return name ? { id, name } : { id };
    });
  }

  #statusLine() {
    if (!this.status) {
      const n = this.#pendingCount();
      return n > 0 ? this.t('pending', { n }) : '';
    }
    return this.t(this.status.key, this.status.params);
  }

  override render() {
    if (!this.client) return html`<p class="muted" role="status">${this.t('noProvider')}</p>`;
    const lang = this.uiLang;
    const categories = this.#categoryList();
    const disabled = this.disabled;
    const p = this.position;
    return html`
      <section aria-labelledby="title" lang=${lang}>
        <h2 id="title">${this.t('title')}</h2>
        <form part="form" novalidate @submit=${this.#onSubmit} @input=${() => this.#sync()} @change=${() => this.#sync()}>
          <label>${this.t('category')}
            <select name="category" required ?disabled=${disabled}>
              <option value="">${categories.length ? this.t('choose') : this.t('noCategories')}</option>
              ${categories.map((c) => html`<option value=${c.id}>${c.name ? (lang === 'en' ? c.name.en : c.name.zh) : c.id}</option>`)}
            </select>
          </label>
          <label>${this.t('severity')}
            <select name="severity" ?disabled=${disabled}>
              ${severities.map((s) => html`<option value=${s} ?selected=${s === 'medium'}>${label('severity', s, lang)}</option>`)}
            </select>
          </label>
          <label>${this.t('caseTitle')}
            <input name="title" required maxlength="200" autocomplete="off" ?disabled=${disabled} />
          </label>
          <label>${this.t('description')}
            <textarea name="description" maxlength="4000" ?disabled=${disabled}></textarea>
          </label>
          ${
            this.#uploader()
              ? html`<label>${this.t('photos')}
                  <input name="photos" type="file" accept="image/*" capture="environment" multiple
                    aria-describedby="photos-hint" ?disabled=${disabled} @change=${this.#onPhotos} />
                </label>
                <p id="photos-hint" class="muted">${this.t('photosHint')}</p>
                ${this.photoProblem ? html`<p class="error" role="alert">${this.photoProblem}</p>` : nothing}
                ${
                  this.photos.length
                    ? html`<ul class="photos">
                      ${this.photos.map(
                        (ph, i) => html`<li>
                          <img src=${ph.url} alt=${this.t('photo', { n: i + 1 })} />
                          <button type="button" @click=${() => this.#removePhoto(i)}>${this.t('removePhoto', { n: i + 1 })}</button>
                        </li>`,
                      )}
                    </ul>`
                    : nothing
                }`
              : nothing
          }
          <fieldset>
            <legend>${this.t('location')}</legend>
            <div class="row">
              <button type="button" ?disabled=${disabled || this.locating === 'busy'} @click=${this.#onLocate}>
                ${this.locating === 'busy' ? this.t('locating') : this.t('locate')}
              </button>
              <span role="status" class=${this.locating === 'failed' ? 'error' : 'muted'}>${
                this.locating === 'failed'
                  ? this.t('locateFailed', { reason: this.#locateError })
                  : p
                    ? this.t('located', {
                        lat: p.lat.toFixed(6),
                        lng: p.lng.toFixed(6),
                        system: p.system,
                        accuracy: Math.round(p.accuracy ?? 0),
                      })
                    : ''
              }</span>
            </div>
            <div class="row">
              <label>${this.t('lat')}<input name="lat" inputmode="decimal" autocomplete="off" ?disabled=${disabled} /></label>
              <label>${this.t('lng')}<input name="lng" inputmode="decimal" autocomplete="off" ?disabled=${disabled} /></label>
              <label>${this.t('system')}
                <select name="system" ?disabled=${disabled}>
                  <option value="WGS84">${this.t('wgs84')}</option>
                  <option value="GCJ-02">${this.t('gcj02')}</option>
                </select>
              </label>
            </div>
            <label>${this.t('address')}<input name="address" maxlength="400" ?disabled=${disabled} /></label>
          </fieldset>
          <div class="row">
            <button type="submit" class="primary" part="submit" ?disabled=${disabled || this.busy}>${this.t('submit')}</button>
            <span role="status" class=${this.status?.error ? 'error' : 'muted'}>${this.#statusLine()}</span>
          </div>
        </form>
        ${this.#renderOutbox(lang)}
      </section>
    `;
  }

  #renderOutbox(lang: 'zh-CN' | 'en') {
    if (this.entries.length === 0) return nothing;
    return html`<section aria-labelledby="outbox-title">
      <h3 id="outbox-title" class="visually-hidden">${this.t('outbox')}</h3>
      <ul class="outbox" part="outbox">
        ${this.entries.map((e) =>
          e.state === 'refused'
            ? html`<li class="refused" data-key=${e.key}>
                <span>${this.t('refused', {
                  title: String(e.input.title ?? ''),
                  reason: lang === 'en' ? (e.error?.message.en ?? '') : (e.error?.message.zh ?? ''),
                })}</span>
                <button type="button" @click=${() => this.#dismiss(e.key)}>${this.t('dismiss')}</button>
              </li>`
            : html`<li class="muted" data-key=${e.key}>⏳ ${String(e.input.title ?? '')}</li>`,
        )}
      </ul>
    </section>`;
  }
}

defineElement('zz-report-form', ZzReportForm);

// the events' detail types (and their HTMLElementEventMap entries) come with the element
export type {
  ZzReportQueuedDetail,
  ZzReportRefusedDetail,
  ZzReportSentDetail,
} from './zz-report-form/reportFormEvents.js';

declare global {
  interface HTMLElementTagNameMap {
    'zz-report-form': ZzReportForm;
  }
}
