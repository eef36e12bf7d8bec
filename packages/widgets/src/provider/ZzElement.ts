import { ContextConsumer, ContextRoot } from '@lit/context';
import type { Lang } from '@zhizhi/core';
import type { Client } from '@zhizhi/core/client';
import type { Change, ChangeFilter } from '@zhizhi/core/runtime';
import { LitElement } from 'lit';
import { type Messages, toLang, translate } from '../i18n/translate.js';
import { type ZzContext, zzContext } from './zzContext.js';

// Elements may upgrade before their provider (ESM entries loaded in any order): a context root
// on the document replays their requests when the provider appears. Once per page.
const ROOT = Symbol.for('zhizhi.widgets.contextRoot');
if (typeof document !== 'undefined') {
  const g = globalThis as { [ROOT]?: boolean };
  if (!g[ROOT]) {
    g[ROOT] = true;
    new ContextRoot().attach(document.documentElement);
  }
}

/**
 * The base of every `zz-*` element: it consumes the nearest `zz-provider` (client, live feed,
 * language, member, large text, clock), re-renders when the provider changes, speaks its own
 * message table in the provider's language (its own `lang` attribute wins), reflects the
 * provider's large-text mode onto `large-text`, and manages live-feed listeners so they follow
 * provider changes and stop when the element leaves the page.
 *
 * @example
 * ```ts
 * import { html } from 'lit';
 * import { ZzElement, defineElement } from '@zhizhi/widgets';
 * class MyCount extends ZzElement {
 *   static messages = { title: { zh: '事件数', en: 'Cases' } };
 *   override render() { return html`${this.t('title')}`; }
 * }
 * defineElement('my-count', MyCount);
 * ```
 */
export class ZzElement extends LitElement {
  static override properties = {
    largeText: { type: Boolean, attribute: 'large-text', reflect: true },
  };

  /** The element's strings in zh-CN and English. */
  static messages: Messages = {};

  /** Large text (适老化): set by the provider, or on the element itself. */
  declare largeText: boolean;

  /** The provider's context (undefined until a provider is found). */
  protected zz: ZzContext | undefined;

  readonly #live = new Set<{ filter: ChangeFilter | undefined; fn: (c: Change) => void }>();
  readonly #stops: (() => void)[] = [];
  #ownLargeText = false;

  constructor() {
    super();
    this.largeText = false;
    new ContextConsumer(this, {
      context: zzContext,
      subscribe: true,
      callback: (value) => {
        if (!value) return; // the provider has not published yet
        const previous = this.zz;
        this.zz = value;
        if (!this.#ownLargeText) this.largeText = value.largeText;
        this.#rewire();
        this.requestUpdate();
        this.contextChanged(previous);
      },
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#ownLargeText = this.hasAttribute('large-text') && !this.zz;
    this.#rewire();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwire();
  }

  /** The client of the provider. */
  protected get client(): Client | undefined {
    return this.zz?.client;
  }

  /** The member acting (the provider's `member`). */
  protected get member(): string | undefined {
    return this.zz?.member;
  }

  /** The language: the element's own `lang` attribute, else the provider's (zh-CN default). */
  protected get uiLang(): Lang {
    const own = this.getAttribute('lang');
    return own ? toLang(own) : (this.zz?.lang ?? 'zh-CN');
  }

  /** Now, by the provider's clock. */
  protected now(): number {
    return this.zz?.now() ?? Date.now();
  }

  /**
   * A category's name in the element's language, from the provider's `categories`; the id
   * itself when the page gave no name for it.
   */
  protected categoryName(id: string): string {
    const name = this.zz?.categories.get(id);
    if (!name) return id;
    return this.uiLang === 'en' ? name.en : name.zh;
  }

  /** One of the element's messages in its language. */
  protected t(key: string, params?: Readonly<Record<string, string | number>>): string {
    const table = (this.constructor as typeof ZzElement).messages;
    return translate(table, key, this.uiLang, params);
  }

  /**
   * Calls `fn` with each change of the page's live feed that matches `filter`, as long as the
   * element is on the page (and across provider changes).
   */
  protected live(filter: ChangeFilter | undefined, fn: (change: Change) => void): () => void {
    const entry = { filter, fn };
    this.#live.add(entry);
    this.#rewire();
    return () => {
      this.#live.delete(entry);
      this.#rewire();
    };
  }

  /**
   * Settles once the page's live stream is open (or this tab follows another's): read data
   * after it, so that no change falls between the read and the stream.
   */
  protected feedReady(): Promise<void> {
    return this.zz?.feed?.ready ?? Promise.resolve();
  }

  /**
   * Called when the live feed may have missed changes (a feed gap, or a new leading tab that
   * had seen none): read the state again here.
   */
  protected feedResynced(): void {}

  /** Called when the provider's context arrives or changes (load data here). */
  protected contextChanged(_previous: ZzContext | undefined): void {}

  #rewire(): void {
    this.#unwire();
    const feed = this.isConnected ? this.zz?.feed : undefined;
    if (!feed) return;
    for (const l of this.#live) this.#stops.push(feed.listen(l.filter, l.fn));
    if (this.#live.size > 0) this.#stops.push(feed.onResync(() => this.feedResynced()));
  }

  #unwire(): void {
    for (const stop of this.#stops.splice(0)) stop();
  }
}
