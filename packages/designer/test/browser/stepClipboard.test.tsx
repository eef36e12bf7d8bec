import { sampleOrg } from '@zhizhi/core/sample';
import { describe, expect, it } from 'vitest';
import { CLIPBOARD_FORMAT } from '../../src/model/index.js';
import { builtInDraft, type Mounted, mountDesigner, until } from './mountDesigner.js';

const scenario = builtInDraft;

async function clickNode(m: Mounted, id: string) {
  const n = await until(() => {
    const el = m.host.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`);
    if (!el) throw new Error(`no node ${id}`);
    return el;
  });
  n.click();
  n.focus();
  await until(() => {
    if (!m.host.querySelector(`.zz-properties[data-step="${id}"]`)) throw new Error('not selected');
  });
}

/** A clipboard event as the browser fires it on Ctrl/Cmd+C or V (at the focused element, bubbling). */
function clip(type: 'copy' | 'paste', text?: string): DataTransfer {
  const data = new DataTransfer();
  if (text !== undefined) data.setData('text/plain', text);
  (document.activeElement ?? document.body).dispatchEvent(
    new ClipboardEvent(type, { clipboardData: data, bubbles: true, cancelable: true }),
  );
  return data;
}

const status = (m: Mounted) => m.host.querySelector('.zz-status')?.textContent ?? '';

describe('copy and paste of steps', () => {
  it('given a step selected in one designer, when copied and pasted into another designer, then the step arrives there (renamed if its id is taken), selected, as one undo step', async () => {
    const a = await mountDesigner(scenario('elderly-health-band'), sampleOrg);
    const b = await mountDesigner(scenario('elderly-health-band'), sampleOrg);
    await clickNode(a, 'call');
    const copied = clip('copy').getData('text/plain');
    const parsed = JSON.parse(copied);
    expect(parsed.format).toBe(CLIPBOARD_FORMAT);
    expect(parsed.steps.map((s: { id: string }) => s.id)).toEqual(['call']);
    // the other designer (another scenario, or another tab: only the text travels)
    await clickNode(b, 'visit');
    clip('paste', copied);
    await until(() => expect(b.latest().steps.some((s) => s.id === 'call-2')).toBe(true));
    const before = scenario('elderly-health-band');
    expect(b.latest().steps.length).toBe(before.steps.length + 1);
    expect(a.latest().steps.length).toBe(before.steps.length);
    await until(() => {
      if (!b.host.querySelector('.zz-properties[data-step="call-2"]'))
        throw new Error('not selected');
    });
    expect(b.draft()?.done.length).toBe(1);
  });

  it('given hostile or foreign clipboard text, when pasted, then it is refused with a message naming the rule and nothing changes', async () => {
    const m = await mountDesigner(scenario('elderly-health-band'), sampleOrg, 'en');
    await clickNode(m, 'call');
    const doc = m.latest();
    const cases: [string, string][] = [
      ['not json {', 'not JSON'],
      ['{"__proto__": {"polluted": 1}, "format": "x"}', 'zhizhi.designer.clipboard/1'],
      [
        JSON.stringify({
          format: CLIPBOARD_FORMAT,
          from: 'x',
          steps: [{ id: 'a', kind: 'rm -rf' }],
        }),
        'no step kind',
      ],
      [JSON.stringify({ format: CLIPBOARD_FORMAT, from: 'x', steps: [] }), 'holds no steps'],
      ['x'.repeat(5_000_001), 'longer than'],
    ];
    for (const [text, says] of cases) {
      clip('paste', text);
      await until(() => {
        expect(status(m)).toContain('Refused');
        expect(status(m)).toContain(says);
      });
      await new Promise((r) => setTimeout(r, 30));
      expect(m.latest()).toBe(doc);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('given the focus in a text field, then Ctrl+C/V are left to the field', async () => {
    const m = await mountDesigner(scenario('elderly-health-band'), sampleOrg);
    await clickNode(m, 'call');
    const input = m.host.querySelector<HTMLInputElement>('.zz-properties input[type="text"]');
    input?.focus();
    expect(clip('copy').getData('text/plain')).toBe('');
    clip('paste', JSON.stringify({ format: CLIPBOARD_FORMAT, from: 'x', steps: [] }));
    expect(status(m)).toBe('');
  });
});
