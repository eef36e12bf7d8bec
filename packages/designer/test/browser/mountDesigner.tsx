import '@xyflow/react/dist/style.css';
import '../../src/canvas/designer.css';
import type { Lang, Org } from '@zhizhi/core';
import { builtInScenarios } from '@zhizhi/core/sample';
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { onTestFinished } from 'vitest';
import { page } from 'vitest/browser';
import type { Draft, ScenarioDraft } from '../../src/model/index.js';
import { ScenarioDesigner, type ScenarioDesignerProps } from '../../src/ScenarioDesigner.js';

/** What a mounted designer lets a test read: the latest document and draft, and exports. */
export interface Mounted {
  host: HTMLElement;
  latest(): ScenarioDraft;
  draft(): Draft | undefined;
  exports: { kind: string; json: string; fileName: string }[];
  setLang(lang: Lang): void;
  unmount(): void;
}

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Seen {
  latest: ScenarioDraft;
  draft: Draft | undefined;
  exports: { kind: string; json: string; fileName: string }[];
  setLang(lang: Lang): void;
}

/** The app around the designer: holds the document, as a user of the component would. */
function Host(props: {
  doc: ScenarioDraft;
  org: Org | undefined;
  lang: Lang;
  seen: Seen;
  extra: Partial<ScenarioDesignerProps>;
}) {
  const { seen } = props;
  const [value, setValue] = useState(props.doc);
  const [lang, setLang] = useState<Lang>(props.lang);
  seen.setLang = setLang;
  return (
    <ScenarioDesigner
      {...props.extra}
      value={value}
      onChange={(next, d) => {
        seen.latest = next;
        seen.draft = d;
        setValue(next);
      }}
      {...(props.org ? { org: props.org } : {})}
      lang={lang}
      onLangChange={setLang}
      onExport={(kind, json, fileName) => seen.exports.push({ kind, json, fileName })}
    />
  );
}

/** A fresh copy of a built-in scenario, as a draft the designer may change. */
export const builtInDraft = (id: string): ScenarioDraft =>
  structuredClone(builtInScenarios.find((s) => s.id === id)) as unknown as ScenarioDraft;

/**
 * Mounts a controlled `<ScenarioDesigner>` filling a 1200×760 box; it is unmounted when the
 * test finishes (or earlier by `unmount()`).
 */
export async function mountDesigner(
  doc: ScenarioDraft,
  org?: Org,
  lang: Lang = 'zh-CN',
  extra: Partial<ScenarioDesignerProps> = {},
): Promise<Mounted> {
  await page.viewport(1280, 800);
  const host = document.createElement('div');
  host.style.width = '1200px';
  host.style.height = '760px';
  document.body.append(host);
  const seen: Seen = { latest: doc, draft: undefined, exports: [], setLang: () => {} };
  const root: Root = createRoot(host);
  await act(async () =>
    root.render(<Host doc={doc} org={org} lang={lang} seen={seen} extra={extra} />),
  );
  let mounted = true;
  const unmount = () => {
    if (!mounted) return;
    mounted = false;
    act(() => root.unmount());
    host.remove();
  };
  onTestFinished(unmount);
  return {
    host,
    latest: () => seen.latest,
    draft: () => seen.draft,
    exports: seen.exports,
    setLang: (l) => act(() => seen.setLang(l)),
    unmount,
  };
}

/** Waits until `fn` stops throwing (React Flow draws after a frame or two). */
export async function until<T>(fn: () => T, ms = 5000): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    try {
      return fn();
    } catch (e) {
      if (performance.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

/**
 * Finders over whatever designer `current()` returns (the test's mounted one): an element by
 * selector, and a step's connection handle — each waited for with {@link until}.
 */
export function finders(current: () => Mounted | undefined) {
  const el = <T extends Element = HTMLElement>(selector: string) =>
    until(() => {
      const e = current()?.host.querySelector(selector);
      if (!e) throw new Error(`no ${selector}`);
      return e as unknown as T;
    });
  const handle = (node: string, id: string) =>
    el(`.react-flow__node[data-id="${node}"] .react-flow__handle[data-handleid="${id}"]`);
  return { el, handle };
}
