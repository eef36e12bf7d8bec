import { apiError, HttpError } from './errors.js';

/** The rule a poisoned body breaks, as the error states it. */
const RULE =
  'no "__proto__" key and no "constructor" object with a "prototype" key (prototype poisoning)';

/**
 * Where a parsed JSON value holds a key that would poison a prototype when merged into an
 * object — `__proto__` anywhere, or `constructor` whose value has a `prototype` key (the rule
 * of Fastify's `onProtoPoisoning`/`onConstructorPoisoning`) — as a path, or `undefined`.
 * `JSON.parse` keeps such keys as own properties, so they are found by walking the value.
 *
 * @example
 * ```ts
 * findPoisonedKey(JSON.parse('{"a":[{"__proto__":{}}]}')); // ['a', 0, '__proto__']
 * ```
 */
export function findPoisonedKey(value: unknown): (string | number)[] | undefined {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop() as { v: unknown; path: (string | number)[] };
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] });
      continue;
    }
    const keys = Object.keys(v);
    for (const k of keys) {
      const child = (v as Record<string, unknown>)[k];
      if (k === '__proto__') return [...path, k];
      if (
        k === 'constructor' &&
        typeof child === 'object' &&
        child !== null &&
        Object.hasOwn(child, 'prototype')
      )
        return [...path, k, 'prototype'];
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i] as string;
      stack.push({ v: (v as Record<string, unknown>)[k], path: [...path, k] });
    }
  }
  return undefined;
}

/**
 * The server's `application/json` body parser: strict JSON (an empty or malformed body is
 * `400 request.malformed`), then a body with a prototype-poisoning key is refused with
 * `400 request.invalid` naming its path (`body.a.__proto__`) and the rule. Nothing reaches a
 * route handler, so nothing is stored.
 */
export function parseJsonBody(
  _req: unknown,
  body: string | Buffer,
  done: (err: Error | null, value?: unknown) => void,
): void {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    done(new HttpError(400, apiError('request.malformed')));
    return;
  }
  const poisoned = findPoisonedKey(value);
  if (poisoned) {
    const path = ['body', ...poisoned];
    done(
      new HttpError(400, apiError('request.invalid', { path: path.join('.'), rule: RULE }, path)),
    );
    return;
  }
  done(null, value);
}
