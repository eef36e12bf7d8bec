// @zhizhi/core/runtime — the one runtime under cases and scenario instances: the commit path,
// hand-offs through the outbox, the change feed, the Store contract and its in-memory store, and
// the Engine (the case API as a facade over the runtime). Its own entry so that a page that only
// shows cases (the main entry: the case model, audit chain, org, SLA) does not carry it —
// docs/decisions/0017-runtime-entry.md.

export {
  defaultSlaPolicy,
  Engine,
  type EngineChange,
  type EngineOptions,
  type EngineResult,
} from './engine/Engine.js';
export { FeedGap, MemoryStore, type MemoryStoreOptions } from './engine/MemoryStore.js';
export { type CaseQuery, type Page, type Store, StoreConflict } from './engine/Store.js';
export { type Change, type ChangeFilter, matchesChange } from './runtime/Change.js';
export type { Handoff, HandoffFailure } from './runtime/Handoff.js';
export type {
  Decision,
  InstanceKind,
  KindHost,
  Proposal,
  Sealed,
} from './runtime/InstanceKind.js';
export { newInstanceId } from './runtime/newInstanceId.js';
export {
  type Committed,
  createRuntime,
  Runtime,
  type RuntimeOptions,
  type RuntimeResult,
  type Subscription,
} from './runtime/Runtime.js';
