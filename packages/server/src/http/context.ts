import type { Directory, Member } from '@zhizhi/core';
import type { LocalClient } from '@zhizhi/core/client';
import type { FastifyRequest } from 'fastify';
import type { AccessLog } from '../privacy/AccessLog.js';
import type { Masker } from '../privacy/createMasker.js';
import type { Scope } from './auth.js';
import { fail } from './errors.js';

/** The authenticated member of a request, with what they may see. */
export interface Caller {
  member: Member;
  scope: Scope;
}

const callers = new WeakMap<FastifyRequest, Caller>();

export function setCaller(req: FastifyRequest, caller: Caller): void {
  callers.set(req, caller);
}

/** The caller of an authenticated route (401 if there is none: a route left public by mistake). */
export function caller(req: FastifyRequest): Caller {
  const c = callers.get(req);
  if (!c) fail(401, 'auth.missing');
  return c;
}

export function maybeCaller(req: FastifyRequest): Caller | undefined {
  return callers.get(req);
}

/** What the routes share. */
export interface Ctx {
  client: LocalClient;
  directory: Directory;
  /** Every read path masks personal data through it. */
  masker: Masker;
  /** Where unmasking is recorded before clear values are sent. */
  accessLog: AccessLog;
}

/**
 * A `preValidation` hook: the body's `field` (`by`, `reporterId`) must be the caller; when the
 * body omits it, it is filled with the caller. A forged one is refused with 403 before anything
 * else is looked at.
 */
export function callerIs(field: string) {
  return async (req: FastifyRequest) => {
    const { member } = caller(req);
    const body = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
    const record = body as Record<string, unknown>;
    if (!Object.hasOwn(record, field) || record[field] === undefined) {
      record[field] = member.id;
    } else if (record[field] !== member.id) {
      fail(403, 'auth.notCaller', { field }, ['body', field]);
    }
  };
}
