import type { Lang } from '@zhizhi/core';
import { useEffect, useId, useRef } from 'react';
import { type CanvasTextKey, canvasText } from './canvasText.js';

/** The designer's keyboard shortcuts: keys (Ctrl means Cmd on a Mac) and what they do. */
export const shortcutList: readonly { keys: string; does: CanvasTextKey }[] = [
  { keys: 'Ctrl+Z · Ctrl+Shift+Z / Ctrl+Y', does: 'keyUndo' },
  { keys: 'Delete / Backspace', does: 'keyDelete' },
  { keys: 'Ctrl+C · Ctrl+V', does: 'keyCopy' },
  { keys: 'Ctrl+F', does: 'keyFind' },
  { keys: '?', does: 'keyHelp' },
  { keys: '+ / − · wheel', does: 'keyZoom' },
  { keys: '↑ ↓ · Enter · Esc', does: 'keyArrows' },
];

/** Props of {@link ShortcutHelp}. */
export interface ShortcutHelpProps {
  lang: Lang;
  open: boolean;
  onOpenChange(open: boolean): void;
}

/**
 * A "Shortcuts" toolbar button and the popover listing the designer's keyboard shortcuts
 * (Escape or the button closes it; `?` in the designer opens it).
 *
 * @example
 * ```tsx
 * import { ShortcutHelp } from '@zhizhi/designer';
 * <ShortcutHelp lang="en" open={open} onOpenChange={setOpen} />;
 * ```
 */
export function ShortcutHelp({ lang, open, onOpenChange }: ShortcutHelpProps) {
  const id = useId();
  const pop = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) pop.current?.focus();
  }, [open]);
  return (
    <span className="zz-shortcuts">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => onOpenChange(!open)}
      >
        {canvasText('shortcuts', lang)}
      </button>
      {open ? (
        <div
          id={id}
          ref={pop}
          role="dialog"
          aria-label={canvasText('shortcuts', lang)}
          className="zz-shortcuts__popover"
          tabIndex={-1}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              onOpenChange(false);
            }
          }}
        >
          <dl>
            {shortcutList.map((s) => (
              <div key={s.does}>
                <dt>
                  <kbd>{s.keys}</kbd>
                </dt>
                <dd>{canvasText(s.does, lang)}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </span>
  );
}
