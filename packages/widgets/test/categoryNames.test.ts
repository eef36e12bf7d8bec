// The provider's `categories` name every category on the page: the list, the case, the board,
// the report form's choices — in the reader's language, as text (a hostile name never runs).
import { afterEach, describe, expect, it } from 'vitest';
import '../src/index.js';
import type {
  ZzCase,
  ZzCaseList,
  ZzDispatchBoard,
  ZzProvider,
  ZzReportForm,
} from '../src/index.js';
import { mount, shadow, unmountAll, waitFor, xssPayloads } from './support/dom.js';
import { DUTY, makeLocalClient, report, TOWN } from './support/localClient.js';

const NAMED = [
  { id: 'riverPollution', name: { zh: '河道污染', en: 'River pollution' } },
  { id: 'roadFacilities', name: { zh: '道路设施', en: 'Road facilities' } },
];

async function setup(lang: 'zh-CN' | 'en', categories = NAMED) {
  const { client, clock } = makeLocalClient();
  const record = await report(client, { title: '河道有油污' });
  const host = mount(
    `<zz-provider member="${DUTY}" lang="${lang}">
       <zz-case-list town="${TOWN}"></zz-case-list>
       <zz-case case-id="${record.id}"></zz-case>
       <zz-dispatch-board town="${TOWN}"></zz-dispatch-board>
       <zz-report-form grid="qj-sj-c1-g1"></zz-report-form>
     </zz-provider>`,
  );
  const provider = host.querySelector('zz-provider') as ZzProvider;
  provider.clock = clock;
  provider.client = client;
  provider.categories = categories;
  await provider.updateComplete;
  const el = <T extends Element>(tag: string) => host.querySelector(tag) as unknown as T;
  return {
    provider,
    list: el<ZzCaseList>('zz-case-list'),
    one: el<ZzCase>('zz-case'),
    board: el<ZzDispatchBoard>('zz-dispatch-board'),
    form: el<ZzReportForm>('zz-report-form'),
  };
}

const text = (e: Element) => shadow(e).textContent ?? '';

describe('category names from the provider', () => {
  afterEach(() => unmountAll());

  it('given named categories, then the list, the case and the board show the zh-CN name, not the id', async () => {
    const { list, one, board } = await setup('zh-CN');
    for (const e of [list, one, board]) {
      await waitFor(() => text(e).includes('河道污染'), `the name in ${e.localName}`);
      expect(text(e)).not.toContain('riverPollution');
    }
  });

  it('given lang="en", then the English name', async () => {
    const { list, one, board } = await setup('en');
    for (const e of [list, one, board]) {
      await waitFor(() => text(e).includes('River pollution'), `the name in ${e.localName}`);
    }
  });

  it('given a report form with no categories of its own, then it offers the provider’s, named', async () => {
    const { form } = await setup('zh-CN');
    await waitFor(
      () => shadow(form).querySelectorAll('select[name="category"] option[value]').length >= 2,
      'the choices',
    );
    const options = [...shadow(form).querySelectorAll('select[name="category"] option')]
      .map((o) => [(o as HTMLOptionElement).value, o.textContent?.trim()])
      .filter(([v]) => v);
    expect(options).toEqual([
      ['riverPollution', '河道污染'],
      ['roadFacilities', '道路设施'],
    ]);
  });

  it('given a category without a name, then its id; given hostile names, then they are shown as text', async () => {
    const payload = xssPayloads[0] as string;
    const { provider, list } = await setup('zh-CN', [
      { id: 'riverPollution', name: { zh: payload, en: payload } },
    ]);
    await waitFor(() => text(list).includes(payload), 'the hostile name as text');
    expect(shadow(list).querySelector('script, iframe')).toBeNull();
    expect((window as { __xss?: unknown }).__xss).toBeUndefined();
    provider.categories = [
      { id: 'roadFacilities', name: { zh: '道路设施', en: 'Road facilities' } },
    ];
    await waitFor(() => text(list).includes('riverPollution'), 'the id of an unnamed category');
  });
});
