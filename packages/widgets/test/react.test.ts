// Runs in the `react18` vitest project: `react` and `react-dom` resolve to React 18.3 (the
// `react18` / `react-dom18` aliases), the version the wrappers exist for.
import { createElement, version } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { ZzCaseSelectDetail } from '../src/index.js';
import { ZzCase, ZzCaseList, ZzProvider } from '../src/react.js';
import { shadow, unmountAll, waitFor } from './support/dom.js';
import { DUTY, makeLocalClient, report, TOWN } from './support/localClient.js';

let root: Root | undefined;

function render(node: ReturnType<typeof createElement>): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  root.render(node);
  return host;
}

describe('@zhizhi/widgets/react', () => {
  afterEach(() => {
    root?.unmount();
    root = undefined;
    unmountAll();
  });

  it('given React 18, then the test really runs against React 18', () => {
    expect(version).toMatch(/^18\./);
  });

  it('given a client object and a caseId prop, when React 18 renders the wrappers, then they reach the elements as properties, not attributes', async () => {
    const { client, clock } = makeLocalClient();
    const record = await report(client, { title: '经由 React 18 传入' });
    const host = render(
      createElement(
        ZzProvider,
        { client, clock, member: DUTY, lang: 'en' },
        createElement(ZzCase, { caseId: record.id }),
      ),
    );
    const provider = (await waitFor(
      () => host.querySelector('zz-provider'),
      'zz-provider',
    )) as HTMLElement;
    expect((provider as unknown as { client: unknown }).client).toBe(client);
    expect(provider.hasAttribute('client')).toBe(false);
    const el = host.querySelector('zz-case') as HTMLElement;
    await waitFor(
      () => shadow(el).querySelector('h2')?.textContent === '经由 React 18 传入',
      'the case read through the client property',
    );
    expect(shadow(el).textContent).toContain('Timeline');
  });

  it('given onZzCaseSelect, when the viewer clicks a case, then the React handler gets zz-case-select with its detail', async () => {
    const { client, clock } = makeLocalClient();
    const record = await report(client, { title: '点选事件' });
    const selected: ZzCaseSelectDetail[] = [];
    const host = render(
      createElement(
        ZzProvider,
        { client, clock, member: DUTY },
        createElement(ZzCaseList, {
          town: TOWN,
          onZzCaseSelect: (e: CustomEvent<ZzCaseSelectDetail>) => selected.push(e.detail),
        }),
      ),
    );
    const list = await waitFor(() => host.querySelector('zz-case-list'), 'zz-case-list');
    const button = (await waitFor(
      () => shadow(list).querySelector<HTMLButtonElement>(`button[data-id="${record.id}"]`),
      'the case in the list',
    )) as HTMLButtonElement;
    button.click();
    expect(selected.map((d) => d.caseId)).toEqual([record.id]);
    expect(selected[0]?.record.context.title).toBe('点选事件');
  });
});
