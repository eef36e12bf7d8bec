// The console in real Chromium: a member reports, the duty officer accepts and dispatches,
// the post acknowledges and resolves, the grid worker confirms — all by clicks — and the page
// shows what the store holds; changes made outside the page's buttons arrive live.
import { type CaseRecord, SimulatedClock } from '@zhizhi/core';
import { label } from '@zhizhi/core/labels';
import { MemoryStore } from '@zhizhi/core/runtime';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { page } from 'vitest/browser';
import { App } from '../src/App.js';
import { createConsoleClient } from '../src/createConsoleClient.js';

let host: HTMLElement;
let root: Root;
let setup: ReturnType<typeof createConsoleClient>;
let consoleErrors: MockInstance<typeof console.error>;
let store: MemoryStore;
const clock = () => new SimulatedClock('2026-03-02T09:00:00+08:00');

beforeEach(() => {
  consoleErrors = vi.spyOn(console, 'error');
  store = new MemoryStore();
  setup = createConsoleClient({ clock: clock(), store });
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  root.render(
    <App
      client={setup.client}
      org={setup.org}
      directory={setup.directory}
      dutyLists={setup.dutyLists}
    />,
  );
});

afterEach(async () => {
  root.unmount();
  host.remove();
  await setup.client.close();
  // React reports its warnings (keys, updates after unmount…) as console errors: none allowed
  expect(consoleErrors.mock.calls).toEqual([]);
  consoleErrors.mockRestore();
});

const field = (name: 'status' | 'lead' | 'outcome') =>
  host.querySelector(`[data-field="${name}"]`)?.textContent;
const machineStatus = () => host.querySelector('output[name="machine-status"]')?.textContent;
const actAs = (memberId: string) =>
  page.getByLabelText(/^(当前成员|Acting member)$/).selectOptions(memberId);
const button = (name: string) => page.getByRole('button', { name, exact: true });
const onlyCase = async (): Promise<CaseRecord> => {
  const { items } = await setup.client.listCases({ townId: 'qj-sj' });
  expect(items).toHaveLength(1);
  return items[0] as CaseRecord;
};

describe('the command-center console', () => {
  it('plays report → accept → dispatch → acknowledge → resolve → confirm by clicks, in zh-CN then English', async () => {
    await expect.element(page.getByRole('heading', { level: 1 })).toHaveTextContent('三江街道');

    await actAs('qj-sj-c1-g1-worker');
    await page.getByLabelText('标题').fill('檬梓桥河雨污混流、管网破损');
    await button('上报').click();
    await expect
      .element(page.getByRole('button', { name: '檬梓桥河雨污混流、管网破损' }))
      .toBeVisible();
    await expect.poll(() => field('status')).toBe('待受理');
    expect(machineStatus()).toBe('待受理');
    // a grid worker has nothing to do at intake
    await expect.element(page.getByText('当前成员在此状态下没有可执行的操作')).toBeVisible();

    await actAs('qj-sj-duty');
    await button('受理').click();
    await expect.poll(() => field('status')).toBe('待派单');
    expect(machineStatus()).toBe('待派单');
    // the role may stand an emergency down, but none is declared: the machine refuses, no button
    await expect.element(button(label('event', 'DECLARE_EMERGENCY', 'zh-CN'))).toBeVisible();
    await expect.element(button(label('event', 'STAND_DOWN', 'zh-CN'))).not.toBeInTheDocument();

    // the machine's guard (core's duty lists): river pollution is statutory for economic development
    await expect.element(button('派单')).toBeDisabled();
    await page.getByLabelText('牵头单位').selectOptions('消防管理岗');
    await expect.element(button('派单')).toBeDisabled();
    await expect
      .element(page.getByRole('form', { name: '派单' }).getByRole('status'))
      .toHaveTextContent('法定职责清单');
    await page.getByLabelText('牵头单位').selectOptions('村镇建设岗');
    await expect.element(button('派单')).toBeEnabled();
    await button('派单').click();
    await expect.poll(() => field('status')).toBe('待签收');
    expect(field('lead')).toBe('村镇建设岗');

    // only the lead post's staff may acknowledge
    await expect.element(button('签收')).not.toBeInTheDocument();
    await actAs('qj-sj-czjs-staff');
    await button('签收').click();
    await expect.poll(() => field('status')).toBe('处置中');

    await expect.element(button('办结')).toBeDisabled();
    await page.getByLabelText('处置结果').fill('管网修复完成，雨污分流');
    await button('办结').click();
    await expect.poll(() => field('status')).toBe('待核查');

    await actAs('qj-sj-c1-g1-worker');
    await button('核查通过').click();
    await expect.poll(() => field('status')).toBe('已闭环');
    expect(machineStatus()).toBe('已闭环');
    expect(field('outcome')).toBe('已解决');

    const timeline = page
      .getByRole('region', { name: /^(处置记录|Timeline)$/ })
      .getByRole('listitem');
    await expect.poll(() => timeline.elements().length).toBe(6);
    await expect.element(timeline.nth(2)).toHaveTextContent('派单 → 村镇建设岗');

    const stored = await onlyCase();
    expect(stored.status).toBe('closed');
    expect(stored.context.outcome).toBe('resolved');
    expect((await setup.client.audit(stored.id)).map((e) => e.event)).toEqual([
      'REPORT',
      'ACCEPT',
      'DISPATCH',
      'ACKNOWLEDGE',
      'RESOLVE',
      'CONFIRM',
    ]);
    expect(await setup.client.engine.verify(stored.id)).toEqual({ ok: true, length: 6 });

    await button('English').click();
    await expect
      .element(page.getByRole('heading', { level: 1 }))
      .toHaveTextContent('Sanjiang Street command center');
    await expect.poll(() => field('status')).toBe('Closed');
    expect(field('outcome')).toBe('Resolved');
    await expect.element(timeline.nth(5)).toHaveTextContent('Confirm');
    await button('中文').click();
    await expect.poll(() => field('status')).toBe('已闭环');
  });

  it('shows changes made outside its buttons live, and moves the machine with them', async () => {
    const opened = await setup.client.report({
      gridId: 'qj-sj-c1-g2',
      reporterId: 'qj-sj-c1-g2-worker',
      category: 'waterlogging',
      severity: 'medium',
      title: '小区门口道路积水',
    });
    expect(opened.ok).toBe(true);
    const title = page.getByRole('button', { name: '小区门口道路积水' });
    await expect.element(title).toBeVisible();
    await title.click();
    await expect.poll(() => field('status')).toBe('待受理');
    await expect.element(button('受理')).toBeVisible();

    // the town's second duty officer accepts at another desk
    const id = opened.ok ? opened.record.id : '';
    const accepted = await setup.client.send(id, { type: 'ACCEPT', by: 'qj-sj-duty2' });
    expect(accepted.ok).toBe(true);
    await expect.poll(() => field('status')).toBe('待派单');
    await expect.poll(() => machineStatus()).toBe('待派单');
    await expect.element(button('受理')).not.toBeInTheDocument();
    await expect.element(button('派单')).toBeInTheDocument();
    await expect.element(page.getByRole('cell', { name: '待派单' })).toBeVisible();
  });

  it('never loses an update: a stale click is refused as a conflict and the page reloads the case', async () => {
    const opened = await setup.client.report({
      gridId: 'qj-sj-c1-g1',
      reporterId: 'qj-sj-c1-g1-worker',
      category: 'riverPollution',
      severity: 'medium',
      title: '檬梓桥河雨污混流',
    });
    const id = opened.ok ? opened.record.id : '';
    await setup.client.send(id, { type: 'ACCEPT', by: 'qj-sj-duty' });
    await page.getByRole('button', { name: '檬梓桥河雨污混流' }).click();
    await expect.poll(() => field('status')).toBe('待派单');

    // another process on the same store dispatches; this page's runtime has not heard of it
    const elsewhere = createConsoleClient({ clock: clock(), store }).client;
    const other = await elsewhere.send(id, {
      type: 'DISPATCH',
      by: 'qj-sj-duty2',
      lead: { kind: 'post', id: 'qj-sj-czjs' },
    });
    expect(other.ok).toBe(true);
    expect(field('status')).toBe('待派单');

    await page.getByLabelText('牵头单位').selectOptions('村镇建设岗');
    await button('派单').click();
    await expect.element(page.getByRole('alert')).toHaveTextContent('版本冲突');
    await expect.poll(() => machineStatus()).toBe('待签收');
    expect(field('status')).toBe('待签收');
    expect(field('lead')).toBe('村镇建设岗');
    await expect.element(button('派单')).not.toBeInTheDocument();
    const trail = await setup.client.audit(id);
    expect(trail.map((e) => [e.event, e.actorId])).toEqual([
      ['REPORT', 'qj-sj-c1-g1-worker'],
      ['ACCEPT', 'qj-sj-duty'],
      ['DISPATCH', 'qj-sj-duty2'],
    ]);
    await elsewhere.close();
  });

  it('refuses a report from outside the member’s unit with core’s message and stores nothing', async () => {
    await actAs('qj-sj-c1-g1-resident');
    await page.getByLabelText('网格', { exact: true }).selectOptions('qj-sj-c1-g2');
    await page.getByLabelText('标题').fill('占道经营');
    await button('上报').click();
    await expect.element(page.getByRole('alert')).toHaveTextContent('未执行');
    expect((await setup.client.listCases()).items).toEqual([]);
    await expect.element(page.getByText('暂无事件')).toBeVisible();
  });
});
