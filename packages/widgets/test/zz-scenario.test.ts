import { builtInScenarios } from '@zhizhi/core/sample';
import type { Scenario } from '@zhizhi/core/scenario';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../src/index.js';
import '../src/scenario.js';
import type { ZzProvider } from '../src/index.js';
import type { ZzScenario, ZzScenarioStartedDetail, ZzTaskDoneDetail } from '../src/scenario.js';
import {
  expectNoAxeViolations,
  mount,
  shadow,
  unmountAll,
  waitFor,
  xssPayloads,
} from './support/dom.js';
import { DUTY, makeLocalClient, WORKER } from './support/localClient.js';

const GRID = 'qj-sj-c1-g1';
const band = builtInScenarios.find((d) => d.id === 'elderly-health-band') as Scenario;

async function setup(
  options: {
    lang?: string;
    doc?: Scenario;
    deploy?: boolean;
    attrs?: string;
    member?: string;
  } = {},
) {
  const { client, clock } = makeLocalClient();
  const doc = options.doc ?? band;
  if (options.deploy !== false) {
    const r = await client.deploy(doc, DUTY);
    if (!r.ok) throw new Error(`deploy refused: ${JSON.stringify(r.diagnostics)}`);
  }
  const host = mount(
    `<zz-provider member="${options.member ?? DUTY}" lang="${options.lang ?? 'zh-CN'}"><zz-scenario ${
      options.attrs ?? `scenario="${doc.id}" grid="${GRID}" viewer-role="dutyOfficer"`
    }></zz-scenario></zz-provider>`,
  );
  const provider = host.querySelector('zz-provider') as ZzProvider;
  provider.clock = clock;
  provider.client = client;
  const el = host.querySelector('zz-scenario') as ZzScenario;
  return { client, clock, provider, el, root: shadow(el) };
}

const startButton = (root: ShadowRoot) =>
  [...root.querySelectorAll('button')].find((b) =>
    /启动场景|Start the scenario/.test(b.textContent ?? ''),
  );
const task = (root: ShadowRoot, step: string) =>
  root.querySelector<HTMLElement>(`section[data-step="${step}"]`);
const outcome = (root: ShadowRoot, step: string, id: string) =>
  task(root, step)?.querySelector<HTMLButtonElement>(`button[data-outcome="${id}"]`);

async function started(el: ZzScenario, root: ShadowRoot) {
  await waitFor(() => startButton(root), 'the start button');
  startButton(root)?.click();
  await waitFor(() => el.record, 'the started instance');
  await el.updateComplete;
}

describe('zz-scenario', () => {
  afterEach(() => unmountAll());

  it('given a deployed scenario in zh-CN, when the duty officer starts it, then zz-scenario-started fires and the call task is offered with its outcomes', async () => {
    const { el, root } = await setup();
    await waitFor(() => startButton(root), 'the start button');
    expect(root.querySelector('h2')?.textContent).toBe('留守老人智能健康手环');
    const events: ZzScenarioStartedDetail[] = [];
    el.addEventListener('zz-scenario-started', (e) => events.push(e.detail));
    await started(el, root);
    expect(events).toHaveLength(1);
    expect(events[0]?.instanceId).toBe(el.instance);
    expect(el.getAttribute('instance')).toBe(el.record?.id);
    expect(root.querySelector('[part="steps"]')?.textContent).toContain('电话联系老人');
    expect(task(root, 'call')?.querySelector('h4')?.textContent).toBe('电话联系老人');
    const outcomes = [...(task(root, 'call')?.querySelectorAll('button') ?? [])].map((b) =>
      b.textContent?.trim(),
    );
    expect(outcomes).toEqual(['接通，无事', '接通，需要帮助', '未接通']);
    expect(root.querySelector('ol')?.children.length).toBe(1);
  });

  it('given lang="en", then the name, steps, outcomes and headings are English', async () => {
    const { el, root } = await setup({ lang: 'en' });
    await started(el, root);
    expect(root.querySelector('h2')?.textContent).toBe(
      'Health bands for elderly people living alone',
    );
    expect(root.querySelector('#timeline')?.textContent).toBe('Timeline');
    expect(root.querySelector('[part="steps"]')?.textContent).toContain('Call the person');
    expect(outcome(root, 'call', 'noAnswer')?.textContent?.trim()).toBe('No answer');
    expect(root.querySelector('ol li strong')?.textContent).toBe('Started');
  });

  it('given a viewer whose role is not the assignee, then no task is offered', async () => {
    const { el, root } = await setup({
      attrs: `scenario="${band.id}" grid="${GRID}" viewer-role="gridWorker"`,
    });
    await started(el, root);
    expect(task(root, 'call')).toBeNull();
    expect(root.textContent).toContain('当前没有您可办理的任务');
  });

  it('given the built-in health-band scenario on a LocalClient, when the duty officer and then the grid worker do their tasks by keyboard, then it reaches its end and the timeline holds every step', async () => {
    const { el, root, provider } = await setup();
    await started(el, root);
    const done: ZzTaskDoneDetail[] = [];
    el.addEventListener('zz-task-done', (e) => done.push(e.detail));
    // the duty officer: no answer (keyboard only: focus the first outcome, Tab twice, Enter)
    outcome(root, 'call', 'fine')?.focus();
    await userEvent.tab();
    await userEvent.tab();
    expect(root.activeElement).toBe(outcome(root, 'call', 'noAnswer'));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => done.length === 1 && el.record?.status === 'visit', 'the visit step');
    await el.updateComplete;
    expect(task(root, 'visit')).toBeNull(); // the duty officer may not visit
    // the grid worker of the instance's grid takes over
    provider.setAttribute('member', WORKER);
    el.setAttribute('viewer-role', 'gridWorker');
    await waitFor(() => task(root, 'visit'), 'the visit task');
    const input = task(root, 'visit')?.querySelector('textarea');
    expect(task(root, 'visit')?.querySelector('label')?.textContent).toContain('现场情况');
    input?.focus();
    await userEvent.keyboard('老人摔倒，意识清醒');
    outcome(root, 'visit', 'emergency')?.click();
    await waitFor(() => task(root, 'callAmbulance'), 'the ambulance task');
    expect(root.querySelector('[part="steps"]')?.textContent).toContain('拨打 120');
    outcome(root, 'callAmbulance', 'done')?.click();
    await waitFor(() => el.record?.context.outcome, 'the end');
    await el.updateComplete;
    expect(el.record?.context.outcome).toBe('resolved');
    expect(el.record?.context.data.condition).toBe('老人摔倒，意识清醒');
    expect(done.map((d) => `${d.step}:${d.outcome}`)).toEqual([
      'call:noAnswer',
      'visit:emergency',
      'callAmbulance:done',
    ]);
    expect(root.querySelector('[part="steps"]')?.textContent).toContain('已结束');
    expect(root.querySelector('[part="steps"]')?.textContent).toContain('已处置');
    expect(root.querySelectorAll('section.task')).toHaveLength(0);
    const timeline = root.querySelector('ol')?.textContent ?? '';
    for (const step of ['电话联系老人', '最近的网格员上门', '拨打 120'])
      expect(timeline).toContain(step);
    expect(root.querySelectorAll('ol li')).toHaveLength(4);
    expect(root.querySelector('ol li strong')?.textContent).toBe('启动');
    expect(root.querySelector('ol li:last-child strong')?.textContent).toBe('完成任务');
    await expectNoAxeViolations(el);
  });

  it('given an instance id, when another client completes its task, then the element follows the live feed', async () => {
    const fresh = await setup({ attrs: `instance="none-yet"` });
    const { el, root } = fresh;
    await waitFor(() => root.textContent?.includes('未找到场景实例 none-yet'), 'not found');
    const r = await fresh.client.start({
      scenario: band.id,
      trigger: 'manual',
      by: DUTY,
      gridId: GRID,
    });
    if (!r.ok) throw new Error(r.error.code);
    el.setAttribute('viewer-role', 'dutyOfficer');
    el.setAttribute('instance', r.record.id);
    await waitFor(() => task(root, 'call'), 'the call task');
    const sent = await fresh.client.command(r.record.id, {
      type: 'TASK_COMPLETE',
      by: DUTY,
      step: 'call',
      outcome: 'fine',
    });
    expect(sent.ok).toBe(true);
    await waitFor(() => el.record?.context.outcome === 'resolvedOnSite', 'the live change', 1000);
    await el.updateComplete;
    expect(root.querySelector('[part="steps"]')?.textContent).toContain('确认无事');
  });

  it('given a client without the definition, then it says so in zh-CN and in English', async () => {
    const zh = await setup({ deploy: false });
    await waitFor(() => zh.root.querySelector('[role="alert"]'), 'the message');
    expect(zh.root.querySelector('[role="alert"]')?.textContent).toContain(
      '数据来源中没有场景 elderly-health-band',
    );
    unmountAll();
    const en = await setup({ deploy: false, lang: 'en' });
    await waitFor(() => en.root.querySelector('[role="alert"]'), 'the message');
    expect(en.root.querySelector('[role="alert"]')?.textContent).toContain(
      'The data source has no scenario elderly-health-band',
    );
  });

  it('given OWASP XSS payloads in the scenario name, step, outcome and field labels, then they show as text and none runs', async () => {
    const w = window as { __xss?: number };
    delete w.__xss;
    const [p0, p1, p2, p3] = xssPayloads;
    const doc = structuredClone(band) as Scenario;
    doc.id = 'xss-band';
    doc.name = { zh: p0 as string, en: p0 as string };
    const visit = doc.steps.find((s) => s.id === 'call');
    if (visit?.kind !== 'task') throw new Error('no call step');
    visit.label = { zh: p1 as string, en: p1 as string };
    visit.form = ['elderName'];
    const first = visit.outcomes[0];
    if (first) first.label = { zh: p2 as string, en: p2 as string };
    const name = doc.fields.find((f) => f.id === 'elderName');
    if (name) name.label = { zh: p3 as string, en: p3 as string };
    const { el, root } = await setup({ doc });
    await started(el, root);
    expect(root.querySelector('h2')?.textContent).toBe(p0);
    expect(task(root, 'call')?.querySelector('h4')?.textContent).toBe(p1);
    expect(outcome(root, 'call', 'fine')?.textContent?.trim()).toBe(p2);
    expect(task(root, 'call')?.querySelector('label')?.textContent).toContain(p3);
    expect(root.querySelector('script, img, svg, iframe, a')).toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    expect(w.__xss).toBeUndefined();
  });

  it('given a started instance, then axe-core finds no violations', async () => {
    const { el, root } = await setup();
    await started(el, root);
    await expectNoAxeViolations(el);
  });
});
