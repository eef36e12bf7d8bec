/**
 * One Server-Sent Event: its `event:` type (`message` when the server gave none), its `data:`
 * lines joined with `\n`, and its `id:` when it carried one.
 *
 * @example
 * ```ts
 * import type { SseEvent } from '@zhizhi/client';
 * const seq = (e: SseEvent) => (e.id === undefined ? undefined : Number(e.id));
 * ```
 */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * Options of {@link readEventStream}. `url` and `headers` are asked again for every connection,
 * so that a caller can move its position (`?since=`) or renew its token between connections.
 */
export interface ReadEventStreamOptions {
  url: string | (() => string);
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  fetch?: typeof fetch;
  /** Where to resume from on the first connection (sent as `Last-Event-ID`). */
  lastEventId?: string;
  /** Handles each event; the next is not read until the promise settles. */
  onEvent(event: SseEvent): void | Promise<void>;
  /** A comment line (`: text`), without the colon and the one space after it. */
  onComment?(text: string): void;
  /** A connection was opened (status 2xx, `text/event-stream`). */
  onOpen?(): void;
  /**
   * A connection failed or ended. Return `false` to stop reconnecting. Called with an
   * {@link SseHttpError} for an HTTP refusal; the default stops on 4xx other than 401, 408 and
   * 429 (a 401 lets `headers` renew the token).
   */
  onError?(error: unknown, attempt: number): boolean | undefined;
  /** Reconnection delay after the first failure, ms (default: the server's `retry:`, else 1000). */
  initialDelayMs?: number;
  /** The longest reconnection delay, ms (default 30 000). Delays double up to it, with jitter. */
  maxDelayMs?: number;
  signal?: AbortSignal;
}

/** A refused stream request: its HTTP status. */
export class SseHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`event stream refused: HTTP ${status}`);
    this.name = 'SseHttpError';
  }
}

/** A running event stream: where it is, and how to stop it. */
export interface EventStream {
  /** The last `id:` seen (sent as `Last-Event-ID` when it reconnects); settable. */
  lastEventId: string | undefined;
  /** Stops reading and reconnecting. */
  close(): void;
  /** Settles when the stream stopped for good (closed, aborted, or refused). */
  readonly done: Promise<void>;
}

type Timers = {
  setTimeout(f: () => void, ms: number): unknown;
  clearTimeout(t: unknown): void;
};
const timers = globalThis as unknown as Timers;

/**
 * Parses a `text/event-stream` body as the HTML standard says: lines end in CRLF, LF or CR; a
 * blank line dispatches; `data:` lines accumulate; `id:` without NUL sets the last event id;
 * `retry:` with digits sets the reconnection time; `:` starts a comment. Returns the parser:
 * feed it decoded text, it calls back per event, comment and retry.
 */
export function createSseParser(handlers: {
  event(e: SseEvent): void;
  comment?(text: string): void;
  retry?(ms: number): void;
}): { push(text: string): void; end(): void } {
  let buffer = '';
  let data: string[] = [];
  let event = '';
  let id: string | undefined;
  let sawCr = false;
  const line = (l: string) => {
    if (l === '') {
      if (data.length > 0) {
        const e: SseEvent = { event: event || 'message', data: data.join('\n') };
        if (id !== undefined) e.id = id;
        handlers.event(e);
      }
      data = [];
      event = '';
      return;
    }
    if (l.startsWith(':')) {
      handlers.comment?.(l.slice(1).replace(/^ /, ''));
      return;
    }
    const colon = l.indexOf(':');
    const field = colon === -1 ? l : l.slice(0, colon);
    let value = colon === -1 ? '' : l.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id') {
      if (!value.includes('\u0000')) id = value;
    } else if (field === 'retry' && /^\d+$/.test(value)) handlers.retry?.(Number(value));
  };
  return {
    push(text) {
      let start = 0;
      buffer += text;
      for (let i = 0; i < buffer.length; i++) {
        const ch = buffer[i];
        if (ch === '\n' && sawCr) {
          // the LF of a CRLF whose CR ended the previous line
          sawCr = false;
          start = i + 1;
          continue;
        }
        sawCr = false;
        if (ch === '\n' || ch === '\r') {
          line(buffer.slice(start, i));
          sawCr = ch === '\r';
          start = i + 1;
        }
      }
      buffer = buffer.slice(start);
    },
    end() {
      // an incomplete event at the end of the stream is dropped, as the standard says
      buffer = '';
      data = [];
      event = '';
    },
  };
}

/**
 * Reads a Server-Sent Events stream over `fetch` (so it can carry an `Authorization` header,
 * unlike `EventSource`) and keeps it open: after a dropped connection, a server that ended the
 * response, or a network error, it reconnects with `Last-Event-ID` after a delay that doubles
 * (with jitter) up to `maxDelayMs`, and resets once a connection delivered something. Uses only
 * `fetch`, `AbortController`, `TextDecoder` and `ReadableStream`, so it runs in browsers and Node.
 *
 * @example
 * ```ts
 * import { readEventStream } from '@zhizhi/client';
 * const stream = readEventStream({
 *   url: 'https://zhizhi.example/api/stream',
 *   headers: () => ({ authorization: 'Bearer …' }),
 *   onEvent: (e) => console.log(e.id, e.event, e.data),
 * });
 * // later: stream.close();
 * ```
 */
export function readEventStream(options: ReadEventStreamOptions): EventStream {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const maxDelay = options.maxDelayMs ?? 30_000;
  let serverRetry: number | undefined;
  let closed = false;
  let current: AbortController | undefined;
  let wakeSleep: (() => void) | undefined;
  const state: EventStream = {
    lastEventId: options.lastEventId,
    close() {
      if (closed) return;
      closed = true;
      current?.abort();
      wakeSleep?.();
    },
    done: Promise.resolve(),
  };
  if (options.signal) {
    if (options.signal.aborted) state.close();
    else options.signal.addEventListener('abort', () => state.close(), { once: true });
  }

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = timers.setTimeout(() => {
        wakeSleep = undefined;
        resolve();
      }, ms);
      wakeSleep = () => {
        timers.clearTimeout(t);
        wakeSleep = undefined;
        resolve();
      };
    });

  const shouldRetry = (error: unknown, attempt: number): boolean => {
    const verdict = options.onError?.(error, attempt);
    if (verdict !== undefined) return verdict;
    if (error instanceof SseHttpError) {
      const s = error.status;
      return !(s >= 400 && s < 500 && s !== 401 && s !== 408 && s !== 429);
    }
    return true;
  };

  /** Whether the last connection was healthy (delivered an event, or stayed open 5 s). */
  let healthy = false;
  let openedAt = 0;
  const connect = async (): Promise<void> => {
    healthy = false;
    const controller = new AbortController();
    current = controller;
    const url = typeof options.url === 'function' ? options.url() : options.url;
    const headers: Record<string, string> = {
      accept: 'text/event-stream',
      ...(options.headers ? await options.headers() : {}),
    };
    if (state.lastEventId !== undefined) headers['last-event-id'] = state.lastEventId;
    if (closed) return;
    const response = await doFetch(url, { headers, signal: controller.signal });
    if (!response.ok || !response.body) {
      const body = await response.text().catch(() => '');
      throw new SseHttpError(response.status, body.slice(0, 2000));
    }
    options.onOpen?.();
    openedAt = Date.now();
    const queue: SseEvent[] = [];
    const parser = createSseParser({
      event: (e) => queue.push(e),
      comment: (text) => {
        options.onComment?.(text);
      },
      retry: (ms) => {
        serverRetry = ms;
      },
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.push(decoder.decode(value, { stream: true }));
        while (queue.length > 0 && !closed) {
          const e = queue.shift() as SseEvent;
          healthy = true;
          if (e.id !== undefined) state.lastEventId = e.id;
          await options.onEvent(e);
        }
        if (closed) break;
      }
      parser.push(decoder.decode());
      parser.end();
    } finally {
      controller.abort();
      reader.releaseLock?.();
    }
  };

  (state as { done: Promise<void> }).done = (async () => {
    let failures = 0;
    while (!closed) {
      let error: unknown;
      openedAt = 0;
      try {
        await connect();
      } catch (e) {
        error = e;
      }
      if (closed) break;
      if (healthy || (openedAt > 0 && Date.now() - openedAt >= 5000)) failures = 0;
      failures += 1;
      const why = error ?? new Error('event stream ended');
      if (!shouldRetry(why, failures)) break;
      const base = options.initialDelayMs ?? serverRetry ?? 1000;
      const delay = Math.min(maxDelay, base * 2 ** (failures - 1));
      await sleep(delay * (0.8 + Math.random() * 0.4));
    }
    closed = true;
  })();
  return state;
}
