import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../src/index.js';
import type {
  ZzActionRefusedDetail,
  ZzActionSentDetail,
  ZzCase,
  ZzProvider,
} from '../src/index.js';
import {
  expectNoAxeViolations,
  mount,
  shadow,
  unmountAll,
  waitFor,
  xssPayloads,
} from './support/dom.js';
import { countingClient, DUTY, makeLocalClient, report } from './support/localClient.js';

async function setup(options: { lang?: string; title?: string; flaky?: boolean } = {}) {
  const { client, clock } = makeLocalClient();
  const counting = countingClient(client);
  const record = await report(client, {
    title: options.title ?? '河道排污口',
    description: '有异味',
  });
  const host = mount(
    `<zz-provider member="${DUTY}" lang="${options.lang ?? 'zh-CN'}"><zz-case case-id="${record.id}"></zz-case></zz-provider>`,
  );
  const provider = host.querySelector('zz-provider') as ZzProvider;
  provider.clock = clock;
  provider.client = counting.client;
  const el = host.querySelector('zz-case') as ZzCase;
  await waitFor(() => el.record && el.actions.length > 0, 'the case and its actions');
  await el.updateComplete;
  return { client, clock, counting, record, el, root: shadow(el) };
}

const action = (root: ShadowRoot, type: string) =>
  root.querySelector<HTMLDetailsElement>(`details[data-type="${type}"]`);

async function fill(root: ShadowRoot, selector: string, value: string) {
  const input = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
  if (!input) throw new Error(`no ${selector}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('zz-case', () => {
  afterEach(() => unmountAll());

  it('given a case in zh-CN, then it shows the title, the trail, time left and the actions the member may send', async () => {
    const { root } = await setup();
    expect(root.querySelector('h2')?.textContent).toBe('河道排污口');
    expect(root.querySelector('ol')?.textContent).toContain('上报');
    expect(root.querySelector('dl')?.textContent).toContain('剩余');
    const types = [...root.querySelectorAll('details')].map((d) => d.dataset.type);
    expect(types).toContain('ACCEPT');
    expect(types).toContain('REJECT');
    expect(action(root, 'ACCEPT')?.querySelector('summary')?.textContent).toBe('受理');
  });

  it('given lang="en", then labels, events and deadlines are English', async () => {
    const { root } = await setup({ lang: 'en' });
    expect(root.querySelector('#timeline')?.textContent).toBe('Timeline');
    expect(root.querySelector('ol')?.textContent).toContain('Report');
    expect(root.querySelector('dl')?.textContent).toContain('left');
    expect(action(root, 'ACCEPT')?.querySelector('summary')?.textContent).toBe('Accept');
  });

  it('given the keyboard, when the viewer opens Accept and submits, then the case moves on and zz-action-sent fires', async () => {
    const { client, record, el, root } = await setup();
    const sent: ZzActionSentDetail[] = [];
    el.addEventListener('zz-action-sent', (e) => sent.push(e.detail));
    action(root, 'ACCEPT')?.querySelector('summary')?.focus();
    await userEvent.keyboard('{Enter}');
    expect(action(root, 'ACCEPT')?.open).toBe(true);
    await userEvent.tab(); // the note
    await userEvent.keyboard('已核实');
    await userEvent.tab(); // the submit button
    await userEvent.keyboard('{Enter}');
    await waitFor(() => sent.length === 1, 'zz-action-sent');
    expect(sent[0]?.type).toBe('ACCEPT');
    expect((await client.getCase(record.id))?.status).toBe('dispatching');
    await waitFor(() => el.record?.status === 'dispatching', 'the element reloaded');
    expect(el.trail.at(-1)?.note).toBe('已核实');
  });

  it('given a form built from the DISPATCH schema, when lead is filled, then the case is dispatched to it', async () => {
    const { client, record, el, root } = await setup();
    await client.send(record.id, { type: 'ACCEPT', by: DUTY }, {});
    await waitFor(() => action(el.shadowRoot as ShadowRoot, 'DISPATCH'), 'DISPATCH offered');
    const form = action(root, 'DISPATCH')?.querySelector('form') as HTMLFormElement;
    expect(form.querySelector('fieldset legend')?.textContent).toContain('主办单位');
    const kind = form.querySelector<HTMLSelectElement>(
      'select[id$="lead_kind"]',
    ) as HTMLSelectElement;
    kind.value = 'post';
    kind.dispatchEvent(new Event('change'));
    await fill(root, 'input[id$="lead_id"]', 'qj-sj-czjs');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await waitFor(() => el.record?.status === 'assigned', 'dispatched');
    expect((await client.getCase(record.id))?.status).toBe('assigned');
    expect((await client.getCase(record.id))?.context.lead).toEqual({
      kind: 'post',
      id: 'qj-sj-czjs',
    });
  });

  it('given someone else changes the case while the viewer types, when the viewer sends, then it shows "changed by X, reload", keeps the text and loses nothing', async () => {
    const { client, counting, record, el, root } = await setup();
    counting.drop(); // no live notice: the send itself must find the conflict
    const refused: ZzActionRefusedDetail[] = [];
    el.addEventListener('zz-action-refused', (e) => refused.push(e.detail));
    const reject = action(root, 'REJECT') as HTMLDetailsElement;
    reject.open = true;
    await fill(root, 'textarea[id$="reason"]', '重复上报');
    const other = await client.send(
      record.id,
      { type: 'ACCEPT', by: 'qj-sj-duty2', note: '我来处理' },
      {},
    );
    expect(other.ok).toBe(true);
    reject.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await waitFor(() => refused.length === 1, 'zz-action-refused');
    expect(refused[0]?.code).toBe('store.conflict');
    await el.updateComplete;
    const notice = root.querySelector('[part="conflict"]');
    expect(notice?.getAttribute('role')).toBe('alert');
    expect(notice?.textContent).toContain('qj-sj-duty2');
    expect(notice?.textContent).toContain('受理');
    expect(root.querySelector<HTMLTextAreaElement>('textarea[id$="reason"]')?.value).toBe(
      '重复上报',
    );
    const stored = await client.getCase(record.id);
    expect(stored?.status).toBe('dispatching');
    expect(stored?.version).toBe(record.version + 1);
    notice?.querySelector('button')?.click();
    await waitFor(() => !el.conflict && el.record?.version === record.version + 1, 'reloaded');
  });

  it('given a live change while the viewer is typing, then the notice appears instead of a silent reload', async () => {
    const { client, record, el, root } = await setup();
    (action(root, 'REJECT') as HTMLDetailsElement).open = true;
    await fill(root, 'textarea[id$="reason"]', '正在填写');
    await client.send(record.id, { type: 'ACCEPT', by: 'qj-sj-duty2' }, {});
    await waitFor(() => el.conflict?.who === 'qj-sj-duty2', 'the live conflict notice');
    expect(el.record?.version).toBe(record.version);
  });

  it('given a live change and an idle viewer, then it reloads by itself', async () => {
    const { client, record, el } = await setup();
    await client.send(record.id, { type: 'ACCEPT', by: 'qj-sj-duty2' }, {});
    await waitFor(() => el.record?.status === 'dispatching', 'the live reload');
    expect(el.conflict).toBeUndefined();
  });

  it('given XSS payloads in the title, description and notes, then they show as text and never run', async () => {
    const payload = xssPayloads[1] as string;
    const { client, record, el, root } = await setup({ title: payload });
    for (const p of xssPayloads) {
      const r = await client.send(record.id, { type: 'ACCEPT', by: DUTY, note: p }, {});
      if (r.ok) break;
    }
    await waitFor(() => el.trail.length === 2, 'the note in the trail');
    await el.updateComplete;
    expect(root.querySelector('h2')?.textContent).toBe(payload);
    expect(root.querySelector('ol')?.textContent).toContain(xssPayloads[0]);
    expect(root.querySelector('img, script, svg, iframe')).toBeNull();
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });

  it('given the case with its forms open, then axe-core finds no violations', async () => {
    const { root, el } = await setup();
    for (const d of root.querySelectorAll('details')) d.open = true;
    await expectNoAxeViolations(el);
  });
});
