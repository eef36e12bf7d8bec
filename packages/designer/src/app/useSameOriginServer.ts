import type { Org } from '@zhizhi/core';
import { useCallback, useState } from 'react';
import type { DesignerServer } from '../deploy/DesignerServer.js';

/** Roles the server lets deploy (as its `PUT /api/scenarios/{id}` decides). */
const DEPLOYERS = ['dutyOfficer', 'commander', 'cityOperator'];

/**
 * The server that serves the app, when there is one: `probe()` (on the user's request) asks
 * for `/api/openapi.json` on the app's own origin; if a zhizhi server answers (`found`),
 * `deployers` lists the org's members who may deploy, and `signIn(memberId)` gets that member
 * a demo token (`POST /api/demo/token`, demo mode only) and makes the server the one Deploy
 * uses. No server (a static host): `found` is false.
 *
 * @example
 * ```ts
 * import { useSameOriginServer } from '@zhizhi/designer';
 * // const { server, deployers, signIn } = useSameOriginServer(sampleOrg);
 * ```
 */
export function useSameOriginServer(org: Org | undefined, given?: DesignerServer) {
  const [found, setFound] = useState<boolean | undefined>(undefined);
  const [server, setServer] = useState<DesignerServer | undefined>(given);
  const [failed, setFailed] = useState(false);
  // asked for by the user (a probe on a static host is a 404 in the console)
  const probe = useCallback(async () => {
    try {
      const r = await fetch('/api/openapi.json', { headers: { accept: 'application/json' } });
      setFound(r.ok && (r.headers.get('content-type') ?? '').includes('json'));
    } catch {
      setFound(false);
    }
  }, []);
  const signIn = useCallback(async (memberId: string) => {
    setFailed(false);
    try {
      const r = await fetch('/api/demo/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ memberId }),
      });
      if (!r.ok) throw new Error(String(r.status));
      const { token } = (await r.json()) as { token: string };
      setServer({ url: location.origin, token });
    } catch {
      setFailed(true);
    }
  }, []);
  const deployers =
    found && !given ? (org?.members ?? []).filter((m) => DEPLOYERS.includes(m.role)) : [];
  return { server, found, probe, deployers, signIn, failed };
}
