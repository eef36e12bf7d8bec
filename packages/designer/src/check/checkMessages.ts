import type { Org } from '@zhizhi/core';
import type { DraftCheck } from '../model/check/checkDraft.js';
import type { ScenarioDraft } from '../model/ScenarioDraft.js';

/**
 * What the main thread posts to the checker's worker: a document revision, and the org when
 * it changed since the last message (`null`: no org). @internal
 */
export interface CheckRequest {
  rev: number;
  doc: ScenarioDraft;
  org?: Org | null;
}

/** What the checker's worker answers: the check of revision `rev`. @internal */
export interface CheckResponse {
  rev: number;
  check: DraftCheck;
}
