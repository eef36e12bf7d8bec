import { builtInScenarios, sampleOrg } from '@zhizhi/core/sample';
import axe from 'axe-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ScenarioDraft } from '../../src/model/index.js';
import { type Mounted, mountDesigner, until } from '../browser/mountDesigner.js';

const server = inject('server');
let m: Mounted | undefined;
afterEach(() => {
  m?.unmount();
  m = undefined;
});

const el = <T extends Element = HTMLElement>(selector: string) =>
  until(() => {
    const e = document.querySelector(selector);
    if (!e) throw new Error(`no ${selector}`);
    return e as unknown as T;
  }, 15_000);
const band = () =>
  structuredClone(
    builtInScenarios.find((s) => s.id === 'elderly-health-band'),
  ) as unknown as ScenarioDraft;
const deployed = async (id: string) => {
  const r = await fetch(`${server.url}/api/scenarios`, {
    headers: { authorization: `Bearer ${server.token}` },
  });
  const body = (await r.json()) as { items: { id: string; version: string }[] };
  return body.items.filter((d) => d.id === id).map((d) => d.version);
};

describe('deploy from the designer to a real server (issue #10)', () => {
  it('given a new version of a deployed scenario, when Deploy is pressed, then the dialog shows the semantic diff against the deployed version, and confirming deploys it', async () => {
    const doc = band();
    doc.version = '1.1.0';
    const call = doc.steps.find((s) => s.id === 'call') as unknown as { sla: { within: string } };
    call.sla.within = 'PT10M';
    doc.steps = doc.steps.filter((s) => s.id !== 'notifyCare');
    const follow = doc.steps.find((s) => s.id === 'followUp') as unknown as {
      branches: { to: string }[];
    };
    (follow.branches[0] as { to: string }).to = 'handled';
    m = await mountDesigner(doc, sampleOrg, 'en', { server });
    expect(await deployed('elderly-health-band')).toEqual(['1.0.0']);

    await userEvent.click(await el('[data-testid="deploy"]'));
    const diff = await el('[data-testid="deploy-diff"]');
    const lines = [...diff.querySelectorAll('li')].map((li) => li.textContent);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining('`notifyCare` removed'),
        expect.stringContaining('`call`'),
      ]),
    );
    expect(diff.textContent).not.toContain('"');
    const a11y = await axe.run(document.querySelector('.zz-deploy') as HTMLElement);
    expect(a11y.violations.map((v) => v.id)).toEqual([]);

    await userEvent.click(await el('[data-testid="deploy-confirm"]'));
    await el('[data-testid="deploy-done"]');
    expect(await deployed('elderly-health-band')).toEqual(['1.0.0', '1.1.0']);
  });

  it('given a document the server refuses (a post its org lacks), then the 422 diagnostics are listed and clicking one focuses its step', async () => {
    const doc = band();
    doc.version = '2.0.0';
    const notify = doc.steps.find((s) => s.id === 'notifyCare') as unknown as {
      to: { kind: string; id: string }[];
    };
    notify.to = [{ kind: 'post', id: 'no-such-post' }];
    // no org in the designer: its checker cannot know the post; the server's does
    m = await mountDesigner(doc, undefined, 'zh-CN', { server });
    await userEvent.click(await el('[data-testid="deploy"]'));
    await userEvent.click(await el('[data-testid="deploy-confirm"]'));
    const refused = await el('[data-testid="deploy-refused"]');
    const item = refused.querySelector<HTMLButtonElement>('[data-step="notifyCare"]');
    expect(item).not.toBeNull();
    await userEvent.click(item as HTMLButtonElement);
    await until(() => expect(document.querySelector('.zz-deploy')).toBeNull());
    await until(() =>
      expect(m?.host.querySelector('.react-flow__node[data-id="notifyCare"]')?.classList).toContain(
        'selected',
      ),
    );
    expect(await deployed('elderly-health-band')).not.toContain('2.0.0');
  });

  it('given errors in the document, then Deploy is refused with the reason', async () => {
    const doc = band();
    (doc.steps[0] as unknown as { outcomes: { to: string }[] }).outcomes[0] = {
      id: 'fine',
      to: 'nowhere',
    } as never;
    m = await mountDesigner(doc, sampleOrg, 'en', { server });
    const b = await el<HTMLButtonElement>('[data-testid="deploy"]');
    expect(b.disabled).toBe(true);
    expect(b.title).toBe('Fix the errors before deploying');
  });
});
