import type { Change, ChangeFilter } from '@zhizhi/core/runtime';
import { matchesChange } from '@zhizhi/core/runtime';

/**
 * One reader of the change feed shared by every SSE stream of a server: while anyone listens it
 * asks the store for new changes once per `pollMs` (one query, however many streams are open)
 * and keeps the latest `windowSize` in memory; a stream reads from that window when it covers
 * where the stream is, else from the store (a stream resuming from far back). The window is a
 * gap-free range of sequence numbers (decision 0013 numbers changes in commit order), so a
 * stream filtering it in memory misses nothing and sees nothing twice.
 */
export interface FeedHub {
  /**
   * The changes after `since` that match `filter`, at most `limit`, and the sequence number up
   * to which the feed has been looked at (read again from there).
   */
  read(
    since: number,
    filter: ChangeFilter,
    limit: number,
  ): Promise<{ changes: Change[]; upTo: number }>;
  /** Resolves once the hub has changes after `seq`, or after `timeoutMs`. */
  wait(seq: number, timeoutMs: number): Promise<void>;
  /** Starts polling (if nobody did yet); the returned function stops this listener. */
  listen(): () => void;
}

type Read = (since: number, filter: ChangeFilter | undefined, limit: number) => Promise<Change[]>;

/** A {@link FeedHub} over a store's `changesSince` and `lastSeq`. */
export function createFeedHub(
  store: { changesSince: Read; lastSeq(): Promise<number> },
  options: { pollMs: number; windowSize?: number; onError?: (error: unknown) => void },
): FeedHub {
  const windowSize = options.windowSize ?? 5000;
  let window: Change[] = [];
  /** The window holds every change in (from, head]. */
  let from = -1;
  let head = -1;
  let listeners = 0;
  let polling = false;
  let waiters: (() => void)[] = [];
  let kick: (() => void) | undefined;

  const wake = () => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };

  async function poll() {
    if (head < 0) {
      head = await store.lastSeq();
      from = head;
    }
    while (listeners > 0) {
      let batch: Change[] = [];
      try {
        batch = await store.changesSince(head, undefined, 1000);
      } catch (error) {
        options.onError?.(error);
      }
      if (batch.length > 0) {
        window.push(...batch);
        head = (batch.at(-1) as Change).seq;
        if (window.length > windowSize) {
          const dropped = window.length - windowSize;
          from = (window[dropped - 1] as Change).seq;
          window = window.slice(dropped);
        }
        wake();
      }
      if (batch.length === 1000) continue;
      await new Promise<void>((resolve) => {
        kick = resolve;
        setTimeout(resolve, options.pollMs).unref();
      });
    }
    polling = false;
  }

  return {
    async read(since, filter, limit) {
      if (from >= 0 && since >= from) {
        const changes: Change[] = [];
        for (const c of window) {
          if (c.seq <= since || !matchesChange(c, filter)) continue;
          changes.push(c);
          if (changes.length === limit) return { changes, upTo: c.seq };
        }
        return { changes, upTo: Math.max(since, head) };
      }
      const seen = head;
      const changes = await store.changesSince(since, filter, limit);
      const last = changes.at(-1)?.seq ?? since;
      return { changes, upTo: changes.length === limit ? last : Math.max(last, seen, since) };
    },
    wait(seq, timeoutMs) {
      if (head > seq) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        timer.unref();
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    listen() {
      listeners++;
      if (!polling) {
        polling = true;
        void poll();
      }
      let stopped = false;
      return () => {
        if (stopped) return;
        stopped = true;
        listeners--;
        if (listeners === 0) kick?.();
      };
    },
  };
}
