export type { AuthOptions, Scope } from './auth.js';
export { scopeOf } from './auth.js';
export {
  type CreateServerOptions,
  createServer,
  type RateLimit,
  type ZhizhiServer,
} from './createServer.js';
export type { ApiError } from './errors.js';
export type { StreamOptions } from './routes/feed.js';
