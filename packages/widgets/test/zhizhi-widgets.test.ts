import { afterEach, describe, expect, inject, it } from 'vitest';
import type { ZzProvider } from '../src/index.js';
import { shadow, waitFor } from './support/dom.js';
import { makeLocalClient, report } from './support/localClient.js';

const iife = inject('widgetsIife');

/** An old-style page of its own that loads the classic script bundle `copies` times. */
async function page(copies: number, body: string) {
  const url = URL.createObjectURL(new Blob([iife], { type: 'text/javascript' }));
  const frame = document.createElement('iframe');
  frame.title = 'portal';
  // the page records its own errors from the start (a second define would be one)
  const record =
    '<script>window.errors=[];addEventListener("error",(e)=>errors.push(e.message))</script>';
  const scripts = `<script src="${url}"></script>`.repeat(copies);
  frame.srcdoc = `<!doctype html><html lang="zh-CN"><head>${record}${scripts}</head><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window &
    typeof globalThis & { ZhizhiWidgets?: object; errors: string[] };
  return { win, errors: win.errors };
}

describe('zhizhi-widgets.js (one classic script)', () => {
  afterEach(() => document.body.replaceChildren());

  it('given the script twice on one page, then nothing throws and the elements work', async () => {
    const { client } = makeLocalClient();
    await report(client, { title: '两份脚本' });
    const { win, errors } = await page(
      2,
      '<zz-provider lang="en"><zz-case-list town="qj-sj"></zz-case-list></zz-provider>',
    );
    expect(win.ZhizhiWidgets).toBeDefined();
    expect(win.customElements.get('zz-provider')).toBeDefined();
    expect(win.customElements.get('zz-case')).toBeDefined();
    expect(win.customElements.get('zz-dispatch-board')).toBeDefined();
    const provider = win.document.querySelector('zz-provider') as ZzProvider;
    provider.client = client;
    const list = win.document.querySelector('zz-case-list') as Element;
    await waitFor(() => shadow(list).textContent?.includes('两份脚本'), 'the list in that page');
    expect(shadow(list).querySelector('h2')?.textContent).toBe('Cases');
    expect(errors).toEqual([]);
  });

  it('given the script in the head, then elements parsed after it find their provider', async () => {
    const { client } = makeLocalClient();
    await report(client, { title: '先脚本后元素' });
    const { win } = await page(
      1,
      '<zz-provider><div><zz-case-list></zz-case-list></div></zz-provider>',
    );
    const provider = win.document.querySelector('zz-provider') as ZzProvider;
    provider.client = client;
    const list = win.document.querySelector('zz-case-list') as Element;
    await waitFor(() => shadow(list).textContent?.includes('先脚本后元素'), 'the list');
    expect(shadow(list).querySelector('h2')?.textContent).toBe('事件列表');
  });
});
