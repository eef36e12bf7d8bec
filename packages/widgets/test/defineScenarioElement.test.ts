import { builtInScenarios } from '@zhizhi/core/sample';
import type { Scenario } from '@zhizhi/core/scenario';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../src/index.js';
import '../src/scenario.js';
import type { ZzProvider } from '../src/index.js';
import { defineScenarioElement, type ZzScenario } from '../src/scenario.js';
import { expectNoAxeViolations, mount, shadow, unmountAll, waitFor } from './support/dom.js';
import { DUTY, makeLocalClient } from './support/localClient.js';

const band = builtInScenarios.find((d) => d.id === 'elderly-health-band') as Scenario;
const smoke = builtInScenarios.find((d) => d.id === 'smoke-alarm') as Scenario;

defineScenarioElement('zz-elderly-health', band);

async function setup(markup: string, lang = 'zh-CN') {
  const { client, clock } = makeLocalClient();
  const host = mount(`<zz-provider member="${DUTY}" lang="${lang}">${markup}</zz-provider>`);
  const provider = host.querySelector('zz-provider') as ZzProvider;
  provider.clock = clock;
  provider.client = client;
  const el = host.querySelector('zz-elderly-health') as ZzScenario;
  return { client, el, root: shadow(el) };
}

describe('defineScenarioElement', () => {
  afterEach(() => {
    unmountAll();
    vi.restoreAllMocks();
  });

  it('given a client without the definition, then the named element says so in zh-CN and English', async () => {
    const zh = await setup('<zz-elderly-health grid="qj-sj-c1-g1"></zz-elderly-health>');
    await waitFor(() => zh.root.querySelector('[role="alert"]'), 'the message');
    expect(zh.root.querySelector('[role="alert"]')?.textContent).toContain(
      '数据来源中没有场景 elderly-health-band（版本 1.0.0）',
    );
    expect(await zh.client.definition('elderly-health-band')).toBeUndefined();
    unmountAll();
    const en = await setup('<zz-elderly-health grid="qj-sj-c1-g1"></zz-elderly-health>', 'en');
    await waitFor(() => en.root.querySelector('[role="alert"]'), 'the message');
    expect(en.root.querySelector('[role="alert"]')?.textContent).toContain(
      'The data source has no scenario elderly-health-band (version 1.0.0)',
    );
  });

  it('given deploy and a LocalClient, then the element deploys its document, starts it and offers the first task', async () => {
    const { client, el, root } = await setup(
      '<zz-elderly-health deploy grid="qj-sj-c1-g1" viewer-role="dutyOfficer"></zz-elderly-health>',
    );
    expect(el.scenario).toBe('elderly-health-band');
    const start = await waitFor(
      () => [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('启动场景')),
      'the start button',
    );
    expect((await client.definition('elderly-health-band', '1.0.0'))?.deployedBy).toBe(DUTY);
    (start as HTMLButtonElement).click();
    await waitFor(() => root.querySelector('section[data-step="call"]'), 'the call task');
    expect(el.record?.scenario).toEqual({ id: 'elderly-health-band', version: '1.0.0' });
    await expectNoAxeViolations(el);
  });

  it('given the same document defined twice, then nothing throws and nothing is logged', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const first = customElements.get('zz-elderly-health');
    expect(defineScenarioElement('zz-elderly-health', structuredClone(band))).toBe(first);
    expect(warn).not.toHaveBeenCalled();
  });

  it('given another document under a tag already taken, then it is refused with a console warning, not an exception', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const first = customElements.get('zz-elderly-health');
    expect(defineScenarioElement('zz-elderly-health', smoke)).toBeUndefined();
    expect(customElements.get('zz-elderly-health')).toBe(first);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain(
      '<zz-elderly-health> is already defined for elderly-health-band@1.0.0',
    );
    expect(String(warn.mock.calls[0]?.[0])).toContain(`${smoke.id}@${smoke.version}`);
    // a tag some other library owns is refused alike
    expect(defineScenarioElement('zz-case', band)).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('given a tag that is not a custom element name or a scenario that is not a document, then it warns and defines nothing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(defineScenarioElement('Elderly', band)).toBeUndefined();
    expect(
      defineScenarioElement('zz-not-a-doc', { id: 'x' } as unknown as Scenario),
    ).toBeUndefined();
    expect(defineScenarioElement('zz-null-doc', null as unknown as Scenario)).toBeUndefined();
    expect(customElements.get('zz-not-a-doc')).toBeUndefined();
    expect(customElements.get('zz-null-doc')).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(3);
    expect(String(warn.mock.calls[0]?.[0])).toContain('not a custom element name');
    expect(String(warn.mock.calls[1]?.[0])).toContain('scenario must be a scenario document');
  });
});
