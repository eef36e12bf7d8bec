import type { Lang } from '@zhizhi/core';
import { useState } from 'react';
import type { Command, Refusal, ScenarioDraft } from '../model/index.js';
import { canvasText } from '../panels/canvasText.js';
import { autoLayout } from './autoLayout.js';
import { isPinned } from './isPinned.js';
import { pinCommands } from './pinCommands.js';

/** Props of {@link LayoutButtons}. */
export interface LayoutButtonsProps {
  doc: ScenarioDraft;
  lang: Lang;
  selected: ReadonlySet<string>;
  run(commands: readonly Command[], group?: string): Refusal[];
  onRefused(refusals: Refusal[]): void;
}

let layouts = 0;

/**
 * Toolbar buttons: "Auto-layout" (elkjs, one undo step, pinned steps stay) and "Pin" (a
 * toggle for the selected steps, pressed when they are all pinned).
 *
 * @example
 * ```tsx
 * import { LayoutButtons } from '@zhizhi/designer';
 * <LayoutButtons doc={doc} lang="en" selected={new Set(['call'])} run={run} onRefused={show} />;
 * ```
 */
export function LayoutButtons({ doc, lang, selected, run, onRefused }: LayoutButtonsProps) {
  const [busy, setBusy] = useState(false);
  const chosen = doc.steps.filter((s) => selected.has(s.id));
  const pinned = chosen.length > 0 && chosen.every(isPinned);
  return (
    <>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          autoLayout(doc)
            .then((moves) => {
              if (moves.length === 0) return;
              const refused = run(moves, `auto-layout-${++layouts}`);
              if (refused.length > 0) onRefused(refused);
            })
            .finally(() => setBusy(false));
        }}
      >
        {canvasText(busy ? 'autoLayoutBusy' : 'autoLayout', lang)}
      </button>
      <button
        type="button"
        aria-pressed={pinned}
        disabled={chosen.length === 0}
        title={canvasText('pinHint', lang)}
        onClick={() => {
          const refused = run(pinCommands(doc, selected), `pin-${++layouts}`);
          if (refused.length > 0) onRefused(refused);
        }}
      >
        📌 {canvasText('pin', lang)}
      </button>
    </>
  );
}
