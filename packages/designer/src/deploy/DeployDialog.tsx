import { HttpClient } from '@zhizhi/client';
import type { Lang } from '@zhizhi/core';
import type { Diagnostic } from '@zhizhi/core/scenario';
import { useEffect, useRef, useState } from 'react';
import { exportText } from '../export/exportText.js';
import { describeDiff, diffScenarios, type ScenarioDraft } from '../model/index.js';
import type { DesignerServer } from './DesignerServer.js';

/** Props of {@link DeployDialog}. */
export interface DeployDialogProps {
  doc: ScenarioDraft;
  server: DesignerServer;
  lang: Lang;
  /** Focuses the step of a diagnostic the server sent back (the dialog closes). */
  onFocus(d: Diagnostic): void;
  onClose(): void;
}

type Phase =
  | { at: 'loading' }
  | { at: 'ready'; lines: { zh: string; en: string }[]; first: boolean; sameVersion: boolean }
  | { at: 'deploying' }
  | { at: 'deployed'; created: boolean }
  | { at: 'refused'; diagnostics: Diagnostic[] };

/** A diagnostic for a server that gave no answer (an `HttpClientError` carries its own). */
function unreachable(e: unknown): Diagnostic {
  const error = (e as { error?: Diagnostic }).error;
  return {
    code: error?.code ?? 'client.network',
    path: [],
    severity: 'error',
    message: error?.message ?? {
      zh: exportText('unreachable', 'zh-CN'),
      en: exportText('unreachable', 'en'),
    },
  };
}

/**
 * The deploy dialog: reads the latest deployed version of the scenario from the server
 * (`HttpClient.definition`), shows the semantic diff against it (`describeDiff`: steps and
 * transitions added, removed and changed), and on confirmation deploys the document
 * (`PUT /api/scenarios/{id}` through `HttpClient.deploy`). Diagnostics the server sends back
 * (422) are listed like the checker's: clicking one focuses its step. A modal `<dialog>`:
 * Escape closes it.
 *
 * @example
 * ```tsx
 * import { DeployDialog } from '@zhizhi/designer';
 * <DeployDialog doc={doc} server={{ url: 'https://zhizhi.example', token }} lang="zh-CN" onFocus={focus} onClose={close} />;
 * ```
 */
export function DeployDialog(props: DeployDialogProps) {
  const { doc, server, lang } = props;
  const t = (key: Parameters<typeof exportText>[0]) => exportText(key, lang);
  const ref = useRef<HTMLDialogElement>(null);
  const [phase, setPhase] = useState<Phase>({ at: 'loading' });
  const [client] = useState(
    () => new HttpClient({ baseUrl: server.url, ...(server.token ? { token: server.token } : {}) }),
  );
  const text = (m: { zh: string; en: string }) => (lang === 'en' ? m.en : m.zh);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    let live = true;
    void (async () => {
      let latest: Awaited<ReturnType<HttpClient['definition']>>;
      try {
        latest = await client.definition(doc.id);
      } catch (e) {
        if (live) setPhase({ at: 'refused', diagnostics: [unreachable(e)] });
        return;
      }
      if (!live) return;
      const before = latest?.doc as ScenarioDraft | undefined;
      setPhase({
        at: 'ready',
        lines: before ? describeDiff(diffScenarios(before, doc)) : [],
        first: before === undefined,
        sameVersion:
          before !== undefined &&
          before.version === doc.version &&
          JSON.stringify(before) !== JSON.stringify(doc),
      });
    })();
    return () => {
      live = false;
    };
  }, [client, doc]);

  const deploy = async () => {
    setPhase({ at: 'deploying' });
    const r = await client.deploy(doc, 'designer');
    setPhase(
      r.ok ? { at: 'deployed', created: r.created } : { at: 'refused', diagnostics: r.diagnostics },
    );
  };

  return (
    <dialog
      ref={ref}
      className="zz-deploy"
      aria-labelledby="zz-deploy-title"
      onClose={props.onClose}
    >
      <h2 id="zz-deploy-title">
        {t('deployTo')} ·{' '}
        <code>
          {doc.id}@{doc.version}
        </code>
      </h2>
      <p className="zz-deploy__server">{server.url}</p>
      {phase.at === 'loading' ? <p role="status">{t('loading')}</p> : null}
      {phase.at === 'ready' ? (
        <div data-testid="deploy-diff">
          {phase.first ? (
            <p>{t('firstVersion')}</p>
          ) : (
            <>
              <h3>{t('against')}</h3>
              {phase.lines.length === 0 ? <p>{t('noChanges')}</p> : null}
              <ul>
                {phase.lines.map((l) => (
                  <li key={l.en}>{text(l)}</li>
                ))}
              </ul>
            </>
          )}
          {phase.sameVersion ? (
            <p role="alert" className="zz-deploy__warning">
              {t('sameVersion')}
            </p>
          ) : null}
        </div>
      ) : null}
      {phase.at === 'deployed' ? (
        <p role="status" data-testid="deploy-done">
          {t('deployed')}:{' '}
          <code>
            {doc.id}@{doc.version}
          </code>
        </p>
      ) : null}
      {phase.at === 'refused' ? (
        <div role="alert" data-testid="deploy-refused">
          <p>{t('deployFailed')}</p>
          <ul className="zz-diagnostics__list">
            {phase.diagnostics.map((d) => (
              <li key={`${d.code}|${d.path.join('.')}|${d.stepId ?? ''}|${d.message.en}`}>
                <button
                  type="button"
                  className={`zz-diagnostic zz-diagnostic--${d.severity}`}
                  data-step={d.stepId}
                  onClick={() => {
                    props.onFocus(d);
                    ref.current?.close();
                  }}
                >
                  {d.stepId ? <code>{d.stepId}</code> : null} {text(d.message)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="zz-deploy__buttons">
        {phase.at === 'ready' ? (
          <button type="button" data-testid="deploy-confirm" onClick={deploy}>
            {t('confirm')}
          </button>
        ) : null}
        <button type="button" onClick={() => ref.current?.close()}>
          {t('cancel')}
        </button>
      </div>
    </dialog>
  );
}
