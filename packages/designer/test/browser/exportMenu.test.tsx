import { builtInScenarios, sampleOrg } from '@zhizhi/core/sample';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ScenarioDraft } from '../../src/model/index.js';
import { type Mounted, mountDesigner, until } from './mountDesigner.js';

let m: Mounted | undefined;
const band = () =>
  structuredClone(
    builtInScenarios.find((s) => s.id === 'elderly-health-band'),
  ) as unknown as ScenarioDraft;
const item = (kind: string) =>
  until(() => {
    const b = m?.host.querySelector<HTMLButtonElement>(`[data-export="${kind}"]`);
    if (!b) throw new Error(`no ${kind}`);
    return b;
  });

describe('the export menu (issue #10)', () => {
  it('given a checked scenario, when each export is chosen, then the document, the machine, the embed snippet with its script and one events file per test path come out', async () => {
    m = await mountDesigner(band(), sampleOrg);
    for (const kind of ['scenario', 'machine', 'embed', 'testPaths'])
      await userEvent.click(await item(kind));
    const files = m.exports.map((x) => [x.kind, x.fileName]);
    expect(files.slice(0, 4)).toEqual([
      ['scenario', 'elderly-health-band.json'],
      ['machine', 'elderly-health-band.machine.json'],
      ['embed', 'zz-elderly-health-band.html'],
      ['embedScript', 'zz-elderly-health-band.js'],
    ]);
    expect(JSON.parse(m.exports[0]?.json ?? '')).toEqual(band());
    expect(JSON.parse(m.exports[1]?.json ?? '')).toMatchObject({
      id: '$scenario',
      states: expect.any(Object),
    });
    expect(m.exports[2]?.json).toContain(
      '<zz-elderly-health-band deploy></zz-elderly-health-band>',
    );
    expect(m.exports[3]?.json).toContain(
      'ZhizhiWidgets.defineScenarioElement("zz-elderly-health-band", {',
    );
    const paths = m.exports.filter((x) => x.kind === 'testPaths');
    expect(paths.map((p) => p.fileName)).toEqual(
      paths.map((_, i) => `elderly-health-band.path-${i + 1}.events.jsonl`),
    );
    expect(paths.length).toBeGreaterThanOrEqual(4);
    for (const p of paths) expect(JSON.parse(p.json.split('\n')[0] ?? '').type).toBe('START');
  });

  it('given a scenario with an error, then every export is disabled and says why, and nothing is exported', async () => {
    const doc = band();
    (doc.steps[0] as unknown as { outcomes: { to: string }[] }).outcomes[0] = {
      ...(doc.steps[0] as unknown as { outcomes: { to: string }[] }).outcomes[0],
      to: 'nowhere',
    } as { to: string };
    m = await mountDesigner(doc, sampleOrg, 'en');
    for (const kind of ['scenario', 'machine', 'embed', 'testPaths']) {
      const b = await item(kind);
      expect(b.disabled).toBe(true);
      expect(b.title).toBe('Fix the errors before exporting');
    }
    expect(m.exports).toEqual([]);
  });
});
