import type { Client } from '@zhizhi/core/client';
import type { Change, ChangeFilter, Subscription } from '@zhizhi/core/runtime';
import { matchesChange } from '@zhizhi/core/runtime';

/**
 * Options of a {@link LiveFeed}.
 *
 * @example
 * ```ts
 * import type { LiveFeedOptions } from '@zhizhi/widgets';
 * const options: LiveFeedOptions = { client, channel: 'https://zhizhi.example/api|qj-sj-duty' };
 * ```
 */
export interface LiveFeedOptions {
  /** Where changes come from: one `client.subscribe` for the whole page. */
  client: Client;
  /**
   * Share one stream across the tabs of this origin: tabs with the same channel name elect a
   * leader (Web Locks) that holds the stream and relays changes over a `BroadcastChannel`.
   * Omit it (e.g. for a `LocalClient`, whose store lives in this page) to keep the stream here.
   */
  channel?: string;
}

type Listener = { filter: ChangeFilter | undefined; fn: (change: Change) => void };

/** What a feed does now: `idle` before the first listener, then `leader`, `follower` or `alone`. */
export type LiveFeedRole = 'idle' | 'alone' | 'leader' | 'follower' | 'closed';

type ChannelMessage = { type: 'change'; change: Change } | { type: 'resync' };

/** `Client.subscribe`'s options, with `HttpClient`'s `onGap` (other clients ignore it). */
type SubscribeOptions = NonNullable<Parameters<Client['subscribe']>[1]> & {
  onGap?(since: number): void;
};

/**
 * The page's one live stream, fanned out to every element: the first listener opens a single
 * `client.subscribe` (however many elements listen), each change is delivered once and in
 * order — changes at or below the last sequence number seen are dropped, so a resumed or
 * re-elected stream never doubles a change — and each listener gets the changes its filter
 * matches. With a `channel` (and `BroadcastChannel` + `navigator.locks` in the browser) the
 * tabs of one origin share one stream: the lock holder subscribes and relays; when its tab
 * closes the lock passes to another tab, which resumes from the last change it saw.
 *
 * @example
 * ```ts
 * import { LiveFeed } from '@zhizhi/widgets';
 * const feed = new LiveFeed({ client });
 * const stop = feed.listen({ kind: 'case', townId: 'qj-sj' }, (c) => console.log(c.seq, c.status));
 * stop();
 * ```
 */
export class LiveFeed {
  readonly #client: Client;
  readonly #channelName: string | undefined;
  readonly #listeners = new Set<Listener>();
  readonly #resyncs = new Set<() => void>();
  #last: number | undefined;
  #role: LiveFeedRole = 'idle';
  #upstream: Subscription | undefined;
  #opening: Promise<void> | undefined;
  #channel: BroadcastChannel | undefined;
  #releaseLock: (() => void) | undefined;
  #ready: Promise<void> = Promise.resolve();
  #subscriptions = 0;

  constructor(options: LiveFeedOptions) {
    this.#client = options.client;
    this.#channelName = options.channel;
  }

  /** The sequence number of the last change delivered (`undefined` before the first). */
  get last(): number | undefined {
    return this.#last;
  }

  /** Whether this feed holds the stream, follows another tab's, or has not started. */
  get role(): LiveFeedRole {
    return this.#role;
  }

  /** How many times this feed has called `client.subscribe` (one per leadership or resume). */
  get subscriptions(): number {
    return this.#subscriptions;
  }

  /** Settles once the stream (or the channel of a follower) is open. */
  get ready(): Promise<void> {
    return this.#ready;
  }

  /**
   * Calls `fn` with each change that matches `filter`, from now on. Returns the function that
   * stops it. The first listener starts the stream.
   */
  listen(filter: ChangeFilter | undefined, fn: (change: Change) => void): () => void {
    const listener: Listener = { filter, fn };
    this.#listeners.add(listener);
    if (this.#role === 'idle') this.#ready = this.#start();
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * Calls `fn` when changes may have been missed and state must be read again: the server no
   * longer held every change since the last one seen (a feed gap), or this tab took the stream
   * over without having seen any change. Returns the function that stops it.
   */
  onResync(fn: () => void): () => void {
    this.#resyncs.add(fn);
    return () => {
      this.#resyncs.delete(fn);
    };
  }

  /**
   * Drops the stream and opens it again from the last change seen (what a lost connection
   * does): nothing between is lost, nothing is delivered twice. Followers have nothing to do.
   */
  async resume(): Promise<void> {
    if (this.#role !== 'alone' && this.#role !== 'leader') return;
    this.#upstream?.close();
    this.#upstream = undefined;
    await this.#subscribe();
  }

  /** Closes the stream and the channel; a leader hands the lock to another tab. */
  close(): void {
    this.#role = 'closed';
    this.#upstream?.close();
    this.#upstream = undefined;
    this.#channel?.close();
    this.#channel = undefined;
    this.#releaseLock?.();
    this.#releaseLock = undefined;
    this.#listeners.clear();
    this.#resyncs.clear();
  }

  async #start(): Promise<void> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (this.#channelName === undefined || typeof BroadcastChannel === 'undefined' || !locks) {
      this.#role = 'alone';
      await this.#subscribe();
      return;
    }
    this.#role = 'follower';
    const channel = new BroadcastChannel(`zz-feed:${this.#channelName}`);
    this.#channel = channel;
    channel.onmessage = (e: MessageEvent<ChannelMessage>) => {
      if (this.#role !== 'follower') return;
      if (e.data?.type === 'change') this.#deliver(e.data.change);
      else if (e.data?.type === 'resync') this.#resync();
    };
    const name = `zz-feed:${this.#channelName}`;
    const lead = async (opened?: () => void) => {
      if (this.#role === 'closed') return opened?.();
      const takingOver = this.#role === 'follower' && opened === undefined;
      this.#role = 'leader';
      await this.#subscribe();
      opened?.();
      // a tab that never saw a change cannot know what passed while the leader went
      if (takingOver && this.#last === undefined) this.#resync();
      await new Promise<void>((release) => {
        this.#releaseLock = release;
      });
    };
    // take the lock if it is free (this tab leads, ready once its stream is open); else follow
    // at once and queue for the lock, to lead when the leading tab goes
    await new Promise<void>((ready) => {
      void locks
        .request(name, { ifAvailable: true }, async (lock) => {
          if (lock) return lead(ready);
          ready();
          void locks.request(name, () => lead()).catch(() => undefined);
        })
        .catch(() => ready());
    });
  }

  async #subscribe(): Promise<void> {
    if (this.#opening) return this.#opening;
    this.#subscriptions += 1;
    const since = this.#last;
    const options: SubscribeOptions = {
      ...(since === undefined ? {} : { since }),
      onGap: () => this.#resync(),
    };
    this.#opening = this.#client
      .subscribe((c) => this.#deliver(c), options)
      .then((sub) => {
        if (this.#role === 'closed') sub.close();
        else this.#upstream = sub;
      })
      .finally(() => {
        this.#opening = undefined;
      });
    return this.#opening;
  }

  #resync(): void {
    if (this.#role === 'leader') this.#channel?.postMessage({ type: 'resync' });
    for (const fn of this.#resyncs) {
      try {
        fn();
      } catch {
        // as for changes: one element's failure is its own
      }
    }
  }

  #deliver(change: Change): void {
    if (this.#last !== undefined && change.seq <= this.#last) return;
    this.#last = change.seq;
    if (this.#role === 'leader') this.#channel?.postMessage({ type: 'change', change });
    for (const l of this.#listeners) {
      if (!matchesChange(change, l.filter)) continue;
      try {
        l.fn(change);
      } catch {
        // one element's failure is its own: the others still get the change
      }
    }
  }
}
