import { Directory } from '@zhizhi/core';
import { builtInScenarios, sampleOrg } from '@zhizhi/core/sample';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
// core's generator of large scenarios (its benchmark's fixture, as the designer's bench uses)
import { generateScenario } from '../../../core/test/support/generateScenario.js';
import {
  type CheckResult,
  createChecker,
  WORKER_CHECK_STEPS,
} from '../../src/check/createChecker.js';
import { checkDraft, type ScenarioDraft } from '../../src/model/index.js';
import { type Mounted, mountDesigner, until } from './mountDesigner.js';

const org = new Directory(sampleOrg);
const copy = (doc: unknown) => structuredClone(doc) as ScenarioDraft;
/** A broken document: an unknown step target, a missing assignee, an unknown post. */
const broken = (): ScenarioDraft => {
  const doc = copy(builtInScenarios.find((s) => s.id === 'elderly-health-band'));
  const first = doc.steps[0] as ScenarioDraft['steps'][number];
  first.next = 'nowhere';
  doc.steps.push({ id: 'lost', kind: 'task', to: { kind: 'post', id: 'no-such-post' } });
  return doc;
};
const collect = () => {
  const results: CheckResult[] = [];
  const next = (n: number) =>
    until(() => {
      const r = results[n];
      if (!r) throw new Error(`no answer ${n} yet`);
      return r;
    }, 15_000);
  return { results, next, onResult: (r: CheckResult) => results.push(r) };
};
/** A worker factory that counts what the main thread posts to it. */
const counting = () => {
  const posted: number[] = [];
  const make = () => {
    const w = new Worker(new URL('../../src/check/checkWorker.ts', import.meta.url), {
      type: 'module',
    });
    const post = w.postMessage.bind(w);
    w.postMessage = (m: { rev: number }) => {
      posted.push(m.rev);
      post(m);
    };
    return w;
  };
  return { posted, make };
};

let m: Mounted | undefined;
describe('checking off the main thread (issue #10)', () => {
  it('given every built-in scenario and a broken one, when each is checked in the worker, then the diagnostics are exactly those of the main-thread checker', async () => {
    const c = collect();
    const checker = createChecker({ onResult: c.onResult, minSteps: 0 });
    const docs = [...builtInScenarios.map(copy), broken()];
    let n = 0;
    for (const doc of docs) {
      for (const withOrg of [true, false]) {
        checker.update(doc, withOrg ? sampleOrg : undefined);
        const r = await c.next(n++);
        expect(r.where).toBe('worker');
        expect(r.check).toEqual(checkDraft(doc, withOrg ? org : undefined));
      }
    }
    // the broken one really is broken, in both
    expect(c.results.at(-1)?.check.errors.map((d) => d.stepId)).toEqual(
      expect.arrayContaining(['lost']),
    );
    expect(c.results.at(-1)?.check.exportable).toBe(false);
    checker.destroy();
  });

  it('given a burst of edits, when they are checked, then only the latest revision is answered and the worker saw only the first and the newest', async () => {
    const c = collect();
    const w = counting();
    const checker = createChecker({ onResult: c.onResult, minSteps: 0, createWorker: w.make });
    const good = copy(builtInScenarios[0]);
    checker.update(broken(), sampleOrg);
    checker.update(broken(), sampleOrg);
    checker.update(broken(), sampleOrg);
    const last = checker.update(good, sampleOrg);
    expect(checker.pending).toBe(true);
    await c.next(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(c.results.map((r) => r.rev)).toEqual([last]);
    expect(c.results[0]?.check).toEqual(checkDraft(good, org));
    expect(w.posted).toEqual([1, last]);
    expect(checker.pending).toBe(false);
    checker.destroy();
  });

  it(`given a document under ${WORKER_CHECK_STEPS} steps, when it is checked, then it is checked on the main thread before update returns`, () => {
    const results: CheckResult[] = [];
    const checker = createChecker({ onResult: (r) => results.push(r) });
    const doc = copy(builtInScenarios[1]);
    const rev = checker.update(doc, sampleOrg);
    expect(results).toEqual([{ rev, check: checkDraft(doc, org), where: 'main' }]);
    checker.destroy();
  });

  it('given no Worker (as in SSR or happy-dom), or a worker that fails to load, when a large document is checked, then the main thread checks it with the same diagnostics', async () => {
    const doc = broken();
    const none: CheckResult[] = [];
    const without = createChecker({
      onResult: (r) => none.push(r),
      minSteps: 0,
      createWorker: null,
    });
    without.update(doc, sampleOrg);
    expect(none.map((r) => r.where)).toEqual(['main']);
    expect(without.mode).toBe('main');
    const c = collect();
    const failing = createChecker({
      onResult: c.onResult,
      minSteps: 0,
      createWorker: () => new Worker('/no-such-checker-worker.js', { type: 'module' }),
    });
    expect(failing.mode).toBe('worker');
    failing.update(doc, sampleOrg);
    const r = await c.next(0);
    expect(r.where).toBe('main');
    expect(r.check).toEqual(checkDraft(doc, org));
    expect(failing.mode).toBe('main');
    without.destroy();
    failing.destroy();
  });

  it('given the library build (dist/, as consumers import it), when it checks a large document, then its shipped checkWorker.js answers', async () => {
    const dist = '../../dist/index.js';
    const lib = (await import(/* @vite-ignore */ dist)) as typeof import('../../src/index.js');
    const c = collect();
    const checker = lib.createChecker({ onResult: c.onResult });
    const doc = generateScenario(WORKER_CHECK_STEPS + 50) as unknown as ScenarioDraft;
    checker.update(doc, sampleOrg);
    const r = await c.next(0);
    expect(r.where).toBe('worker');
    expect(r.check).toEqual(checkDraft(doc, org));
    expect(r.check.exportable).toBe(true);
    checker.destroy();
  });

  it(`given a designer on a ${WORKER_CHECK_STEPS + 50}-step scenario, when a half-filled step is added and then undone, then the worker's findings show the error and then none`, async () => {
    const doc = generateScenario(WORKER_CHECK_STEPS + 50) as unknown as ScenarioDraft;
    m = await mountDesigner(doc, sampleOrg, 'en');
    const root = m.host.querySelector('.zz-designer') as HTMLElement;
    const counts = () => m?.host.querySelector('[data-testid="diagnostic-counts"]')?.textContent;
    // even the first check of an opened document is the worker's
    await until(() => expect(root.dataset.check).toBe('worker'), 15_000);
    const before = counts();
    expect(m.host.querySelector('.zz-diagnostic--error')).toBeNull();
    await userEvent.click(
      m.host.querySelector('.zz-palette__item[data-kind="task"]') as HTMLElement,
    );
    await until(() => expect(m?.latest().steps.length).toBe(doc.steps.length + 1), 15_000);
    await until(() => expect(root.dataset.check).toBe('worker'), 15_000);
    const added = m.latest().steps.at(-1)?.id;
    await until(() =>
      expect(m?.host.querySelector(`.zz-diagnostic--error[data-step="${added}"]`)).not.toBeNull(),
    );
    expect(counts()).not.toBe(before);
    expect(
      (m.host.querySelector('button[aria-pressed]') as HTMLButtonElement | null)?.disabled,
    ).toBe(true);
    await userEvent.click(m.host.querySelector('.zz-toolbar button') as HTMLElement);
    await until(() => expect(m?.latest().steps.length).toBe(doc.steps.length), 15_000);
    await until(() => expect(m?.host.querySelector('.zz-diagnostic--error')).toBeNull(), 15_000);
    await until(() => expect(root.dataset.check).toBe('worker'));
    expect(counts()).toBe(before);
  });
});
