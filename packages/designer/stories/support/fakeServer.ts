import type { Diagnostic } from '@zhizhi/core/scenario';
import type { ScenarioDraft } from '../../src/model/index.js';

/** The origin of the fake zhizhi server: only requests to it are answered by {@link fakeServer}. */
export const FAKE_SERVER_URL = 'https://zhizhi.example';

/** What the fake server holds and answers. */
export interface FakeServerOptions {
  /** The latest deployed version of the scenario (none: the server has no such scenario). */
  deployed?: ScenarioDraft;
  /** A 422 with these diagnostics for `PUT /api/scenarios/{id}` (none: 201, created). */
  refuse?: Diagnostic[];
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * Replaces `globalThis.fetch` with a fake zhizhi server's deploy routes (`GET /api/scenarios`,
 * `GET /api/scenarios/{id}/versions/{v}`, `PUT /api/scenarios/{id}`) for requests to
 * {@link FAKE_SERVER_URL}; every other request goes to the real fetch. `DesignerServer` has no
 * `fetch` of its own, so the boundary is the page's fetch. Returns the undo (a story's
 * `beforeEach` cleanup) and the requests seen.
 *
 * @example
 * ```ts
 * const { restore, requests } = fakeServer({ deployed: previous });
 * // … render DeployDialog with server={{ url: FAKE_SERVER_URL }} …
 * restore();
 * ```
 */
export function fakeServer(options: FakeServerOptions): {
  restore(): void;
  requests: { method: string; path: string }[];
} {
  const real = globalThis.fetch;
  const requests: { method: string; path: string }[] = [];
  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin !== FAKE_SERVER_URL) return real(input, init);
    const method = init?.method ?? 'GET';
    requests.push({ method, path: url.pathname });
    const { deployed, refuse } = options;
    const m = /^\/api\/scenarios(?:\/([^/]+)(?:\/versions\/([^/]+))?)?$/.exec(url.pathname);
    if (!m) return json(404, { error: { code: 'http.notFound' } });
    const [, id, version] = m;
    if (method === 'GET' && id === undefined)
      return json(200, {
        items: deployed ? [{ id: deployed.id, version: deployed.version }] : [],
      });
    if (method === 'GET' && deployed && id === deployed.id && version === deployed.version)
      return json(200, { definition: { id, version, doc: deployed } });
    if (method === 'PUT' && id !== undefined) {
      if (refuse) return json(422, { diagnostics: refuse });
      const doc = JSON.parse(String(init?.body)) as ScenarioDraft;
      return json(201, { definition: { id, version: doc.version, doc }, created: true });
    }
    return json(404, { error: { code: 'http.notFound' } });
  };
  return {
    restore: () => {
      globalThis.fetch = real;
    },
    requests,
  };
}
