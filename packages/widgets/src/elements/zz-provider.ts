import { ContextProvider } from '@lit/context';
import { HttpClient } from '@zhizhi/client';
import type { LocalizedText } from '@zhizhi/core';
import type { Client } from '@zhizhi/core/client';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { defineElement } from '../defineElement.js';
import { toLang } from '../i18n/translate.js';
import { LiveFeed } from '../provider/LiveFeed.js';
import { type ZzContext, zzContext } from '../provider/zzContext.js';
import type { ReportCategory } from './zz-report-form/reportCategories.js';

/**
 * Where the `zz-*` elements inside it get their data: `api` (a zhizhi server's API, e.g.
 * `https://zhizhi.example/api`, used through `HttpClient`) or a `client` property (any
 * `Client`, e.g. a `LocalClient` the page made); the token (`token`, or a `tokenProvider`
 * callback for the portal's single sign-on); `lang`; the `member` acting; `large-text` (适老化).
 * Elements find it through `@lit/context` (the `zzContext` key). It holds the page's one live
 * stream: however many elements listen, one subscription, shared with the other tabs of the
 * origin (BroadcastChannel, leader elected with Web Locks) when the data comes from `api`.
 *
 * @element zz-provider
 * @slot - the elements that use this provider
 * @cssprop --zz-font-size - base text size (14px)
 * @cssprop --zz-large-text-scale - how much `large-text` enlarges text (1.3)
 *
 * @example
 * ```html
 * <zz-provider api="https://zhizhi.example/api" member="qj-sj-duty" lang="zh-CN" large-text>
 *   <zz-case-list town="qj-sj"></zz-case-list>
 * </zz-provider>
 * <script>
 *   document.querySelector('zz-provider').tokenProvider = () => portalSso.getToken();
 * </script>
 * ```
 */
export class ZzProvider extends LitElement {
  static override properties = {
    api: { type: String },
    token: { type: String },
    member: { type: String },
    lang: { type: String },
    largeText: { type: Boolean, attribute: 'large-text', reflect: true },
    client: { attribute: false },
    tokenProvider: { attribute: false },
    clock: { attribute: false },
    categories: { attribute: false },
  };

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** A zhizhi server's API base, e.g. `https://zhizhi.example/api`. */
  declare api: string | undefined;
  /** A bearer token for every request (ignored when `tokenProvider` is set). */
  declare token: string | undefined;
  /** The member acting: whose actions `zz-case` offers, the `by` of every command. */
  declare member: string | undefined;
  /** `zh-CN` (default) or `en`. */
  declare lang: string;
  /** Elder-friendly large text (适老化) for every element inside. */
  declare largeText: boolean;
  /** Any `Client` (e.g. a `LocalClient`); wins over `api`. */
  declare client: Client | undefined;
  /** Returns the current token (the portal's SSO); called again after a 401. */
  declare tokenProvider: (() => string | Promise<string>) | undefined;
  /** The clock deadlines count from (default `Date.now`), e.g. a `LocalClient`'s simulated one. */
  declare clock: { now(): number } | undefined;
  /**
   * The town's report categories with their names in both languages: the report form offers
   * them (unless given its own), and every element shows a category by its name, not its id.
   */
  declare categories: readonly ReportCategory[] | undefined;

  readonly #provider = new ContextProvider(this, { context: zzContext });
  #ownClient: HttpClient | undefined;
  #feed: LiveFeed | undefined;
  #source: unknown[] = [];

  constructor() {
    super();
    this.largeText = false;
  }

  /** The live feed the elements inside share (for tests and advanced pages). */
  get feed(): LiveFeed | undefined {
    return this.#feed;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // published at the first update, so that properties a page sets right after inserting
    // the provider (client, tokenProvider) are there before any request goes out
    this.#source = [];
    if (this.hasUpdated) this.#publish();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#teardown();
  }

  protected override willUpdate(_changed: PropertyValues): void {
    if (this.isConnected) this.#publish();
  }

  override render() {
    return html`<slot></slot>`;
  }

  #publish(): void {
    const source = [this.client, this.api, this.token, this.tokenProvider, this.member];
    if (source.some((v, i) => v !== this.#source[i]) || this.#source.length === 0) {
      this.#teardown();
      this.#source = source;
      const client = this.client ?? this.#httpClient();
      this.#feed = client
        ? new LiveFeed({
            client,
            ...(this.client === undefined && this.api
              ? { channel: `${this.api}|${this.member ?? ''}` }
              : {}),
          })
        : undefined;
    }
    const clock = this.clock;
    const value: ZzContext = {
      client: this.client ?? this.#ownClient,
      feed: this.#feed,
      lang: toLang(this.lang),
      member: this.member || undefined,
      largeText: this.largeText,
      now: clock ? () => clock.now() : () => Date.now(),
      categories: this.#names(),
    };
    this.#provider.setValue(value, true);
  }

  #namesOf: readonly ReportCategory[] | undefined;
  #namesMap: ReadonlyMap<string, LocalizedText> = new Map();
  /** The categories' names by id (a new map only when `categories` changes). */
  #names(): ReadonlyMap<string, LocalizedText> {
    if (this.categories !== this.#namesOf) {
      this.#namesOf = this.categories;
      const map = new Map<string, LocalizedText>();
      for (const c of this.categories ?? []) if (c.name) map.set(c.id, c.name);
      this.#namesMap = map;
    }
    return this.#namesMap;
  }

  #httpClient(): HttpClient | undefined {
    if (!this.api) return undefined;
    const tokenProvider = this.tokenProvider;
    this.#ownClient = new HttpClient({
      baseUrl: this.api.replace(/\/+$/, '').replace(/\/api$/, ''),
      ...(tokenProvider
        ? { tokenFor: () => tokenProvider(), reader: this.member ?? 'portal' }
        : this.token
          ? { token: this.token }
          : {}),
    });
    return this.#ownClient;
  }

  #teardown(): void {
    this.#feed?.close();
    this.#feed = undefined;
    void this.#ownClient?.close();
    this.#ownClient = undefined;
  }
}

defineElement('zz-provider', ZzProvider);

declare global {
  interface HTMLElementTagNameMap {
    'zz-provider': ZzProvider;
  }
}
