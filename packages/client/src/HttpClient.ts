import type {
  AuditEntry,
  CaseRecord,
  DefinitionRecord,
  ScenarioRecord,
  ZhizhiError,
} from '@zhizhi/core';
import type {
  CaseAction,
  CheckInResult,
  Client,
  DeployResult,
  ReadingsResult,
} from '@zhizhi/core/client';
import type { CheckInQuery, CheckInRecord } from '@zhizhi/core/duty';
import type { KpiQuery, Kpis } from '@zhizhi/core/kpi';
import type {
  CaseQuery,
  Change,
  ChangeFilter,
  Page,
  RuntimeResult,
  Subscription,
} from '@zhizhi/core/runtime';
import { FeedGap, matchesChange } from '@zhizhi/core/runtime';
import type { Diagnostic } from '@zhizhi/core/scenario';
import { type EventStream, readEventStream, SseHttpError } from './readEventStream.js';

/**
 * Options of an {@link HttpClient}. Every command names its member (`by`, `reporterId`): with
 * `tokenFor` the client sends that member's token; a portal whose users sign in through SSO
 * passes the one `token` instead. Reads (cases, instances, the feed) carry `token`, else the
 * token of `reader` through `tokenFor`.
 */
export interface HttpClientOptions {
  /** The server, e.g. `https://zhizhi.example` (the API is under `/api`). */
  baseUrl: string;
  token?: string;
  tokenFor?: (memberId: string) => string | Promise<string>;
  /** The member whose token (through `tokenFor`) reads use when no `token` is given. */
  reader?: string;
  fetch?: typeof fetch;
  /** Reconnection of change streams: first delay (default: the server's `retry:`) and longest. */
  stream?: { initialDelayMs?: number; maxDelayMs?: number };
}

/** Options of {@link HttpClient.subscribe}: the contract's, and what to do on a feed gap. */
export interface HttpSubscribeOptions {
  since?: number;
  filter?: ChangeFilter;
  /**
   * The server no longer holds every change after `since` (the stream said `gap` and the
   * change feed too): read the state again. The subscription goes on from the feed's head.
   */
  onGap?(since: number): void;
}

const catalog = {
  'client.network': {
    zh: '无法连接服务器：{reason}',
    en: 'Could not reach the server: {reason}',
  },
  'client.http': {
    zh: '服务器返回了意外的响应（HTTP {status}）',
    en: 'Unexpected response from the server (HTTP {status})',
  },
  'client.token': {
    zh: '无法取得成员 {memberId} 的令牌：{reason}',
    en: 'Could not get a token for member {memberId}: {reason}',
  },
  'client.invalid': {
    zh: '请求数据无效：{path} {rule}',
    en: 'Invalid request at {path}: {rule}',
  },
} as const;

/** The client's own error codes (`client.network`, `client.http`, `client.token`, `client.invalid`). */
export type ClientErrorCode = keyof typeof catalog;

/**
 * A {@link ZhizhiError} of the client's own catalogue.
 *
 * @example
 * ```ts
 * import { clientError } from '@zhizhi/client';
 * clientError('client.network', { reason: 'fetch failed' }).message.en;
 * // 'Could not reach the server: fetch failed'
 * ```
 */
export function clientError(
  code: ClientErrorCode,
  params: Record<string, string | number> = {},
  path: (string | number)[] = [],
): ZhizhiError {
  const t = catalog[code];
  const fill = (s: string) =>
    s.replace(/\{(\w+)\}/g, (_, k: string) => (Object.hasOwn(params, k) ? String(params[k]) : ''));
  return { code, path, params, message: { zh: fill(t.zh), en: fill(t.en) } };
}

/**
 * Thrown by the reads of an {@link HttpClient} (which have no error in their result) when the
 * server cannot be reached or answers what a read cannot mean; commands never throw it, they
 * return `{ ok: false, error }`.
 */
export class HttpClientError extends Error {
  constructor(
    readonly error: ZhizhiError,
    readonly status?: number,
  ) {
    super(error.message.en);
    this.name = 'HttpClientError';
  }
}

interface Reply {
  status: number;
  json: unknown;
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The server's error body as a {@link ZhizhiError} (or `client.http` when it is not one). */
function errorOf(reply: Reply): ZhizhiError {
  const b = reply.json;
  if (isObject(b) && typeof b.code === 'string' && isObject(b.message)) {
    const m = b.message;
    return {
      code: b.code,
      message: { zh: String(m.zh ?? ''), en: String(m.en ?? '') },
      path: Array.isArray(b.path) ? (b.path as (string | number)[]) : [],
      params: isObject(b.params) ? (b.params as Record<string, string | number>) : {},
    };
  }
  return clientError('client.http', { status: reply.status });
}

const enc = encodeURIComponent;

/** `?a=1&b=x` from the defined values (arrays repeat the key). */
function query(params: Record<string, string | number | boolean | string[] | undefined>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) parts.push(`${enc(k)}=${enc(String(one))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

const memberOf = (input: unknown, field: string): string | undefined => {
  const v = isObject(input) ? input[field] : undefined;
  return typeof v === 'string' ? v : undefined;
};

/** What the server's feed filter can say (`town` one, `kind`); the rest is filtered here. */
function serverFilter(filter: ChangeFilter | undefined): {
  town?: string;
  kind?: string;
  exact: boolean;
} {
  const towns = filter?.townId;
  const town = typeof towns === 'string' ? towns : towns?.length === 1 ? towns[0] : undefined;
  const exact = filter?.instanceId === undefined && (towns === undefined || town !== undefined);
  return {
    ...(town !== undefined ? { town } : {}),
    ...(filter?.kind !== undefined ? { kind: filter.kind } : {}),
    exact,
  };
}

/** The server's page size limits. */
const MAX_LIST = 200;
const MAX_FEED = 1000;

/**
 * The {@link Client} contract over a zhizhi server's HTTP API (`@zhizhi/server`): commands as
 * requests (`Idempotency-Key` on reports, `If-Match` with an expected version), HTTP errors as
 * the `{ ok: false, error }` results the contract promises (an unreachable server: a
 * `client.network` error, never a throw), and the change feed as a resumable Server-Sent Events
 * stream. Uses only `fetch` and standard Web APIs: it runs in browsers and in Node.
 *
 * @example
 * ```ts
 * import { HttpClient } from '@zhizhi/client';
 * const client = new HttpClient({ baseUrl: 'https://zhizhi.example', token: sessionToken });
 * const r = await client.report({ gridId: 'qj-sj-c1-g1', category: 'riverPollution',
 *   severity: 'medium', title: '雨污混流', reporterId: 'qj-sj-c1-g1-worker' });
 * if (!r.ok) console.warn(r.error.message.zh);
 * ```
 */
export class HttpClient implements Client {
  readonly baseUrl: string;
  readonly #options: HttpClientOptions;
  readonly #fetch: typeof fetch;
  readonly #tokens = new Map<string, Promise<string>>();
  readonly #streams = new Set<EventStream>();
  /** What kind each id seen so far is (`audit` asks the right route first). */
  readonly #kinds = new Map<string, 'case' | 'scenario'>();

  constructor(options: HttpClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#options = options;
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  // ── transport ──────────────────────────────────────────────────────────────────────────

  /** The token for a command of `member`, or for a read (`member` undefined). */
  async #token(member: string | undefined): Promise<string | undefined> {
    const { token, tokenFor, reader } = this.#options;
    const who = member !== undefined && tokenFor ? member : token ? undefined : reader;
    if (who === undefined || !tokenFor) return token;
    let t = this.#tokens.get(who);
    if (!t) {
      t = Promise.resolve().then(() => tokenFor(who));
      this.#tokens.set(who, t);
      t.catch(() => this.#tokens.delete(who));
    }
    try {
      return await t;
    } catch (e) {
      throw new HttpClientError(
        clientError('client.token', { memberId: who.slice(0, 128), reason: reason(e) }),
      );
    }
  }

  #forget(member: string | undefined): void {
    const { token, tokenFor, reader } = this.#options;
    const who = member !== undefined && tokenFor ? member : token ? undefined : reader;
    if (who !== undefined) this.#tokens.delete(who);
  }

  async #headers(member: string | undefined): Promise<Record<string, string>> {
    const t = await this.#token(member);
    return t ? { authorization: `Bearer ${t}` } : {};
  }

  /** One request; throws {@link HttpClientError} only when no HTTP answer came. */
  async #request(
    method: string,
    path: string,
    options: { member?: string; body?: unknown; headers?: Record<string, string> } = {},
    renewed = false,
  ): Promise<Reply> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...(await this.#headers(options.member)),
      ...options.headers,
    };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let status: number;
    let text: string;
    try {
      const res = await this.#fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      });
      status = res.status;
      text = await res.text();
    } catch (e) {
      throw new HttpClientError(clientError('client.network', { reason: reason(e) }));
    }
    if (status === 401 && !renewed && this.#options.tokenFor) {
      // an expired token: ask for a new one, once
      this.#forget(options.member);
      return this.#request(method, path, options, true);
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status, json };
  }

  /** A request whose failure is a result: `{ ok: false, error }`. */
  async #command<R extends CaseRecord | ScenarioRecord>(
    kind: 'case' | 'scenario',
    method: string,
    path: string,
    options: { member?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<RuntimeResult<R>> {
    let reply: Reply;
    try {
      reply = await this.#request(method, path, options);
    } catch (e) {
      if (e instanceof HttpClientError) return { ok: false, error: e.error };
      throw e;
    }
    if (reply.status >= 200 && reply.status < 300 && isObject(reply.json)) {
      const { record, entry, seq } = reply.json as { record: R; entry: AuditEntry; seq: number };
      this.#kinds.set(record.id, kind);
      return { ok: true, record, entry, notifications: [], seq };
    }
    return { ok: false, error: errorOf(reply) };
  }

  /** A read: 2xx → the body; `missing` statuses → undefined; anything else throws. */
  async #read<T>(path: string, missing: number[] = [], member?: string): Promise<T | undefined> {
    const reply = await this.#request('GET', path, member !== undefined ? { member } : {});
    if (reply.status >= 200 && reply.status < 300) return reply.json as T;
    if (missing.includes(reply.status)) return undefined;
    throw new HttpClientError(errorOf(reply), reply.status);
  }

  // ── commands ───────────────────────────────────────────────────────────────────────────

  report(
    input: unknown,
    options: { idempotencyKey?: string } = {},
  ): Promise<RuntimeResult<CaseRecord>> {
    const member = memberOf(input, 'reporterId');
    return this.#command<CaseRecord>('case', 'POST', '/api/cases', {
      ...(member !== undefined ? { member } : {}),
      body: input ?? null,
      ...(options.idempotencyKey !== undefined
        ? { headers: { 'idempotency-key': options.idempotencyKey } }
        : {}),
    });
  }

  send(
    caseId: string,
    command: unknown,
    options: { expectedVersion?: number } = {},
  ): Promise<RuntimeResult<CaseRecord>> {
    const member = memberOf(command, 'by');
    return this.#command<CaseRecord>('case', 'POST', `/api/cases/${enc(caseId)}/events`, {
      ...(member !== undefined ? { member } : {}),
      body: command ?? null,
      ...(options.expectedVersion !== undefined
        ? { headers: { 'if-match': `"${options.expectedVersion}"` } }
        : {}),
    });
  }

  async start(input: unknown): Promise<RuntimeResult<ScenarioRecord>> {
    const scenario = memberOf(input, 'scenario');
    if (scenario === undefined || scenario === '')
      return {
        ok: false,
        error: clientError('client.invalid', { path: 'scenario', rule: 'a scenario id' }, [
          'scenario',
        ]),
      };
    const member = memberOf(input, 'by');
    return this.#command<ScenarioRecord>(
      'scenario',
      'POST',
      `/api/scenarios/${enc(scenario)}/instances`,
      { ...(member !== undefined ? { member } : {}), body: input },
    );
  }

  command(
    instanceId: string,
    command: unknown,
    options: { expectedVersion?: number } = {},
  ): Promise<RuntimeResult<ScenarioRecord>> {
    const member = memberOf(command, 'by');
    return this.#command<ScenarioRecord>(
      'scenario',
      'POST',
      `/api/instances/${enc(instanceId)}/commands`,
      {
        ...(member !== undefined ? { member } : {}),
        body: command ?? null,
        ...(options.expectedVersion !== undefined
          ? { headers: { 'if-match': `"${options.expectedVersion}"` } }
          : {}),
      },
    );
  }

  async readings(by: string, readings: unknown[]): Promise<ReadingsResult> {
    const out: ReadingsResult = { accepted: 0, refused: [], results: [] };
    if (readings.length === 0) return out;
    const refuseAll = (e: ZhizhiError): ReadingsResult => ({
      ...out,
      refused: readings.map((_, index) => ({ index, code: e.code, message: e.message })),
    });
    let reply: Reply;
    try {
      reply = await this.#request('POST', '/api/readings', { member: by, body: { by, readings } });
    } catch (e) {
      if (e instanceof HttpClientError) return refuseAll(e.error);
      throw e;
    }
    if (reply.status !== 200 || !isObject(reply.json)) return refuseAll(errorOf(reply));
    const body = reply.json as {
      accepted: number;
      refused: ReadingsResult['refused'];
      results: { ok: boolean; instanceId?: string; seq?: number; error?: ZhizhiError }[];
    };
    out.accepted = body.accepted;
    out.refused = body.refused;
    for (const r of body.results) {
      if (!r.ok || r.instanceId === undefined || r.seq === undefined) {
        out.results.push({
          ok: false,
          error: (r.error as ZhizhiError) ?? clientError('client.http', { status: 200 }),
        });
        continue;
      }
      // the server answers ids and sequence numbers: read the record and the commit's entry
      try {
        const [record, changes] = await Promise.all([
          this.#read<{ record: ScenarioRecord }>(`/api/instances/${enc(r.instanceId)}`, [], by),
          this.#read<{ items: Change[] }>(
            `/api/changes${query({ since: r.seq - 1, limit: 1, kind: 'scenario' })}`,
            [],
            by,
          ),
        ]);
        const change = changes?.items.find((c) => c.seq === r.seq);
        if (!record || !change)
          throw new HttpClientError(clientError('client.http', { status: 200 }));
        this.#kinds.set(r.instanceId, 'scenario');
        out.results.push({
          ok: true,
          record: record.record,
          entry: change.entry,
          notifications: change.notifications,
          seq: r.seq,
        });
      } catch (e) {
        if (!(e instanceof HttpClientError)) throw e;
        out.results.push({ ok: false, error: e.error });
      }
    }
    return out;
  }

  async deploy(doc: unknown, by: string): Promise<DeployResult> {
    const asDiagnostic = (e: ZhizhiError): Diagnostic => ({
      code: e.code,
      path: e.path,
      severity: 'error',
      message: e.message,
    });
    const id = memberOf(doc, 'id');
    if (id === undefined || id === '')
      return {
        ok: false,
        diagnostics: [
          asDiagnostic(
            clientError('client.invalid', { path: 'id', rule: 'a scenario id' }, ['id']),
          ),
        ],
      };
    let reply: Reply;
    try {
      reply = await this.#request('PUT', `/api/scenarios/${enc(id)}`, { member: by, body: doc });
    } catch (e) {
      if (e instanceof HttpClientError) return { ok: false, diagnostics: [asDiagnostic(e.error)] };
      throw e;
    }
    if ((reply.status === 200 || reply.status === 201) && isObject(reply.json)) {
      const body = reply.json as { definition: DefinitionRecord; created: boolean };
      return { ok: true, definition: body.definition, created: body.created };
    }
    const b = reply.json;
    if (isObject(b) && Array.isArray(b.diagnostics))
      return { ok: false, diagnostics: b.diagnostics as Diagnostic[] };
    return { ok: false, diagnostics: [asDiagnostic(errorOf(reply))] };
  }

  // ── reads ──────────────────────────────────────────────────────────────────────────────

  async getCase(id: string): Promise<CaseRecord | undefined> {
    const r = await this.#read<{ record: CaseRecord }>(`/api/cases/${enc(id)}`, [403, 404]);
    if (r) this.#kinds.set(id, 'case');
    return r?.record;
  }

  async getInstance(id: string): Promise<ScenarioRecord | undefined> {
    const r = await this.#read<{ record: ScenarioRecord }>(`/api/instances/${enc(id)}`, [403, 404]);
    if (r) this.#kinds.set(id, 'scenario');
    return r?.record;
  }

  async audit(id: string): Promise<AuditEntry[]> {
    const routes = { case: `/api/cases/${enc(id)}`, scenario: `/api/instances/${enc(id)}` };
    const order: ('case' | 'scenario')[] =
      this.#kinds.get(id) === 'scenario' ? ['scenario', 'case'] : ['case', 'scenario'];
    for (const kind of order) {
      const r = await this.#read<{ audit: AuditEntry[] }>(routes[kind], [403, 404]);
      if (r) {
        this.#kinds.set(id, kind);
        return r.audit;
      }
    }
    return [];
  }

  async listCases(q: Omit<CaseQuery, 'kind'> = {}): Promise<Page<CaseRecord>> {
    const status = q.status === undefined ? undefined : ([] as string[]).concat(q.status);
    const page = await this.#read<Page<CaseRecord>>(
      `/api/cases${query({
        town: q.townId,
        status,
        section: q.section,
        overdue: q.overdue,
        limit: q.limit === undefined ? undefined : Math.max(1, Math.min(MAX_LIST, q.limit)),
        cursor: q.cursor,
      })}`,
      [403],
    );
    return page ?? { items: [], cursor: null };
  }

  /** Scenario instances in creation order, a page at a time (`GET /api/instances`). */
  async listInstances(q: Omit<CaseQuery, 'kind'> = {}): Promise<Page<ScenarioRecord>> {
    const status = q.status === undefined ? undefined : ([] as string[]).concat(q.status);
    const page = await this.#read<Page<ScenarioRecord>>(
      `/api/instances${query({
        town: q.townId,
        status,
        overdue: q.overdue,
        limit: q.limit === undefined ? undefined : Math.max(1, Math.min(MAX_LIST, q.limit)),
        cursor: q.cursor,
      })}`,
      [403],
    );
    for (const r of page?.items ?? []) this.#kinds.set(r.id, 'scenario');
    return page ?? { items: [], cursor: null };
  }

  async actions(caseId: string, memberId: string): Promise<CaseAction[]> {
    const r = await this.#read<{ actions: CaseAction[] }>(
      `/api/cases/${enc(caseId)}/actions`,
      [401, 403, 404],
      memberId,
    );
    return r?.actions ?? [];
  }

  async definitions(): Promise<DefinitionRecord[]> {
    const list = await this.#read<{ items: { id: string; version: string }[] }>('/api/scenarios');
    const defs = await Promise.all(
      (list?.items ?? []).map((d) => this.definition(d.id, d.version)),
    );
    return defs.filter((d): d is DefinitionRecord => d !== undefined);
  }

  async definition(id: string, version?: string): Promise<DefinitionRecord | undefined> {
    let v = version;
    if (v === undefined) {
      const list = await this.#read<{ items: { id: string; version: string }[] }>('/api/scenarios');
      v = list?.items.filter((d) => d.id === id).at(-1)?.version;
      if (v === undefined) return undefined;
    }
    const r = await this.#read<{ definition: DefinitionRecord }>(
      `/api/scenarios/${enc(id)}/versions/${enc(v)}`,
      [404],
    );
    return r?.definition;
  }

  // ── KPIs ──
  /** KPIs over the cases of `query` the reader may see (`GET /api/kpis`); throws on a refusal. */
  async kpis(q: KpiQuery): Promise<Kpis> {
    const iso = (ms: number | undefined) =>
      ms === undefined || !Number.isFinite(ms) ? undefined : new Date(ms).toISOString();
    const k = await this.#read<Kpis>(
      `/api/kpis${query({ town: q.townId, section: q.section, from: iso(q.from), to: iso(q.to) })}`,
    );
    if (!k) throw new HttpClientError(clientError('client.http', { status: 204 }));
    return k;
  }

  // ── photos ─────────────────────────────────────────────────────────────────────────────

  /**
   * Uploads one photo (`POST /api/photos`, the blob's type: JPEG, PNG or WebP) as `by` (or the
   * client's token) and returns its URL on this server (`/api/photos/<sha-256>`), the value a
   * report's `photos` holds. Throws {@link HttpClientError} when the server refuses it (415 a
   * type or bytes that are not an accepted image, 413 too large) or cannot be reached.
   *
   * @example
   * ```ts
   * const url = await client.uploadPhoto(jpegBlob, 'qj-sj-c1-g1-worker');
   * await client.report({ ...input, photos: [url] });
   * ```
   */
  async uploadPhoto(photo: Blob, by?: string): Promise<string> {
    const headers = { ...(await this.#headers(by)), 'content-type': photo.type || 'image/jpeg' };
    let res: Response;
    let json: unknown;
    try {
      res = await this.#fetch(`${this.baseUrl}/api/photos`, {
        method: 'POST',
        headers,
        body: photo,
      });
      json = await res.json().catch(() => undefined);
    } catch (e) {
      throw new HttpClientError(clientError('client.network', { reason: reason(e) }));
    }
    const url = isObject(json) ? json.url : undefined;
    if (res.status === 201 && typeof url === 'string') return url;
    throw new HttpClientError(errorOf({ status: res.status, json }), res.status);
  }

  /**
   * Reads a photo of this server (a URL {@link uploadPhoto} gave, `/api/photos/<id>`) with the
   * reader's token, as a Blob (for `URL.createObjectURL`: an `<img>` cannot send a token).
   * `caseId` names the case that shows it, for readers who may see it through that case. Any
   * other URL is refused without a request, so the token never leaves for another origin.
   *
   * @example
   * ```ts
   * const blob = await client.fetchPhoto(record.context.photos[0], { caseId: record.id });
   * const src = URL.createObjectURL(blob); // for an <img> in the page
   * ```
   */
  async fetchPhoto(url: string, options: { caseId?: string } = {}): Promise<Blob> {
    const path = url.startsWith(this.baseUrl) ? url.slice(this.baseUrl.length) : url;
    if (!/^\/api\/photos\/[0-9a-f]{64}$/.test(path))
      throw new HttpClientError(
        clientError('client.invalid', { path: 'url', rule: 'a photo of this server' }, ['url']),
      );
    const q = options.caseId !== undefined ? query({ case: options.caseId }) : '';
    let res: Response;
    try {
      res = await this.#fetch(`${this.baseUrl}${path}${q}`, {
        headers: await this.#headers(undefined),
      });
    } catch (e) {
      throw new HttpClientError(clientError('client.network', { reason: reason(e) }));
    }
    if (res.status === 200) return res.blob();
    const json = await res.json().catch(() => undefined);
    throw new HttpClientError(errorOf({ status: res.status, json }), res.status);
  }

  // ── check-ins (打卡) ──────────────────────────────────────────────────────────────────

  /** `POST /api/check-ins` with the token of `by` (the server takes the worker from it). */
  async checkIn(by: string, input: unknown): Promise<CheckInResult> {
    let reply: Reply;
    try {
      reply = await this.#request('POST', '/api/check-ins', { member: by, body: input ?? null });
    } catch (e) {
      if (e instanceof HttpClientError) return { ok: false, error: e.error };
      throw e;
    }
    if ((reply.status === 200 || reply.status === 201) && isObject(reply.json)) {
      const body = reply.json as { record: CheckInRecord; created: boolean };
      return { ok: true, record: body.record, created: body.created };
    }
    return { ok: false, error: errorOf(reply) };
  }

  /** `GET /api/check-ins`, as the reader: the server keeps to the reader's scope. */
  async listCheckIns(q: CheckInQuery = {}): Promise<Page<CheckInRecord>> {
    const town = q.townId === undefined ? undefined : [q.townId].flat();
    const page = await this.#read<Page<CheckInRecord>>(
      `/api/check-ins${query({
        worker: q.workerId,
        grid: q.gridId,
        town,
        id: q.id,
        from: q.from,
        to: q.to,
        limit: q.limit === undefined ? undefined : Math.max(1, Math.min(1000, q.limit)),
        cursor: q.cursor,
      })}`,
      [403],
    );
    return page ?? { items: [], cursor: null };
  }
  // ── end of check-ins ───────────────────────────────────────────────────────────────────

  /**
   * Committed changes after `seq` the caller may see, in commit order. Throws `FeedGap` when the
   * server no longer holds them (410).
   */
  async changesSince(seq: number, filter?: ChangeFilter, limit = MAX_FEED): Promise<Change[]> {
    const sf = serverFilter(filter);
    const out: Change[] = [];
    let since = Number.isFinite(seq) && seq > 0 ? Math.floor(seq) : 0;
    for (;;) {
      const want = sf.exact ? Math.min(MAX_FEED, limit - out.length) : MAX_FEED;
      const reply = await this.#request(
        'GET',
        `/api/changes${query({ since, limit: want, town: sf.town, kind: sf.kind })}`,
      );
      if (reply.status === 403) return out;
      if (reply.status === 410) {
        const oldest = Number((reply.json as { params?: { oldest?: unknown } })?.params?.oldest);
        throw new FeedGap(since, Number.isFinite(oldest) ? oldest : since + 1);
      }
      if (reply.status !== 200 || !isObject(reply.json))
        throw new HttpClientError(errorOf(reply), reply.status);
      const page = reply.json as { items: Change[]; cursor: number };
      for (const c of page.items) {
        if (!matchesChange(c, filter)) continue;
        out.push(c);
        if (out.length === limit) return out;
      }
      if (page.cursor <= since) return out;
      since = page.cursor;
      if (sf.exact && page.items.length < want) return out;
    }
  }

  /**
   * Follows the feed over Server-Sent Events (`GET /api/stream`) from `since` (default: the
   * feed's head when the stream opens): each change once, in order. A dropped connection is
   * resumed with `Last-Event-ID` after a backoff; a `gap` event falls back to `changesSince`.
   * Resolves once the stream is open (or its first connection failed: it keeps trying).
   */
  async subscribe(
    listener: (change: Change) => void,
    options: HttpSubscribeOptions = {},
  ): Promise<Subscription> {
    const { filter } = options;
    const sf = serverFilter(filter);
    let last: number | undefined = options.since;
    let stream: EventStream | undefined;
    const deliver = (c: Change) => {
      if (last !== undefined && c.seq <= last) return;
      last = c.seq;
      if (stream) stream.lastEventId = String(c.seq);
      if (!matchesChange(c, filter)) return;
      try {
        listener(c);
      } catch {
        // a listener's failure is its own: the feed goes on
      }
    };
    const catchUp = async () => {
      try {
        for (;;) {
          const batch = await this.changesSince(last ?? 0, filter, MAX_FEED);
          for (const c of batch) deliver(c);
          if (batch.length < MAX_FEED) break;
        }
      } catch (e) {
        if (!(e instanceof FeedGap)) return; // the next connection tries again
        const from = last ?? 0;
        last = undefined; // resume from the head
        if (stream) stream.lastEventId = undefined;
        options.onGap?.(from);
      }
    };
    let opened!: () => void;
    const open = new Promise<void>((resolve) => {
      opened = resolve;
    });
    stream = readEventStream({
      url: () =>
        `${this.baseUrl}/api/stream${query({ since: last, town: sf.town, kind: sf.kind })}`,
      headers: () => this.#headers(undefined),
      fetch: this.#fetch,
      ...(last !== undefined ? { lastEventId: String(last) } : {}),
      ...(this.#options.stream?.initialDelayMs !== undefined
        ? { initialDelayMs: this.#options.stream.initialDelayMs }
        : {}),
      ...(this.#options.stream?.maxDelayMs !== undefined
        ? { maxDelayMs: this.#options.stream.maxDelayMs }
        : {}),
      onOpen: () => opened(),
      onComment: (text) => {
        const m = /^resuming after (\d+)$/.exec(text);
        if (m && last === undefined) last = Number(m[1]);
      },
      onEvent: async (e) => {
        if (e.event === 'change') {
          let c: Change;
          try {
            c = JSON.parse(e.data) as Change;
          } catch {
            return;
          }
          deliver(c);
        } else if (e.event === 'gap') {
          await catchUp();
        }
      },
      onError: (error) => {
        opened();
        if (error instanceof SseHttpError && error.status === 401) this.#forget(undefined);
        return undefined;
      },
    });
    const s = stream;
    this.#streams.add(s);
    void s.done.then(() => {
      this.#streams.delete(s);
      opened();
    });
    await open;
    return {
      get last() {
        return last ?? 0;
      },
      close: () => {
        s.close();
        this.#streams.delete(s);
      },
    };
  }

  /** Closes every change stream. */
  async close(): Promise<void> {
    for (const s of this.#streams) s.close();
    this.#streams.clear();
  }
}

function reason(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown; message?: unknown } })?.cause;
  const text =
    typeof cause?.code === 'string'
      ? cause.code
      : e instanceof Error
        ? e.message
        : String(e ?? 'unknown');
  return text.slice(0, 200);
}
