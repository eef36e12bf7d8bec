import { type Lang, type Org, pickText } from '@zhizhi/core';
import type { Diagnostic } from '@zhizhi/core/scenario';
import { type ChangeEvent, useCallback, useState } from 'react';
import type { DesignerServer } from '../deploy/DesignerServer.js';
import {
  createDraft,
  type Draft,
  importScenario,
  type ScenarioDraft,
  scenarioTemplates,
} from '../model/index.js';
import { ScenarioDesigner } from '../ScenarioDesigner.js';
import { appText } from './appText.js';
import { blankScenario } from './blankScenario.js';
import { listStoredDrafts, openStoredDraft, storeDraft } from './draftStore.js';
import { useSameOriginServer } from './useSameOriginServer.js';

/** Props of {@link DesignerApp}. */
export interface DesignerAppProps {
  /** The org whose posts, departments and grids the pickers offer. */
  org?: Org;
  /** Where drafts are kept (default: the browser's `localStorage`). */
  storage?: Storage;
  lang?: Lang;
  /** The server to deploy to (default: the one serving the app, if any, signed in through its demo token). */
  server?: DesignerServer;
}

interface Open {
  draft: Draft;
  source?: string;
  /** Changes when another document is opened: the designer starts afresh. */
  key: number;
}

let opened = 0;

function initial(storage: Storage): Open {
  const { current } = listStoredDrafts(storage);
  const saved = current === null ? null : openStoredDraft(storage, current);
  if (saved) return { ...saved, key: ++opened };
  return { draft: createDraft(blankScenario()), key: ++opened };
}

/**
 * The standalone designer app: start from a blank scenario or one of the five built-in
 * templates, import a JSON file (broken ones open with their diagnostics), keep drafts and
 * their undo history in the browser's storage, export the document or the machine JSON.
 * Works with no server.
 *
 * @example
 * ```tsx
 * import { createRoot } from 'react-dom/client';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * import { DesignerApp } from '@zhizhi/designer';
 * createRoot(document.getElementById('root')!).render(<DesignerApp org={sampleOrg} />);
 * ```
 */
export function DesignerApp(props: DesignerAppProps) {
  const storage = props.storage ?? localStorage;
  const [lang, setLang] = useState<Lang>(props.lang ?? 'zh-CN');
  const [open, setOpen] = useState<Open>(() => initial(storage));
  const [doc, setDoc] = useState<ScenarioDraft>(open.draft.doc);
  const [importErrors, setImportErrors] = useState<Diagnostic[]>([]);
  const [drafts, setDrafts] = useState(() => listStoredDrafts(storage).ids);
  const same = useSameOriginServer(props.org, props.server);

  const openDoc = useCallback(
    (draft: Draft, source?: string) => {
      const next: Open = { draft, key: ++opened };
      if (source !== undefined) next.source = source;
      setOpen(next);
      setDoc(draft.doc);
      storeDraft(storage, draft, source);
      setDrafts(listStoredDrafts(storage).ids);
    },
    [storage],
  );
  const onChange = useCallback(
    (next: ScenarioDraft, draft: Draft) => {
      setDoc(next);
      storeDraft(storage, draft, open.source);
    },
    [storage, open.source],
  );
  const onTemplate = (e: ChangeEvent<HTMLSelectElement>) => {
    const id = e.target.value;
    e.target.value = '';
    if (id === 'blank') openDoc(createDraft(blankScenario()));
    const t = scenarioTemplates().find((x) => x.id === id);
    if (t) openDoc(createDraft(t.doc));
  };
  const onDraft = (e: ChangeEvent<HTMLSelectElement>) => {
    const saved = e.target.value ? openStoredDraft(storage, e.target.value) : null;
    e.target.value = '';
    if (saved) openDoc(saved.draft, saved.source);
  };
  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const imported = importScenario(await file.text());
    if (!imported.doc) {
      setImportErrors(imported.diagnostics);
      return;
    }
    setImportErrors([]);
    openDoc(createDraft(imported.doc), imported.source);
  };
  const t = (key: Parameters<typeof appText>[0]) => appText(key, lang);
  const toolbar = (
    <>
      <select aria-label={t('template')} onChange={onTemplate} defaultValue="">
        <option value="">{t('template')}…</option>
        <option value="blank">{t('blank')}</option>
        {scenarioTemplates().map((x) => (
          <option key={x.id} value={x.id}>
            {lang === 'en' ? x.name.en : x.name.zh}
          </option>
        ))}
      </select>
      <select aria-label={t('drafts')} onChange={onDraft} defaultValue="">
        <option value="">{t('drafts')}…</option>
        {drafts.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
      {!same.server && same.found === undefined ? (
        <button type="button" onClick={() => void same.probe()}>
          {t('connect')}
        </button>
      ) : null}
      {same.found === false ? <span role="status">{t('noServer')}</span> : null}
      {!same.server && same.deployers.length > 0 ? (
        <select
          aria-label={t('deployAs')}
          defaultValue=""
          onChange={(e) => {
            if (e.target.value) void same.signIn(e.target.value);
          }}
        >
          <option value="">{t('deployAs')}…</option>
          {same.deployers.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name} · {m.id}
            </option>
          ))}
        </select>
      ) : null}
      {same.failed ? <span role="alert">{t('signInFailed')}</span> : null}
      <label className="zz-import">
        {t('import')}
        <input type="file" accept=".json,application/json" onChange={onImport} />
      </label>
    </>
  );
  return (
    <div className="zz-app">
      <header className="zz-app__header">
        <h1>
          {t('title')} · {lang === 'en' ? doc.name?.en : doc.name?.zh}
        </h1>
      </header>
      {importErrors.length > 0 ? (
        <div role="alert" className="zz-app__errors">
          <p>{t('importFailed')}</p>
          <ul>
            {importErrors.map((d) => (
              <li key={`${d.code}|${d.path.join('.')}`}>
                <code>{d.path.join('.') || '/'}</code> {pickText(d.message, lang)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <main className="zz-app__main">
        <ScenarioDesigner
          key={open.key}
          value={doc}
          history={open.draft}
          onChange={onChange}
          {...(props.org ? { org: props.org } : {})}
          lang={lang}
          onLangChange={setLang}
          {...(open.source === undefined ? {} : { source: open.source })}
          toolbar={toolbar}
          {...(same.server ? { server: same.server } : {})}
        />
      </main>
    </div>
  );
}
