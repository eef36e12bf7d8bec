import { sampleOrg } from '@zhizhi/core/sample';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../src/index.js';
import {
  type DispatchTargetOption,
  dispatchTargetsOf,
  type ZzActionRefusedDetail,
  type ZzDispatchBoard,
  type ZzProvider,
} from '../src/index.js';
import {
  expectNoAxeViolations,
  mount,
  shadow,
  unmountAll,
  waitFor,
  xssPayloads,
} from './support/dom.js';
import { countingClient, DUTY, makeLocalClient, report, TOWN } from './support/localClient.js';

async function setup(options: { lang?: string; member?: string } = {}) {
  const { client, clock } = makeLocalClient();
  const counting = countingClient(client);
  const host = mount(
    `<zz-provider member="${options.member ?? DUTY}" lang="${options.lang ?? 'zh-CN'}"><zz-dispatch-board town="${TOWN}"></zz-dispatch-board></zz-provider>`,
  );
  const provider = host.querySelector('zz-provider') as ZzProvider;
  provider.clock = clock;
  provider.client = counting.client;
  const board = host.querySelector('zz-dispatch-board') as ZzDispatchBoard;
  board.targets = dispatchTargetsOf(sampleOrg, TOWN);
  await board.updateComplete;
  await waitFor(() => !board.loading, 'first load');
  return { client, clock, counting, board, root: shadow(board) };
}

const column = (root: ShadowRoot, c: string) =>
  [...root.querySelectorAll(`section[data-column="${c}"] li .title`)].map((e) => e.textContent);
const card = (root: ShadowRoot, id: string) =>
  root.querySelector<HTMLLIElement>(`li[data-id="${id}"]`) as HTMLLIElement;

describe('dispatchTargetsOf', () => {
  it('given the sample org, then a town gets its own posts and its district departments only', () => {
    const targets = dispatchTargetsOf(sampleOrg, TOWN);
    const ids = targets.map((t: DispatchTargetOption) => `${t.kind}:${t.id}`);
    expect(ids).toContain('post:qj-sj-czjs');
    expect(ids).not.toContain('post:qj-th-czjs');
    expect(ids.some((i) => i.startsWith('department:'))).toBe(true);
    expect(ids.some((i) => i === 'department:qj-cyzx')).toBe(false);
  });
});

describe('zz-dispatch-board', () => {
  afterEach(() => unmountAll());

  it('given cases in zh-CN, then the four columns show them with zh-CN headings', async () => {
    const { client, board, root } = await setup();
    await report(client, { title: '待受理事件' });
    await waitFor(() => column(root, 'intake').includes('待受理事件'), 'intake column');
    const headings = [...root.querySelectorAll('h3')].map((h) => h.textContent?.split(' ')[0]);
    expect(headings).toEqual(['待受理', '待派单', '待签收', '已超时']);
    expect(root.querySelector('h2')?.textContent).toBe('指挥中心派单看板');
    expect(board.columns.intake).toHaveLength(1);
  });

  it('given lang="en", then headings and buttons are English', async () => {
    const { client, root } = await setup({ lang: 'en' });
    await report(client, { title: 'River' });
    await waitFor(() => column(root, 'intake').length === 1, 'intake column');
    const headings = [...root.querySelectorAll('h3')].map((h) => h.textContent?.split(' ')[0]);
    expect(headings).toEqual(['Intake', 'Dispatching', 'Assigned', 'Overdue']);
    expect(root.querySelector('li button.primary')?.textContent?.trim()).toBe('Accept');
  });

  it('given the keyboard, when the officer tabs to Accept and presses Enter, then the case moves to dispatching', async () => {
    const { client, root } = await setup();
    const r = await report(client, { title: '键盘受理' });
    await waitFor(() => card(root, r.id), 'the card');
    card(root, r.id).querySelector<HTMLButtonElement>('.title')?.focus();
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => column(root, 'dispatching').includes('键盘受理'), 'dispatching column');
    expect((await client.getCase(r.id))?.status).toBe('dispatching');
  });

  it('given a target the duty lists refuse, then the reason shows and nothing moves; a permitted target dispatches in one click', async () => {
    const { client, board, root } = await setup();
    const r = await report(client, { title: '河道污染派单', category: 'riverPollution' });
    await client.send(r.id, { type: 'ACCEPT', by: DUTY }, {});
    await waitFor(() => card(root, r.id)?.querySelector('select'), 'the dispatch menu');
    const refused: ZzActionRefusedDetail[] = [];
    board.addEventListener('zz-action-refused', (e) => refused.push(e.detail));
    const select = () => card(root, r.id).querySelector('select') as HTMLSelectElement;
    select().value = 'post:qj-sj-xfgl';
    select().dispatchEvent(new Event('change'));
    card(root, r.id).querySelector<HTMLButtonElement>('button.primary')?.click();
    await waitFor(() => refused.length === 1, 'the refusal');
    await board.updateComplete;
    expect(refused[0]?.code).toBe('routing.statutory');
    const alert = card(root, r.id).querySelector('[part="refusal"]');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.textContent).toContain(refused[0]?.message.zh);
    expect((await client.getCase(r.id))?.status).toBe('dispatching');
    select().value = 'post:qj-sj-czjs';
    select().dispatchEvent(new Event('change'));
    card(root, r.id).querySelector<HTMLButtonElement>('button.primary')?.click();
    await waitFor(() => column(root, 'assigned').includes('河道污染派单'), 'assigned column');
    expect((await client.getCase(r.id))?.context.lead).toEqual({ kind: 'post', id: 'qj-sj-czjs' });
    expect(card(root, r.id).querySelector('[part="refusal"]')).toBeNull();
  });

  it('given a case past its deadline, then it shows in the overdue column', async () => {
    const { client, clock, root } = await setup();
    await report(client, { title: '超时未受理' });
    clock.advance('P2D');
    await client.tick();
    await waitFor(() => column(root, 'overdue').includes('超时未受理'), 'overdue column');
    expect(
      card(
        root,
        root.querySelector('section[data-column="overdue"] li')?.getAttribute('data-id') ?? '',
      ).textContent,
    ).toContain('已超时');
  });

  it('given a viewer without a member, then the board is view-only', async () => {
    const { client, root } = await setup({ member: '' });
    await report(client, { title: '只读' });
    await waitFor(() => column(root, 'intake').includes('只读'), 'intake column');
    expect(root.querySelector('li button.primary')).toBeNull();
  });

  it('given XSS payloads in titles, then they show as text and never run', async () => {
    const { client, root } = await setup();
    for (const p of xssPayloads) await report(client, { title: p.slice(0, 200) });
    await waitFor(() => column(root, 'intake').length === xssPayloads.length, 'all cards');
    expect(column(root, 'intake').sort()).toEqual([...xssPayloads].sort());
    expect(root.querySelector('script, img, svg, iframe, a[href]')).toBeNull();
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });

  it('given cards in every column, then axe-core finds no violations', async () => {
    const { client, clock, board, root } = await setup();
    const a = await report(client, { title: '一' });
    const b = await report(client, { title: '二' });
    await client.send(a.id, { type: 'ACCEPT', by: DUTY }, {});
    await client.send(b.id, { type: 'ACCEPT', by: DUTY }, {});
    await client.send(
      b.id,
      { type: 'DISPATCH', by: DUTY, lead: { kind: 'post', id: 'qj-sj-czjs' } },
      {},
    );
    await report(client, { title: '三' });
    clock.advance('PT3H');
    await client.tick();
    await waitFor(
      () => column(root, 'assigned').length === 1 && column(root, 'overdue').length > 0,
      'columns',
    );
    await board.updateComplete;
    await expectNoAxeViolations(board);
  });
});
