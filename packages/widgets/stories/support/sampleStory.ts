import type { SimulatedClock } from '@zhizhi/core';
import type { Client, LocalClient } from '@zhizhi/core/client';
import type { ZzProvider } from '../../src/index.js';
import { faultyClient } from '../../test/support/faultyClient.js';
import { makeLocalClient } from '../../test/support/localClient.js';

/** The args every widget story takes: what `zz-provider` is given. */
export interface ProviderArgs {
  /** `zh-CN` (default) or `en`. */
  lang: 'zh-CN' | 'en';
  /** Elder-friendly large text (适老化大字). */
  largeText: boolean;
  /** The member acting. */
  member: string;
}

/** What a story's loader hands its render and play functions. */
export interface SampleLoaded {
  /** What the provider is given: the local client, or it behind a fault. */
  client: Client;
  /** The LocalClient itself (to act as someone else in a play function). */
  local: LocalClient;
  clock: SimulatedClock;
  /** Whatever the seed returned (case ids, an outbox name…). */
  seeded: Record<string, unknown>;
}

/** How a story's data is made: a seed over the sample org, and an optional fault. */
export interface SampleOptions {
  seed?: (
    client: LocalClient,
    clock: SimulatedClock,
  ) => Promise<Record<string, unknown> | undefined>;
  /** `fail`: every read rejects (error state); `hang`: every read stays pending (loading). */
  fault?: 'fail' | 'hang';
  /** Wraps the client some other way (e.g. a network switch); wins over `fault`. */
  wrap?: (client: LocalClient) => Client;
}

/**
 * A Storybook loader: a fresh `LocalClient` over a `MemoryStore` with the sample org (the
 * widget tests' fixture), seeded per story, so no story sees another's data.
 */
export function sampleLoader(options: SampleOptions = {}) {
  return async (): Promise<SampleLoaded> => {
    const { client: local, clock } = makeLocalClient();
    const seeded = (await options.seed?.(local, clock)) ?? {};
    const client = options.wrap
      ? options.wrap(local)
      : options.fault
        ? faultyClient(local, options.fault)
        : local;
    return { client, local, clock, seeded };
  };
}

/**
 * A Storybook render function: `zz-provider` with the story's args and loaded client, around
 * `inner` (markup, or markup made from what the loader seeded). `setup` gets the first element
 * inside to set properties that have no attribute.
 */
export function renderInProvider(
  inner: string | ((seeded: Record<string, unknown>) => string),
  setup?: (el: Element, loaded: SampleLoaded) => void,
) {
  return (args: ProviderArgs, context: { loaded: Record<string, unknown> }): HTMLElement => {
    const loaded = context.loaded as unknown as SampleLoaded;
    const provider = document.createElement('zz-provider') as ZzProvider;
    provider.setAttribute('lang', args.lang);
    provider.setAttribute('member', args.member);
    provider.toggleAttribute('large-text', args.largeText);
    provider.clock = loaded.clock;
    provider.client = loaded.client;
    provider.innerHTML = typeof inner === 'string' ? inner : inner(loaded.seeded);
    const first = provider.firstElementChild;
    if (setup && first) setup(first, loaded);
    return provider;
  };
}

/** The provider args of the zh-CN stories (the English and large-text ones override them). */
export const providerArgs = (member: string): ProviderArgs => ({
  lang: 'zh-CN',
  largeText: false,
  member,
});

/** Controls for the provider args, the same in every story file. */
export const providerArgTypes = {
  lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
  largeText: { control: 'boolean' },
  member: { control: 'text' },
} as const;
