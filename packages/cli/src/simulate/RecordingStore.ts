import { type Commit, MemoryStore } from '@zhizhi/core';

/**
 * A {@link MemoryStore} that tells `onCommit` about every commit after it is applied: the
 * record (case or scenario instance), its new audit entries and the notifications written to
 * the outbox in the same commit. `zhizhi simulate` prints from it, so what it shows is exactly
 * what a server would deliver, escalation steps (which leave no resting state) included.
 *
 * @example
 * ```ts
 * import { RecordingStore } from './simulate/RecordingStore.js';
 * const store = new RecordingStore((c) => console.log(c.record.id, c.notifications.length));
 * ```
 */
export class RecordingStore extends MemoryStore {
  readonly #onCommit: (commit: Commit) => void;

  constructor(onCommit: (commit: Commit) => void) {
    super();
    this.#onCommit = onCommit;
  }

  override async commit(commit: Commit): Promise<void> {
    await super.commit(commit);
    this.#onCommit(commit);
  }
}
