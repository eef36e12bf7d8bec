import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../src/index.js';
import type { ZzCaseList, ZzCaseSelectDetail, ZzProvider } from '../src/index.js';
import {
  expectNoAxeViolations,
  mount,
  shadow,
  unmountAll,
  waitFor,
  xssPayloads,
} from './support/dom.js';
import { countingClient, DUTY, makeLocalClient, report, TOWN } from './support/localClient.js';

async function setup(options: { lang?: string; attrs?: string; count?: number } = {}) {
  const { client, clock } = makeLocalClient();
  const counting = countingClient(client);
  const lists = Array.from(
    { length: options.count ?? 1 },
    () => `<zz-case-list town="${TOWN}" ${options.attrs ?? ''}></zz-case-list>`,
  ).join('');
  const host = mount(
    `<zz-provider member="${DUTY}" lang="${options.lang ?? 'zh-CN'}">${lists}</zz-provider>`,
  );
  const provider = host.querySelector('zz-provider') as ZzProvider;
  provider.clock = clock;
  provider.client = counting.client;
  const list = host.querySelector('zz-case-list') as ZzCaseList;
  await provider.updateComplete;
  await list.updateComplete;
  return { client, clock, counting, host, provider, list };
}

const titles = (list: ZzCaseList) =>
  [...shadow(list).querySelectorAll('.case-title')].map((e) => e.textContent);

describe('zz-case-list', () => {
  afterEach(() => unmountAll());

  it('given cases in zh-CN, when it loads, then it lists them with zh-CN labels', async () => {
    const { client, list } = await setup();
    await report(client, { title: '河道有油污' });
    await list.reload();
    await list.updateComplete;
    expect(titles(list)).toEqual(['河道有油污']);
    const root = shadow(list);
    expect(root.querySelector('h2')?.textContent).toBe('事件列表');
    expect(root.querySelector('li')?.textContent).toContain('待受理');
  });

  it('given lang="en", then headings and status labels are English', async () => {
    const { client, list } = await setup({ lang: 'en' });
    await report(client, { title: 'Oil on the river' });
    await list.reload();
    await list.updateComplete;
    const root = shadow(list);
    expect(root.querySelector('h2')?.textContent).toBe('Cases');
    expect(root.querySelector('li')?.textContent).toContain('Intake');
    expect(root.querySelector('nav button')?.textContent).toBe('Previous');
  });

  it('given another client reports, then the new case appears from the live feed', async () => {
    const { client, list } = await setup();
    await waitFor(() => !list.loading, 'first load');
    await report(client, { title: '新上报：路灯不亮', category: 'roadFacilities' });
    await waitFor(() => titles(list).includes('新上报：路灯不亮'), 'the live update');
  });

  it('given three lists in one provider, then the page holds one subscription', async () => {
    const { client, counting, host } = await setup({ count: 3 });
    const lists = [...host.querySelectorAll('zz-case-list')];
    await report(client, { title: '三个列表' });
    for (const l of lists) await waitFor(() => titles(l).includes('三个列表'), 'each list');
    expect(counting.subscriptions).toBe(1);
  });

  it('given filters, then status, category and text narrow the list', async () => {
    const { client, list } = await setup();
    await report(client, { title: '河道漂浮物', category: 'riverPollution' });
    await report(client, { title: '井盖缺失', category: 'roadFacilities' });
    const accepted = await report(client, { title: '河道排污口' });
    const r = await client.send(accepted.id, { type: 'ACCEPT', by: DUTY }, {});
    expect(r.ok).toBe(true);
    list.category = 'riverPollution';
    await waitFor(() => titles(list).length === 2, 'category filter');
    expect(titles(list).sort()).toEqual(['河道排污口', '河道漂浮物']);
    list.status = 'intake';
    await waitFor(() => titles(list).length === 1, 'status filter');
    expect(titles(list)).toEqual(['河道漂浮物']);
    list.status = undefined;
    list.text = '排污';
    await waitFor(() => titles(list).length === 1 && titles(list)[0] === '河道排污口', 'text');
  });

  it('given more cases than a page, then next and previous page through them by cursor', async () => {
    const { client, list } = await setup({ attrs: 'page-size="2"' });
    for (const t of ['一', '二', '三', '四', '五']) await report(client, { title: `事件${t}` });
    await list.reload();
    await list.updateComplete;
    expect(titles(list)).toEqual(['事件一', '事件二']);
    const [prev, next] = shadow(list).querySelectorAll<HTMLButtonElement>('nav button');
    next?.click();
    await waitFor(() => titles(list)[0] === '事件三', 'page 2');
    next?.click();
    await waitFor(() => titles(list)[0] === '事件五', 'page 3');
    await list.updateComplete;
    expect(next?.disabled).toBe(true);
    prev?.click();
    await waitFor(() => titles(list)[0] === '事件三', 'back to page 2');
  });

  it('given the keyboard, when the viewer arrows to a case and presses Enter, then zz-case-select fires', async () => {
    const { client, list } = await setup();
    await report(client, { title: '第一件' });
    const second = await report(client, { title: '第二件' });
    await list.reload();
    await list.updateComplete;
    const selected: ZzCaseSelectDetail[] = [];
    list.addEventListener('zz-case-select', (e) => selected.push(e.detail));
    shadow(list).querySelector<HTMLButtonElement>('li > button')?.focus();
    await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('{Enter}');
    expect(selected.map((d) => d.caseId)).toEqual([second.id]);
  });

  it('given XSS payloads in titles and descriptions, then they show as text and never run', async () => {
    const { client, list } = await setup();
    for (const p of xssPayloads) await report(client, { title: p.slice(0, 200), description: p });
    await list.reload();
    await list.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect(titles(list).sort()).toEqual(xssPayloads.map((p) => p.slice(0, 200)).sort());
    const root = shadow(list);
    expect(root.querySelector('script, img, svg, iframe, a[href]')).toBeNull();
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });

  it('given cases and large text, then axe-core finds no violations', async () => {
    const { client, list, provider } = await setup();
    await report(client, { title: '无障碍检查' });
    provider.largeText = true;
    await list.reload();
    await list.updateComplete;
    await waitFor(() => list.hasAttribute('large-text'), 'large text inherited');
    await expectNoAxeViolations(list);
  });
});
