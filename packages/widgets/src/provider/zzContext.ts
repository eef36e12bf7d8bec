import { createContext } from '@lit/context';
import type { Lang, LocalizedText } from '@zhizhi/core';
import type { Client } from '@zhizhi/core/client';
import type { LiveFeed } from './LiveFeed.js';

/**
 * What a `zz-provider` gives the elements inside it (through `@lit/context`): the client, the
 * page's one live feed, the language, the member acting, the large-text mode, the clock and the
 * names of the town's categories.
 *
 * @example
 * ```ts
 * import type { ZzContext } from '@zhizhi/widgets';
 * const who = (ctx: ZzContext) => ctx.member ?? '—';
 * ```
 */
export interface ZzContext {
  client: Client | undefined;
  feed: LiveFeed | undefined;
  lang: Lang;
  member: string | undefined;
  largeText: boolean;
  /** The time deadlines count from (the page's clock unless a `clock` was given). */
  now: () => number;
  /** The names of the town's categories, by id (the provider's `categories`). */
  categories: ReadonlyMap<string, LocalizedText>;
}

/**
 * The context key `zz-provider` provides and every `zz-*` element consumes. A global symbol,
 * so elements and a provider from two copies of the library still find each other.
 *
 * @example
 * ```ts
 * import { ContextConsumer } from '@lit/context';
 * import { zzContext } from '@zhizhi/widgets';
 * // inside a LitElement: new ContextConsumer(this, { context: zzContext, subscribe: true });
 * ```
 */
export const zzContext = createContext<ZzContext>(Symbol.for('zhizhi.widgets.context'));
