import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/zhizhi.js';
import { capture } from './support/capture.js';

/** The example org a district copies (examples/org/README.md), and the template scenario. */
const org = new URL('../../../examples/org/district-org.json', import.meta.url).pathname;
const scenarios = new URL('../../core/scenarios/', import.meta.url).pathname;
const flow = join(scenarios, 'standard-case-flow.json');
const flowEvents = join(scenarios, 'standard-case-flow.events.jsonl');

/**
 * What examples/org/README.md tells a district to change: the sample's post (三江街道 村镇建设岗)
 * becomes the example org's (云岭镇 村镇建设岗); the event script's actors and grid likewise.
 */
function adaptedFiles(): { scenario: string; events: string } {
  const dir = mkdtempSync(join(tmpdir(), 'zhizhi-example-org-'));
  const scenario = join(dir, 'standard-case-flow.json');
  const events = join(dir, 'standard-case-flow.events.jsonl');
  writeFileSync(scenario, readFileSync(flow, 'utf8').replaceAll('qj-sj-czjs', 'qx-yl-czjs'));
  writeFileSync(
    events,
    readFileSync(flowEvents, 'utf8')
      .replaceAll('qj-sj-czjs-staff', 'qx-yl-czjs-staff1')
      .replaceAll('qj-sj-duty', 'qx-yl-duty1')
      .replaceAll('qj-sj-c1-g1', 'qx-yl-c1-g1'),
  );
  return { scenario, events };
}

describe('zhizhi --org examples/org/district-org.json', () => {
  it('given standard-case-flow with its post replaced by the example org’s, then validate exits 0', async () => {
    const { scenario } = adaptedFiles();
    const io = capture();
    expect(await runCli(['validate', scenario, '--org', org, '--lang', 'en'], io)).toBe(0);
    expect(io.stdout).toEqual([`${scenario}: valid`]);
    expect(io.stderr).toEqual([]);
  });

  it('given standard-case-flow as shipped, then validate exits 1 and names the unknown post', async () => {
    const io = capture();
    expect(await runCli(['validate', flow, '--org', org, '--lang', 'en'], io)).toBe(1);
    expect(io.stdout).toContainEqual(
      expect.stringMatching(
        /steps\.2\.lead\.id {2}scenario\.unknownPost {2}There is no post `qj-sj-czjs` in the org; did you mean `qx-yl-czjs`\?$/,
      ),
    );
    expect(io.stdout.at(-1)).toBe(`${flow}: invalid (3 errors)`);
  });

  it('given the adapted scenario and event script, then simulate plays it to closed in the example org', async () => {
    const { scenario, events } = adaptedFiles();
    const io = capture();
    const args = ['simulate', scenario, '--events', events, '--org', org, '--lang', 'en'];
    expect(await runCli([...args, '--start', '2026-09-01T08:00:00+08:00'], io)).toBe(0);
    expect(io.stdout).toContain('Final state: closed  Outcome: resolved');
    expect(io.stdout.join('\n')).toContain('ACKNOWLEDGE  assigned → inProgress  qx-yl-czjs-staff1');
    expect(io.stdout).toContainEqual(expect.stringMatching(/^ {2}Time to close: .* ✓$/));
  });
});
