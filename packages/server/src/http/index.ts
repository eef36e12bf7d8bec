export {
  memoryPhotoStore,
  type Photo,
  type PhotoStore,
  type PhotoType,
  pgPhotoStore,
} from '../photos/PhotoStore.js';
export { sniffPhotoType } from '../photos/sniffPhotoType.js';
export {
  type AccessEntry,
  type AccessInput,
  type AccessLog,
  memoryAccessLog,
  sealAccessEntry,
  verifyAccessLog,
} from '../privacy/AccessLog.js';
export { createMasker, type Masker } from '../privacy/createMasker.js';
export { pgAccessLog } from '../privacy/pgAccessLog.js';
export type { AuthOptions, Scope } from './auth.js';
export { scopeOf } from './auth.js';
export {
  type CreateServerOptions,
  createServer,
  type RateLimit,
  type ZhizhiServer,
} from './createServer.js';
export { csvCell, csvLine } from './csvCell.js';
export type { ApiError } from './errors.js';
export type { StreamOptions } from './routes/feed.js';
