import type { Directory, Member } from '@zhizhi/core';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeProtectedHeader,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
  SignJWT,
} from 'jose';
import { fail } from './errors.js';

/**
 * How the server verifies bearer tokens: an HS256 `secret` (default `ZHIZHI_JWT_SECRET`), and/or
 * the key set of an SSO provider (`jwksUrl`, or a local `jwks` object). The member is the token's
 * `sub`; role and scope come from the org directory.
 */
export interface AuthOptions {
  secret?: string | Uint8Array;
  jwksUrl?: string;
  jwks?: JSONWebKeySet;
  issuer?: string;
  audience?: string;
  /** Lifetime of tokens the server signs (demo tokens), seconds. Default 12 h. */
  tokenTtlSeconds?: number;
}

export interface Verifier {
  verify(token: string): Promise<string>;
  sign(memberId: string): Promise<string>;
  readonly canSign: boolean;
}

const ASYMMETRIC = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'EdDSA',
];

/** How long a verified token is taken on trust before it is verified again. */
const VERIFIED_FOR_MS = 5 * 60_000;
/** How many verified tokens are remembered. */
const VERIFIED_MAX = 10_000;

/** Verifies (and, with a secret, signs) the server's bearer tokens. */
export function createVerifier(options: AuthOptions, demo: boolean): Verifier {
  let secretSource = options.secret ?? process.env.ZHIZHI_JWT_SECRET;
  if (secretSource === undefined && demo) {
    // demo mode without a configured secret: a random one for this process
    secretSource = crypto.getRandomValues(new Uint8Array(32));
  }
  const secret =
    typeof secretSource === 'string' ? new TextEncoder().encode(secretSource) : secretSource;
  if (secret && secret.length < 32 && !demo) {
    throw new Error('zhizhi server: the JWT secret must be at least 32 bytes');
  }
  let keySet: JWTVerifyGetKey | undefined;
  if (options.jwks) keySet = createLocalJWKSet(options.jwks);
  else if (options.jwksUrl) keySet = createRemoteJWKSet(new URL(options.jwksUrl));
  if (!secret && !keySet) {
    throw new Error('zhizhi server: give auth.secret (or ZHIZHI_JWT_SECRET) or auth.jwksUrl');
  }
  const claims = {
    ...(options.issuer ? { issuer: options.issuer } : {}),
    ...(options.audience ? { audience: options.audience } : {}),
  };
  const ttl = options.tokenTtlSeconds ?? 12 * 3600;
  // Tokens verified lately: a portal sends the same bearer with every request, and each
  // verification is two trips to libuv's thread pool (WebCrypto import and verify). An entry is
  // kept until the token's own expiry and at most five minutes (so a rotated key set is asked
  // again); the oldest entry makes room for a new one.
  const verified = new Map<string, { sub: string; until: number }>();
  return {
    canSign: secret !== undefined,
    async verify(token) {
      const known = verified.get(token);
      if (known !== undefined) {
        if (Date.now() < known.until) return known.sub;
        verified.delete(token);
      }
      let alg: string | undefined;
      try {
        alg = decodeProtectedHeader(token).alg;
      } catch {
        fail(401, 'auth.invalid');
      }
      try {
        let payload: JWTPayload | undefined;
        if (alg === 'HS256' && secret) {
          payload = (await jwtVerify(token, secret, { ...claims, algorithms: ['HS256'] })).payload;
        } else if (alg && ASYMMETRIC.includes(alg) && keySet) {
          payload = (await jwtVerify(token, keySet, { ...claims, algorithms: ASYMMETRIC })).payload;
        }
        const sub = payload?.sub;
        if (typeof sub !== 'string' || sub.length === 0) fail(401, 'auth.invalid');
        const now = Date.now();
        const until = Math.min(
          typeof payload?.exp === 'number' ? payload.exp * 1000 : Number.POSITIVE_INFINITY,
          now + VERIFIED_FOR_MS,
        );
        if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value as string);
        verified.set(token, { sub, until });
        return sub;
      } catch (error) {
        if (error instanceof Error && error.name === 'HttpError') throw error;
        fail(401, 'auth.invalid');
      }
    },
    async sign(memberId) {
      if (!secret) throw new Error('no secret to sign with');
      let jwt = new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(memberId)
        .setIssuedAt()
        .setExpirationTime(`${ttl}s`);
      if (options.issuer) jwt = jwt.setIssuer(options.issuer);
      if (options.audience) jwt = jwt.setAudience(options.audience);
      return jwt.sign(secret);
    },
  };
}

/**
 * What a member may see: `all` towns (a city-level member), or a list of town ids (a town
 * member: their town; a district member: the towns of their district). A resident sees only
 * the cases they reported (`ownCasesOnly`).
 */
export interface Scope {
  towns: 'all' | readonly string[];
  ownCasesOnly: boolean;
}

/** Scopes worked out, per directory and member (a directory does not change once built). */
const scopes = new WeakMap<Directory, WeakMap<Member, Scope>>();

/**
 * The scope of a member, from the org directory alone (worked out once per directory and
 * member: a district member's is a walk over every unit of the org).
 *
 * @example
 * ```ts
 * import { Directory } from '@zhizhi/core';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * import { scopeOf } from '@zhizhi/server';
 * const directory = new Directory(sampleOrg);
 * scopeOf(directory, directory.member('qj-sj-duty')!); // { towns: ['qj-sj'], ownCasesOnly: false }
 * ```
 */
export function scopeOf(directory: Directory, member: Member): Scope {
  let known = scopes.get(directory);
  if (!known) {
    known = new WeakMap();
    scopes.set(directory, known);
  }
  let scope = known.get(member);
  if (!scope) {
    // shared by every request of the member: frozen, so that no route can change it for the next
    const worked = workOutScope(directory, member);
    if (Array.isArray(worked.towns)) Object.freeze(worked.towns);
    scope = Object.freeze(worked);
    known.set(member, scope);
  }
  return scope;
}

function workOutScope(directory: Directory, member: Member): Scope {
  const ownCasesOnly = member.role === 'resident';
  const town = directory.townOfMember(member);
  if (town !== undefined) return { towns: [town], ownCasesOnly };
  const ancestry = directory.ancestry(member.unitId);
  const district =
    ancestry.find((u) => u.level === 'district') ??
    (member.departmentId
      ? directory.unit(directory.department(member.departmentId)?.districtId ?? '')
      : undefined);
  if (ancestry.some((u) => u.level === 'city') && !district) return { towns: 'all', ownCasesOnly };
  if (!district) return { towns: [], ownCasesOnly };
  const towns = directory.org.units
    .filter((u) => u.level === 'town' && directory.ancestorAt(u.id, 'district')?.id === district.id)
    .map((u) => u.id);
  return { towns, ownCasesOnly };
}

/** Whether a scope covers a town. */
export function seesTown(scope: Scope, townId: string): boolean {
  return scope.towns === 'all' || scope.towns.includes(townId);
}
