import { Directory, type Org } from '@zhizhi/core';
import { checkDraft, type DraftCheck } from '../model/check/checkDraft.js';
import type { ScenarioDraft } from '../model/ScenarioDraft.js';
import type { CheckRequest, CheckResponse } from './checkMessages.js';

/**
 * From this many steps on, the designer checks a document in a Web Worker; below it, on the
 * main thread (a 250-step check took 1.8–7 ms on a shared, loaded 2-core machine: under half a
 * frame, and a worker's round trip would only delay the diagnostics). Measured by
 * `bench/editCheck.bench.ts`.
 */
export const WORKER_CHECK_STEPS = 250;

/**
 * One answer of a {@link Checker}: the check of revision `rev`, and where it ran.
 *
 * @example
 * ```ts
 * import type { CheckResult } from '@zhizhi/designer';
 * const log = (r: CheckResult) => console.log(r.rev, r.where, r.check.errors.length);
 * ```
 */
export interface CheckResult {
  rev: number;
  check: DraftCheck;
  where: 'worker' | 'main';
}

/**
 * Options of {@link createChecker}.
 *
 * @example
 * ```ts
 * import type { CheckerOptions } from '@zhizhi/designer';
 * const options: CheckerOptions = { onResult: (r) => console.log(r.check.exportable) };
 * ```
 */
export interface CheckerOptions {
  /** Hears the check of the latest revision only (a stale answer is dropped). */
  onResult(result: CheckResult): void;
  /** Documents with at least this many steps go to the worker (default {@link WORKER_CHECK_STEPS}; 0: always). */
  minSteps?: number;
  /**
   * Makes the worker (default: the package's `checkWorker.js` as a module worker; `null`
   * where `Worker` does not exist, as in SSR or happy-dom). `null`: always the main thread.
   */
  createWorker?: (() => Worker) | null;
}

/**
 * A live checker made by {@link createChecker}.
 *
 * @example
 * ```ts
 * import { createChecker } from '@zhizhi/designer';
 * const checker = createChecker({ onResult: (r) => console.log(r.check.errors) });
 * checker.update(doc);
 * checker.destroy();
 * ```
 */
export interface Checker {
  /** Checks `doc` as a new revision (returned); a small one (or with no worker) before returning. */
  update(doc: ScenarioDraft, org?: Org): number;
  /** True while the latest revision has not been answered. */
  readonly pending: boolean;
  /** Where the next large document will be checked: `main` once the worker failed or is missing. */
  readonly mode: 'worker' | 'main';
  /** Stops the worker; later answers are dropped. */
  destroy(): void;
}

const defaultWorker =
  typeof Worker === 'undefined'
    ? null
    : () => new Worker(new URL('./checkWorker.js', import.meta.url), { type: 'module' });

/**
 * Runs the designer's checker (`checkDraft`, core's `validateScenario`) off the main thread:
 * a document of {@link WORKER_CHECK_STEPS} steps or more is posted to a module Web Worker; at
 * most one revision is in the worker at a time and only the newest waiting one follows it, so
 * a burst of edits never queues up checks; an answer for any but the latest revision is
 * dropped. Smaller documents, and every document where `Worker` is missing or the worker
 * fails to load (a CSP without `worker-src 'self'`, a bundler that dropped the file), are
 * checked on the main thread — with the same diagnostics, as it is the same function.
 *
 * @example
 * ```ts
 * import { createChecker } from '@zhizhi/designer';
 * const checker = createChecker({
 *   onResult: ({ rev, check, where }) => render(check.diagnostics),
 * });
 * checker.update(doc, sampleOrg); // later edits: update again; answers arrive in order
 * ```
 */
export function createChecker(options: CheckerOptions): Checker {
  const minSteps = options.minSteps ?? WORKER_CHECK_STEPS;
  let make = options.createWorker === undefined ? defaultWorker : options.createWorker;
  let worker: Worker | undefined;
  let latest = 0;
  let answered = 0;
  let latestDoc: ScenarioDraft | undefined;
  let latestOrg: Org | undefined;
  let inFlight = false;
  let waiting: CheckRequest | undefined;
  const noOrgSent = Symbol('none');
  let sentOrg: Org | undefined | typeof noOrgSent = noOrgSent;
  let directory: { org: Org | undefined; dir: Directory | undefined } | undefined;
  let destroyed = false;

  const answer = (rev: number, check: DraftCheck, where: CheckResult['where']) => {
    if (destroyed || rev !== latest) return;
    answered = rev;
    options.onResult({ rev, check, where });
  };
  const onMain = (rev: number, doc: ScenarioDraft, org: Org | undefined) => {
    const known =
      directory && directory.org === org
        ? directory
        : { org, dir: org ? new Directory(org) : undefined };
    directory = known;
    answer(rev, checkDraft(doc, known.dir), 'main');
  };
  const post = (request: CheckRequest) => {
    inFlight = true;
    (worker as Worker).postMessage(request);
  };
  const fail = () => {
    // the worker is gone for good (failed to load, crashed): the main thread from now on
    worker?.terminate();
    worker = undefined;
    make = null;
    inFlight = false;
    waiting = undefined;
    if (answered < latest && latestDoc) onMain(latest, latestDoc, latestOrg);
  };
  const start = (): Worker | undefined => {
    if (worker || !make) return worker;
    try {
      worker = make();
    } catch {
      make = null;
      return undefined;
    }
    worker.addEventListener('message', (e: MessageEvent<CheckResponse>) => {
      inFlight = false;
      answer(e.data.rev, e.data.check, 'worker');
      if (waiting && !destroyed) {
        const next = waiting;
        waiting = undefined;
        post(next);
      }
    });
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      fail();
    });
    worker.addEventListener('messageerror', fail);
    return worker;
  };

  return {
    update(doc, org) {
      const rev = ++latest;
      latestDoc = doc;
      latestOrg = org;
      if (destroyed) return rev;
      if (doc.steps.length < minSteps || !start()) {
        // a dropped waiting request may have carried the org: send it again next time
        if (waiting) sentOrg = noOrgSent;
        waiting = undefined;
        onMain(rev, doc, org);
        return rev;
      }
      const request: CheckRequest = { rev, doc };
      if (sentOrg !== org) {
        request.org = org ?? null;
        sentOrg = org;
      }
      if (inFlight) {
        // only the newest waits; the org it may carry must not be lost with an older one
        if (waiting && 'org' in waiting && !('org' in request)) request.org = waiting.org ?? null;
        waiting = request;
      } else {
        post(request);
      }
      return rev;
    },
    get pending() {
      return answered < latest;
    },
    get mode() {
      return make || worker ? 'worker' : 'main';
    },
    destroy() {
      destroyed = true;
      worker?.terminate();
      worker = undefined;
    },
  };
}
