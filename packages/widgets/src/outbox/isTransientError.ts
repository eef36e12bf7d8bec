import type { ZhizhiError } from '@zhizhi/core';

/**
 * Error codes that say "try again later", not "no": the server was not reached
 * (`client.network`), a token could not be had (`client.token`, e.g. the SSO is offline too),
 * the answer was not the server's (`client.http`: a proxy's error page), the server failed
 * (`internal`, a 5xx) or asked to slow down (`request.rateLimited`).
 */
const TRANSIENT = new Set([
  'client.network',
  'client.token',
  'client.http',
  'internal',
  'request.rateLimited',
]);

/**
 * Whether a failed command should be kept and sent again (a network error or a server
 * failure) rather than shown as refused (anything the server answered with a 4xx).
 *
 * @example
 * ```ts
 * import { isTransientError } from '@zhizhi/widgets';
 * isTransientError({ code: 'client.network', path: [], params: {}, message: { zh: '', en: '' } }); // true
 * ```
 */
export function isTransientError(error: ZhizhiError): boolean {
  return TRANSIENT.has(error.code);
}
