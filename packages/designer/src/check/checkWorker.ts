// The checker's module Web Worker (see createChecker): it receives a document revision and,
// when the org changed, the org; it answers with core's diagnostics for that revision —
// the very `checkDraft` the main thread would run. Shipped as `dist/checkWorker.js`.
import { Directory } from '@zhizhi/core';
import { checkDraft } from '../model/check/checkDraft.js';
import type { CheckRequest, CheckResponse } from './checkMessages.js';

let directory: Directory | undefined;

self.addEventListener('message', (e: MessageEvent<CheckRequest>) => {
  const { rev, doc } = e.data;
  if ('org' in e.data) directory = e.data.org ? new Directory(e.data.org) : undefined;
  const response: CheckResponse = { rev, check: checkDraft(doc, directory) };
  self.postMessage(response);
});
