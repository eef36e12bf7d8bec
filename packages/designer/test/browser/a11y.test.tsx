import { builtInScenarios, sampleOrg } from '@zhizhi/core/sample';
import { describe, expect, it } from 'vitest';
import type { ScenarioDraft } from '../../src/model/index.js';
import { axeViolations } from './axeViolations.js';
import { type Mounted, mountDesigner, until } from './mountDesigner.js';

let m: Mounted | undefined;
describe('accessibility', () => {
  it('given the health-band scenario with a step selected, then axe-core finds no violations in the designer', async () => {
    const doc = structuredClone(
      builtInScenarios.find((s) => s.id === 'elderly-health-band'),
    ) as unknown as ScenarioDraft;
    m = await mountDesigner(doc, sampleOrg);
    const node = await until(
      () =>
        m?.host.querySelector<HTMLElement>('.react-flow__node[data-id="call"]') ??
        (() => {
          throw new Error('no node');
        })(),
    );
    node.click();
    await until(
      () =>
        m?.host.querySelector('.zz-properties[data-step="call"]') ??
        (() => {
          throw new Error('no panel');
        })(),
    );
    expect(await axeViolations(m.host)).toEqual([]);
  });
});
