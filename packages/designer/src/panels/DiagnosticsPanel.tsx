import { type Lang, pickText } from '@zhizhi/core';
import type { Diagnostic } from '@zhizhi/core/scenario';
import { memo } from 'react';
import type { DraftCheck } from '../model/index.js';
import { uiText } from './uiText.js';

/** Props of {@link DiagnosticsPanel}. */
export interface DiagnosticsPanelProps {
  check: DraftCheck;
  lang: Lang;
  /** Called with the diagnostic clicked (the designer focuses its step). */
  onFocus(d: Diagnostic): void;
}

/**
 * What the checker says of the draft, errors first, in the reader's language; each entry
 * names its step and path and focuses that step when clicked.
 *
 * @example
 * ```tsx
 * import { checkDraft } from '@zhizhi/designer/model';
 * import { DiagnosticsPanel } from '@zhizhi/designer';
 * <DiagnosticsPanel check={checkDraft(doc)} lang="en" onFocus={(d) => console.log(d.stepId)} />;
 * ```
 */
export const DiagnosticsPanel = memo(function DiagnosticsPanel({
  check,
  lang,
  onFocus,
}: DiagnosticsPanelProps) {
  const list = [...check.errors, ...check.warnings];
  return (
    <section className="zz-diagnostics" aria-label={uiText('diagnostics', lang)}>
      <h2>
        {uiText('diagnostics', lang)}{' '}
        <span data-testid="diagnostic-counts">
          {check.errors.length} {uiText('errors', lang)} · {check.warnings.length}{' '}
          {uiText('warnings', lang)}
        </span>
      </h2>
      {list.length === 0 ? <p>{uiText('noDiagnostics', lang)}</p> : null}
      <ul>
        {list.map((d) => (
          <li key={`${d.code}|${d.path.join('.')}|${d.message.en}`}>
            <button
              type="button"
              className={`zz-diagnostic zz-diagnostic--${d.severity}`}
              data-code={d.code}
              data-step={d.stepId}
              onClick={() => onFocus(d)}
            >
              <span className="zz-diagnostic__where">{d.stepId ?? d.path.join('.')}</span>{' '}
              {pickText(d.message, lang)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
});
