import type { Client } from '@zhizhi/core/client';
import { sampleDutyLists } from '@zhizhi/core/sample';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../src/index.js';
import '../src/elements/zz-report-form.js';
import { gcj02ToWgs84, wgs84ToGcj02 } from '../src/elements/zz-report-form/gcj02ToWgs84.js';
import { reportCategories } from '../src/elements/zz-report-form/reportCategories.js';
import type { ZzReportSentDetail } from '../src/elements/zz-report-form/reportFormEvents.js';
import type { ZzReportForm } from '../src/elements/zz-report-form.js';
import type { ZzProvider } from '../src/index.js';
import {
  expectNoAxeViolations,
  mount,
  shadow,
  unmountAll,
  waitFor,
  xssPayloads,
} from './support/dom.js';
import { makeLocalClient, TOWN, WORKER } from './support/localClient.js';
import { switchable } from './support/switchableClient.js';

const GRID = 'qj-sj-c1-g1';
let dbCount = 0;

async function setup(
  options: { lang?: string; client?: Client; outbox?: string; inner?: string } = {},
) {
  const local = makeLocalClient();
  const net = switchable(local.client);
  const outbox = options.outbox ?? `zz-test-outbox-${Date.now()}-${++dbCount}`;
  const host = mount(
    `<zz-provider member="${WORKER}" lang="${options.lang ?? 'zh-CN'}">${
      options.inner ??
      `<zz-report-form grid="${GRID}" outbox="${outbox}" categories="riverPollution,roadFacilities"></zz-report-form>`
    }</zz-provider>`,
  );
  const provider = host.querySelector('zz-provider') as ZzProvider;
  provider.clock = local.clock;
  provider.client = options.client ?? net.client;
  const form = host.querySelector('zz-report-form') as ZzReportForm;
  await provider.updateComplete;
  await form.updateComplete;
  return { ...local, net, host, provider, form, outbox };
}

function field<T extends HTMLElement = HTMLInputElement>(form: ZzReportForm, name: string): T {
  const el = shadow(form).querySelector<T>(`[name="${name}"]`);
  if (!el) throw new Error(`no field ${name}`);
  return el;
}

/** Fills fields as a user would (value, then an input event). */
function fill(form: ZzReportForm, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const el = field<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(form, name);
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
}

const submitButton = (form: ZzReportForm) =>
  shadow(form).querySelector<HTMLButtonElement>('button[type="submit"]') as HTMLButtonElement;
const statusText = (form: ZzReportForm) =>
  shadow(form).querySelector('form > .row [role="status"]')?.textContent?.trim() ?? '';

async function reportOne(form: ZzReportForm, title: string, category = 'riverPollution') {
  fill(form, { category, title, description: `${title}：现场照片见附件` });
  submitButton(form).click();
  await new Promise((r) => setTimeout(r, 0));
  await waitFor(() => !(form as unknown as { busy: boolean }).busy, 'the report handled');
}

async function titlesIn(client: Client) {
  const page = await client.listCases({ townId: TOWN, limit: 200 });
  return page.items.map((r) => r.context.title);
}

/** A PNG of `w` × `h` px drawn on a canvas. */
async function png(w: number, h: number, name = 'photo.png'): Promise<File> {
  const canvas = new OffscreenCanvas(w, h);
  const g = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  g.fillStyle = '#2a7';
  g.fillRect(0, 0, w, h);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new File([blob], name, { type: 'image/png' });
}

function choose(input: HTMLInputElement, files: File[]): void {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('zz-report-form', () => {
  afterEach(() => unmountAll());

  it('given zh-CN, then labels and severities are Chinese; given lang="en", English', async () => {
    const zh = await setup();
    const root = shadow(zh.form);
    expect(root.querySelector('h2')?.textContent).toBe('事件上报');
    expect([...field<HTMLSelectElement>(zh.form, 'severity').options].map((o) => o.text)).toEqual([
      '一般',
      '较重',
      '紧急',
    ]);
    expect(submitButton(zh.form).textContent).toBe('上报');
    expect(root.textContent).toContain('使用当前位置');
    unmountAll();
    const en = await setup({ lang: 'en' });
    const enRoot = shadow(en.form);
    expect(enRoot.querySelector('h2')?.textContent).toBe('Report a case');
    expect(submitButton(en.form).textContent).toBe('Report');
    expect([...field<HTMLSelectElement>(en.form, 'severity').options].map((o) => o.text)).toEqual([
      'Low',
      'Medium',
      'High',
    ]);
    expect(enRoot.textContent).toContain('Use my position');
  });

  it('given the town’s routing lists, then the form offers their categories, each once', async () => {
    const categories = reportCategories(sampleDutyLists);
    expect(categories.map((c) => c.id)).toEqual([
      'riverPollution',
      'waterlogging',
      'homestayNoise',
      'electricalFire',
      'roadFacilities',
    ]);
    const { form } = await setup();
    form.categories = categories;
    await form.updateComplete;
    const options = [...field<HTMLSelectElement>(form, 'category').options].map((o) => o.value);
    expect(options).toEqual(['', ...categories.map((c) => c.id)]);
  });

  it('given online, when the worker reports, then the case opens once and zz-report-sent names it', async () => {
    const { client, form } = await setup();
    const sent: ZzReportSentDetail[] = [];
    form.addEventListener('zz-report-sent', (e) => sent.push(e.detail));
    await reportOne(form, '河面有大片油污');
    await waitFor(() => sent.length === 1, 'zz-report-sent');
    const record = await client.getCase(sent[0]?.caseId ?? '');
    expect(record?.context).toMatchObject({
      title: '河面有大片油污',
      category: 'riverPollution',
      reporterId: WORKER,
      gridId: GRID,
    });
    expect(statusText(form)).toBe(`已上报，事件编号 ${sent[0]?.caseId}`);
    expect(field(form, 'title').value).toBe('');
    expect(form.entries).toEqual([]);
  });

  it('given offline, when three cases are reported, the page reloads and the connection returns, then all three arrive exactly once', async () => {
    const first = await setup();
    first.net.state.mode = 'offline';
    for (const t of ['一号：河面油污', '二号：排污口冒黑水', '三号：岸边垃圾堆积'])
      await reportOne(first.form, t);
    await waitFor(() => first.form.entries.length === 3, 'three entries');
    expect(first.form.entries.every((e) => e.state === 'pending')).toBe(true);
    expect(statusText(first.form)).toBe('网络不可用，已保存在本机，联网后自动发送（待发送 3 条）');
    expect(await titlesIn(first.client)).toEqual([]);
    const keys = first.form.entries.map((e) => e.key);
    expect(new Set(keys).size).toBe(3);

    // "reload": the element and its provider are gone; a new one opens the same IndexedDB
    unmountAll();
    const host = mount(
      `<zz-provider member="${WORKER}"><zz-report-form grid="${GRID}" outbox="${first.outbox}" categories="riverPollution"></zz-report-form></zz-provider>`,
    );
    const provider = host.querySelector('zz-provider') as ZzProvider;
    provider.client = first.net.client;
    const form = host.querySelector('zz-report-form') as ZzReportForm;
    await waitFor(() => form.entries.length === 3, 'the outbox read after the reload');
    expect(form.entries.map((e) => e.key)).toEqual(keys);

    // the first try after the reload reaches the server but its answers are lost
    first.net.state.mode = 'lossy';
    const lost = await form.flush();
    expect(lost?.kept).toBe(3);
    expect(await titlesIn(first.client)).toEqual(['一号：河面油污']);

    // back online: the browser fires `online`
    first.net.state.mode = 'online';
    const sent: string[] = [];
    form.addEventListener('zz-report-sent', (e) => sent.push(e.detail.key));
    window.dispatchEvent(new Event('online'));
    await waitFor(() => sent.length === 3, 'three sent');
    expect(sent).toEqual(keys);
    expect((await titlesIn(first.client)).sort()).toEqual(
      ['一号：河面油污', '二号：排污口冒黑水', '三号：岸边垃圾堆积'].sort(),
    );
    expect(form.entries).toEqual([]);
    // a further `online` sends nothing again
    const before = first.net.state.reports;
    window.dispatchEvent(new Event('online'));
    await form.flush();
    expect(first.net.state.reports).toBe(before);
    expect((await titlesIn(first.client)).length).toBe(3);
  });

  it('given the server refuses a report (4xx), then it is shown with the reason and never retried', async () => {
    const { form, net } = await setup();
    const refused: string[] = [];
    form.addEventListener('zz-report-refused', (e) => refused.push(e.detail.error.code));
    // `constructor` is no category the runtime accepts (a reserved name)
    form.categories = [{ id: 'constructor' }];
    await form.updateComplete;
    await reportOne(form, '类别不存在', 'constructor');
    await waitFor(() => refused.length === 1, 'zz-report-refused');
    expect(refused).toEqual(['payload.invalid']);
    await form.updateComplete;
    const line = shadow(form).querySelector('.refused')?.textContent ?? '';
    expect(line).toContain('未被受理：类别不存在');
    const tries = net.state.reports;
    window.dispatchEvent(new Event('online'));
    await form.flush();
    expect(net.state.reports).toBe(tries);
    shadow(form).querySelector<HTMLButtonElement>('.refused button')?.click();
    await waitFor(() => form.entries.length === 0, 'dismissed');
  });

  it('given a surrounding <form>, then its validity and value follow the report and requestSubmit queues it', async () => {
    const { form, client } = await setup({
      inner: `<form id="portal-form"><zz-report-form name="report" grid="${GRID}" outbox="zz-test-form-${Date.now()}" categories="riverPollution"></zz-report-form></form>`,
    });
    const outer = form.closest('form') as HTMLFormElement;
    expect(form.form).toBe(outer);
    let submits = 0;
    outer.addEventListener('submit', (e) => {
      e.preventDefault();
      submits += 1;
    });
    expect(outer.checkValidity()).toBe(false);
    expect(form.validationMessage).toBe('请选择类别');
    outer.requestSubmit();
    expect(submits).toBe(0);
    fill(form, { category: 'riverPollution' });
    expect(form.validationMessage).toBe('请填写标题');
    fill(form, { title: '门户表单上报', lat: '29.03', lng: '' });
    expect(form.validationMessage).toBe('请同时填写纬度和经度');
    fill(form, { lng: '106.65' });
    expect(outer.checkValidity()).toBe(true);
    const value = JSON.parse(String(new FormData(outer).get('report')));
    expect(value).toMatchObject({ title: '门户表单上报', location: { lat: 29.03, lng: 106.65 } });
    const sent: string[] = [];
    form.addEventListener('zz-report-sent', (e) => sent.push(e.detail.caseId));
    submitButton(form).click();
    await waitFor(() => sent.length === 1, 'sent through the page form');
    expect(submits).toBe(1);
    expect(await titlesIn(client)).toEqual(['门户表单上报']);
    outer.reset();
    expect(field(form, 'title').value).toBe('');
  });

  it('given the keyboard only, when the worker tabs through and presses Enter, then the report is sent', async () => {
    const { form, client } = await setup();
    field<HTMLSelectElement>(form, 'category').focus();
    await userEvent.keyboard('{ArrowDown}');
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.keyboard('键盘上报');
    expect(field(form, 'title').value).toBe('键盘上报');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => form.entries.length === 0 && statusText(form).startsWith('已上报'), 'sent');
    expect(await titlesIn(client)).toEqual(['键盘上报']);
  });

  it('given photos, then a large one is shrunk to a ≤ 1600 px JPEG and uploaded, and an undecodable HEIC is refused with a clear message', async () => {
    const { form, client } = await setup();
    const uploaded: Blob[] = [];
    form.uploadPhoto = async (blob) => {
      uploaded.push(blob);
      return `https://photos.example/${uploaded.length}.jpg`;
    };
    await form.updateComplete;
    choose(field(form, 'photos'), [await png(4000, 3000, 'river.png')]);
    await waitFor(() => shadow(form).querySelectorAll('.photos img').length === 1, 'preview');
    const heic = new File(
      [new Uint8Array([0, 0, 0, 24, 102, 116, 121, 112, 104, 101, 105, 99])],
      'IMG_0001.HEIC',
      {
        type: 'image/heic',
      },
    );
    choose(field(form, 'photos'), [heic]);
    await waitFor(() => shadow(form).querySelector('[role="alert"]'), 'the HEIC message');
    expect(shadow(form).querySelector('[role="alert"]')?.textContent).toContain(
      'IMG_0001.HEIC 是 HEIC 格式，本浏览器无法读取',
    );
    const sent: ZzReportSentDetail[] = [];
    form.addEventListener('zz-report-sent', (e) => sent.push(e.detail));
    await reportOne(form, '带照片的上报');
    await waitFor(() => sent.length === 1, 'sent');
    expect(uploaded).toHaveLength(1);
    expect(uploaded[0]?.type).toBe('image/jpeg');
    const bitmap = await createImageBitmap(uploaded[0] as Blob);
    expect([bitmap.width, bitmap.height]).toEqual([1600, 1200]);
    expect((await client.getCase(sent[0]?.caseId ?? ''))?.context.photos).toEqual([
      'https://photos.example/1.jpg',
    ]);
  });

  it('given the device position, then it is filled in as WGS84; given a GCJ-02 position typed in, then the case stores it as WGS84; given no position, then the manual fields take focus', async () => {
    const { form, client } = await setup({ lang: 'en' });
    form.locate = async () => ({ lat: 29.031234, lng: 106.651234, system: 'WGS84', accuracy: 8 });
    shadow(form).querySelector<HTMLButtonElement>('fieldset button')?.click();
    await waitFor(() => field(form, 'lat').value === '29.031234', 'position filled in');
    expect(shadow(form).querySelector('fieldset [role="status"]')?.textContent).toBe(
      'Located: 29.031234, 106.651234 (WGS84, about 8 m)',
    );
    const gps = { lat: 29.03, lng: 106.65 };
    const onMap = wgs84ToGcj02(gps);
    expect(Math.abs(onMap.lat - gps.lat) + Math.abs(onMap.lng - gps.lng)).toBeGreaterThan(0.003);
    fill(form, {
      lat: String(onMap.lat),
      lng: String(onMap.lng),
      system: 'GCJ-02',
      address: '三江桥下',
    });
    const sent: ZzReportSentDetail[] = [];
    form.addEventListener('zz-report-sent', (e) => sent.push(e.detail));
    await reportOne(form, 'Oil by the bridge');
    await waitFor(() => sent.length === 1, 'sent');
    const location = (await client.getCase(sent[0]?.caseId ?? ''))?.context.location;
    expect(location?.address).toBe('三江桥下');
    expect(Math.abs((location?.lat ?? 0) - gps.lat)).toBeLessThan(1e-6);
    expect(Math.abs((location?.lng ?? 0) - gps.lng)).toBeLessThan(1e-6);
    expect(gcj02ToWgs84({ lat: 48.85, lng: 2.35 })).toEqual({ lat: 48.85, lng: 2.35 });

    form.locate = async () => {
      throw new Error('User denied Geolocation');
    };
    shadow(form).querySelector<HTMLButtonElement>('fieldset button')?.click();
    await waitFor(
      () => shadow(form).querySelector('fieldset [role="status"]')?.textContent?.includes('denied'),
      'the failure',
    );
    expect(shadow(form).querySelector('fieldset [role="status"]')?.textContent).toBe(
      'Could not get the position (User denied Geolocation); enter it by hand',
    );
    expect(shadow(form).activeElement).toBe(field(form, 'lat'));
  });

  it('given XSS payloads in titles and category names, then they show as text and never run', async () => {
    const { form, net } = await setup();
    form.categories = xssPayloads.map((p, i) => ({ id: `cat${i}`, name: { zh: p, en: p } }));
    await form.updateComplete;
    net.state.mode = 'offline';
    for (const p of xssPayloads) await reportOne(form, p.slice(0, 200), 'cat0');
    await waitFor(() => form.entries.length === xssPayloads.length, 'queued');
    await form.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    const root = shadow(form);
    const options = [...field<HTMLSelectElement>(form, 'category').options].slice(1);
    expect(options.map((o) => o.text)).toEqual(xssPayloads.map((p) => p.trim()));
    expect([...root.querySelectorAll('.outbox li')].map((li) => li.textContent?.trim())).toEqual(
      xssPayloads.map((p) => `⏳ ${p.slice(0, 200)}`.trim()),
    );
    expect(root.querySelector('script, img, svg, iframe, a[href]')).toBeNull();
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });

  it('given reports waiting and large text, then axe-core finds no violations', async () => {
    const { form, net, provider } = await setup();
    form.uploadPhoto = async () => 'https://photos.example/x.jpg';
    provider.largeText = true;
    net.state.mode = 'offline';
    await reportOne(form, '无障碍检查');
    await waitFor(() => form.entries.length === 1, 'queued');
    await waitFor(() => form.hasAttribute('large-text'), 'large text');
    await form.updateComplete;
    await expectNoAxeViolations(form);
  });
});
