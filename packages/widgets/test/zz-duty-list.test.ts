import {
  assessByList,
  type CheckIn,
  sampleGridDutyList,
  sampleGridRoster,
} from '@zhizhi/core/duty';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../src/index.js';
import '../src/elements/zz-duty-list.js';
import type { LocalClient } from '@zhizhi/core/client';
import type { ZzCheckInDetail } from '../src/elements/zz-duty-list/dutyListEvents.js';
import { startOfWeek } from '../src/elements/zz-duty-list/startOfWeek.js';
import type { ZzDutyList } from '../src/elements/zz-duty-list.js';
import type { ZzProvider } from '../src/index.js';
import {
  expectNoAxeViolations,
  mount,
  shadow,
  unmountAll,
  waitFor,
  xssPayloads,
} from './support/dom.js';
import { DUTY, makeLocalClient, WORKER } from './support/localClient.js';

const DAY = 86_400_000;

async function setup(
  options: {
    lang?: string;
    roster?: boolean;
    member?: string;
    before?: (client: LocalClient) => Promise<void>;
  } = {},
) {
  const { client, clock } = makeLocalClient();
  await options.before?.(client);
  const host = mount(
    `<zz-provider member="${options.member ?? WORKER}" lang="${options.lang ?? 'zh-CN'}"><zz-duty-list></zz-duty-list></zz-provider>`,
  );
  const provider = host.querySelector('zz-provider') as ZzProvider;
  provider.clock = clock;
  provider.client = client;
  const list = host.querySelector('zz-duty-list') as ZzDutyList;
  list.list = sampleGridDutyList;
  if (options.roster !== false) {
    list.households = [...sampleGridRoster.households];
    list.places = [...sampleGridRoster.places];
  }
  await provider.updateComplete;
  await list.updateComplete;
  const checkIns: CheckIn[] = [];
  const details: ZzCheckInDetail[] = [];
  list.addEventListener('zz-check-in', (e: CustomEvent<ZzCheckInDetail>) => {
    checkIns.push(e.detail.checkIn);
    details.push(e.detail);
  });
  return { client, clock, host, provider, list, checkIns, details };
}

const duty = (list: ZzDutyList, id: string) =>
  shadow(list).querySelector(`li[data-duty="${id}"]`) as HTMLLIElement;
const button = (list: ZzDutyList, id: string) =>
  shadow(list).querySelector(`button[data-duty="${id}"]`) as HTMLButtonElement;

describe('zz-duty-list', () => {
  afterEach(() => unmountAll());

  it('given the town’s 6+1 list in zh-CN, then the seven duties show with their frequencies and the +1 marked', async () => {
    const { list } = await setup();
    const root = shadow(list);
    expect(root.querySelector('h2')?.textContent).toBe('三江街道网格员“6+1”重点任务清单');
    expect([...root.querySelectorAll('.duty-name')].map((e) => e.textContent)).toEqual(
      sampleGridDutyList.duties.map((d) => d.name.zh),
    );
    expect(duty(list, 'dailyPatrol').textContent).toContain('每天');
    expect(duty(list, 'keyPlaces').textContent).toContain('每 7 天（每个重点场所）');
    expect(duty(list, 'riversidePatrol').textContent).toContain('每 7 天 2 次');
    expect(duty(list, 'riversidePatrol').querySelector('.local')?.textContent).toBe('+1 本地任务');
    expect(duty(list, 'emergencyAssist').textContent).toContain('按需（只记录，不计分）');
    expect(button(list, 'dailyPatrol').textContent).toBe('打卡');
  });

  it('given lang="en", then the list speaks English', async () => {
    const { list } = await setup({ lang: 'en' });
    expect(shadow(list).querySelector('h2')?.textContent).toBe(
      'Sanjiang Street grid workers’ “6+1” key-task list',
    );
    expect(duty(list, 'dailyPatrol').textContent).toContain('Daily patrol and visits');
    expect(duty(list, 'riversidePatrol').textContent).toContain('2 times Every 7 days');
    expect(button(list, 'serveResidents').textContent).toBe('Check in');
  });

  it('given the keyboard only, when the worker opens a check-in, picks, notes and confirms, then the provider’s client stores it, zz-check-in carries it and the progress counts it', async () => {
    const { list, clock, checkIns, details, client } = await setup();
    button(list, 'serveResidents').focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => shadow(list).querySelector('form[data-duty="serveResidents"]'), 'the form');
    expect(button(list, 'serveResidents').getAttribute('aria-expanded')).toBe('true');
    expect(shadow(list).activeElement?.getAttribute('name')).toBe('kind');
    await userEvent.keyboard('{ArrowDown}'); // 电话问候 (call)
    await userEvent.tab();
    await userEvent.keyboard('{ArrowDown}'); // the second household
    await userEvent.tab();
    await userEvent.keyboard('独居老人身体无恙');
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => checkIns.length === 1, 'zz-check-in');
    expect(checkIns[0]).toEqual({
      workerId: WORKER,
      dutyId: 'serveResidents',
      kind: 'call',
      at: clock.now(),
      household: sampleGridRoster.households[1],
      note: '独居老人身体无恙',
    });
    // stored through the provider's client, with the worker's grid and town
    const stored = (await client.listCheckIns({ workerId: WORKER })).items;
    expect(stored.length).toBe(1);
    expect(stored[0]).toMatchObject({ ...checkIns[0], gridId: 'qj-sj-c1-g1', townId: 'qj-sj' });
    expect(details[0]?.record?.id).toBe(stored[0]?.id);
    expect(list.checkIns).toEqual(stored);
    await list.updateComplete;
    expect(shadow(list).querySelector('[role="status"]')?.textContent).toBe('已打卡：主动服务群众');
    expect(duty(list, 'serveResidents').textContent).toContain('当前周期已打卡 1 次');
    expect(shadow(list).activeElement).toBe(button(list, 'serveResidents'));
  });

  it('given check-ins the client already stored, when the list appears, then it reads the worker’s own of this span and counts them', async () => {
    const { list } = await setup({
      before: async (client) => {
        const now = client.clock.now();
        for (const input of [
          { dutyId: 'dailyPatrol', kind: 'patrol', at: now - 60_000 },
          { dutyId: 'dailyPatrol', kind: 'patrol', at: startOfWeek(now) - DAY },
        ])
          expect((await client.checkIn(WORKER, input)).ok).toBe(true);
        expect(
          (await client.checkIn('qj-sj-c1-g1-rider', { dutyId: 'dailyPatrol', kind: 'patrol' })).ok,
        ).toBe(true);
      },
    });
    await waitFor(() => list.checkIns.length === 1, 'the check-ins read from the client');
    expect(list.checkIns[0]?.workerId).toBe(WORKER);
    await list.updateComplete;
    expect(duty(list, 'dailyPatrol').textContent).toContain('当前周期已打卡 1 次');
  });

  it('given a member the client refuses (not on a grid crew), when they check in, then the status says why in words and nothing is added', async () => {
    const { list, client, details } = await setup({ member: DUTY });
    button(list, 'dailyPatrol').click();
    await waitFor(() => shadow(list).querySelector('form[data-duty="dailyPatrol"]'), 'the form');
    (
      shadow(list).querySelector(
        'form[data-duty="dailyPatrol"] button[type="submit"]',
      ) as HTMLButtonElement
    ).click();
    await waitFor(
      () => shadow(list).querySelector('[role="status"]')?.textContent?.includes('打卡未成功'),
      'the refusal',
    );
    expect(shadow(list).querySelector('[role="status"]')?.textContent).toContain(
      '不是网格员，不能打卡',
    );
    expect(details).toEqual([]);
    expect(list.checkIns).toEqual([]);
    expect((await client.listCheckIns({})).items).toEqual([]);
  });

  it('given the page sets checkIns (the override), then those show and the client’s are not read', async () => {
    const { list } = await setup({
      before: async (client) => {
        expect((await client.checkIn(WORKER, { dutyId: 'dailyPatrol', kind: 'patrol' })).ok).toBe(
          true,
        );
      },
    });
    list.checkIns = [];
    await new Promise((r) => setTimeout(r, 100));
    await list.updateComplete;
    expect(list.checkIns).toEqual([]);
    expect(duty(list, 'dailyPatrol').textContent).toContain('当前周期已打卡 0 次');
  });

  it('given check-ins over past days, then each duty’s score and missed periods are assessByList’s', async () => {
    const { list, clock } = await setup();
    const from = clock.now() - 3 * DAY;
    const checkIns: CheckIn[] = [
      { workerId: WORKER, dutyId: 'dailyPatrol', kind: 'patrol', at: from + 1000 },
      { workerId: WORKER, dutyId: 'dailyPatrol', kind: 'visit', at: from + DAY + 1000 },
      { workerId: 'someone-else', dutyId: 'dailyPatrol', kind: 'patrol', at: from + 2 * DAY },
    ];
    list.from = from;
    list.checkIns = checkIns;
    await list.updateComplete;
    const expected = assessByList(sampleGridDutyList, checkIns, {
      workerId: WORKER,
      from,
      to: clock.now() + 1,
      households: [...sampleGridRoster.households],
      places: [...sampleGridRoster.places],
    });
    const patrol = expected.duties.find((d) => d.dutyId === 'dailyPatrol');
    expect(patrol?.missedPeriods).toBe(1);
    expect(duty(list, 'dailyPatrol').textContent).toContain(
      `已考核 3 个周期，完成 2/3 · 得分 ${patrol?.score} · 缺 1 个周期`,
    );
    expect(shadow(list).textContent).toContain(`本期得分 ${expected.score}`);
  });

  it('given no household roster, then per-household duties cannot be checked in and say why', async () => {
    const { list } = await setup({ roster: false });
    expect(button(list, 'serveResidents').disabled).toBe(true);
    expect(duty(list, 'serveResidents').textContent).toContain(
      '没有服务对象（户）名单，无法为此项打卡',
    );
    expect(button(list, 'dailyPatrol').disabled).toBe(false);
  });

  it('given no list, then it says so instead of assessing anything', async () => {
    const { list } = await setup();
    list.list = undefined;
    await list.updateComplete;
    expect(shadow(list).querySelector('[role="status"]')?.textContent).toBe(
      '未设置任务清单（list 属性）',
    );
    expect(list.assessment).toBeUndefined();
  });

  it('given the week starts on Monday in China, then startOfWeek finds Monday 00:00 UTC+8', () => {
    // Wednesday 2026-01-07 11:00 in Chongqing
    expect(new Date(startOfWeek(Date.UTC(2026, 0, 7, 3))).toISOString()).toBe(
      '2026-01-04T16:00:00.000Z',
    );
    // Monday 00:30 in Chongqing is still that Monday; Sunday 23:30 the week before
    expect(startOfWeek(Date.UTC(2026, 0, 4, 16, 30))).toBe(Date.UTC(2026, 0, 4, 16));
    expect(startOfWeek(Date.UTC(2026, 0, 4, 15, 30))).toBe(Date.UTC(2025, 11, 28, 16));
  });

  it('given XSS payloads in duty names, rosters and notes, then they show as text and never run', async () => {
    const { list, clock } = await setup();
    list.list = {
      id: 'xss',
      name: { zh: xssPayloads[0] as string, en: 'x' },
      duties: xssPayloads.map((p, i) => ({
        id: `d${i}`,
        name: { zh: p, en: p },
        description: { zh: p, en: p },
        frequency: 'P1D',
        done: { kinds: ['patrol'], per: 'household' as const },
      })),
    };
    list.households = [...xssPayloads];
    list.checkIns = xssPayloads.map((p) => ({
      workerId: WORKER,
      dutyId: 'd0',
      kind: 'patrol',
      at: clock.now(),
      household: p,
      note: p,
    }));
    await list.updateComplete;
    button(list, 'd1').click();
    await list.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    const root = shadow(list);
    expect([...root.querySelectorAll('.duty-name')].map((e) => e.textContent)).toEqual(xssPayloads);
    expect(
      [...root.querySelectorAll('select[name="whom"] option')].map((o) => o.textContent),
    ).toEqual(xssPayloads);
    expect(root.querySelector('script, img, svg, iframe, a[href]')).toBeNull();
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });

  it('given an open check-in form and large text, then axe-core finds no violations', async () => {
    const { list, provider } = await setup();
    provider.largeText = true;
    button(list, 'keyPlaces').click();
    await waitFor(() => shadow(list).querySelector('form'), 'the form');
    await waitFor(() => list.hasAttribute('large-text'), 'large text');
    await expectNoAxeViolations(list);
  });
});
