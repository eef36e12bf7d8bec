import { type Lang, pickText } from '@zhizhi/core';
import { label } from '@zhizhi/core/labels';
import { type DragEvent, type KeyboardEvent, memo } from 'react';
import { STEP_KIND_MIME } from '../canvas/DesignerCanvas.js';
import { stepIcons } from '../canvas/stepIcons.js';
import { canDrop, type ScenarioDraft, type StepKind, stepKinds } from '../model/index.js';
import { uiText } from './uiText.js';

/** Props of {@link Palette}. */
export interface PaletteProps {
  doc: ScenarioDraft;
  lang: Lang;
  /** Adds a step of `kind` where the user is looking (keyboard add: Enter or Space). */
  onAdd(kind: StepKind): void;
}

/**
 * Every step kind, with its icon and name in the reader's language: drag one onto the canvas,
 * or focus it and press Enter. A kind `canDrop` refuses at the top level is greyed out, with
 * the reason as its title.
 *
 * @example
 * ```tsx
 * import { Palette } from '@zhizhi/designer';
 * <Palette doc={doc} lang="zh-CN" onAdd={(kind) => console.log(kind)} />;
 * ```
 */
export const Palette = memo(function Palette({ doc, lang, onAdd }: PaletteProps) {
  return (
    <section className="zz-palette" aria-label={uiText('palette', lang)}>
      <h2>{uiText('palette', lang)}</h2>
      <p className="zz-hint">{uiText('paletteHint', lang)}</p>
      <ul>
        {stepKinds.map((kind) => {
          const refused = canDrop(doc, kind);
          const why = refused.map((r) => pickText(r.message, lang)).join('; ');
          const onDragStart = (e: DragEvent) => {
            e.dataTransfer.setData(STEP_KIND_MIME, kind);
            e.dataTransfer.effectAllowed = 'copy';
          };
          const onKeyDown = (e: KeyboardEvent) => {
            if (e.key !== 'Enter' && e.key !== ' ') return;
            e.preventDefault();
            if (refused.length === 0) onAdd(kind);
          };
          return (
            <li key={kind}>
              <button
                type="button"
                className="zz-palette__item"
                draggable={refused.length === 0}
                aria-disabled={refused.length > 0}
                title={why || undefined}
                data-kind={kind}
                onDragStart={onDragStart}
                onKeyDown={onKeyDown}
                onClick={(e) => {
                  // a click that is not a keyboard activation (detail 0) adds too
                  if (e.detail > 0 && refused.length === 0) onAdd(kind);
                }}
              >
                <span aria-hidden="true">{stepIcons[kind]}</span> {label('stepKind', kind, lang)}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
});
