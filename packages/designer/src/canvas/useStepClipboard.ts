import { type RefObject, useEffect, useRef } from 'react';
import { type Command, copySteps, type Refusal, type ScenarioDraft } from '../model/index.js';
import { readClipboardText } from './readClipboardText.js';

/** What {@link useStepClipboard} needs from the designer. */
export interface StepClipboardOptions {
  root: RefObject<HTMLElement | null>;
  doc: ScenarioDraft;
  selected: ReadonlySet<string>;
  run(commands: readonly Command[], group?: string): Refusal[];
  /** Steps were pasted: they are the last `count` steps of the next document. */
  onPasted(count: number): void;
  onRefused(refusals: Refusal[]): void;
  onCopied?(count: number): void;
}

const editable = (t: Element | null) =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName));

/**
 * Copy and paste of steps through the system clipboard (Ctrl/Cmd+C, Ctrl/Cmd+V while the
 * designer has the focus and no text field does): copy puts the model's `copySteps` JSON as
 * text, paste reads it back through {@link readClipboardText} and runs `pasteSteps` (one undo
 * step, shifted 40 px, colliding ids renamed) — so steps go between designers, scenarios and
 * tabs. Hostile or foreign text is refused with a clear message and changes nothing.
 *
 * @example
 * ```tsx
 * import { useStepClipboard } from '@zhizhi/designer';
 * useStepClipboard({ root, doc, selected, run, onPasted: select, onRefused: show });
 * ```
 */
export function useStepClipboard(options: StepClipboardOptions): void {
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    const ours = () => {
      const { root } = latest.current;
      const active = document.activeElement;
      return !!root.current && !!active && root.current.contains(active) && !editable(active);
    };
    const onCopy = (e: ClipboardEvent) => {
      const o = latest.current;
      if (!ours() || o.selected.size === 0 || !e.clipboardData) return;
      // a text selection inside the designer is copied as text, as usual
      if (String(window.getSelection() ?? '') !== '') return;
      const clip = copySteps(o.doc, [...o.selected]);
      e.clipboardData.setData('text/plain', JSON.stringify(clip));
      e.preventDefault();
      o.onCopied?.(clip.steps.length);
    };
    const onPaste = (e: ClipboardEvent) => {
      const o = latest.current;
      if (!ours() || !e.clipboardData) return;
      e.preventDefault();
      const r = readClipboardText(o.doc, e.clipboardData.getData('text/plain'));
      if (!r.ok) {
        o.onRefused(r.refusals);
        return;
      }
      const refused = o.run([
        { type: 'pasteSteps', clipboard: r.clipboard, offset: { x: 40, y: 40 } },
      ]);
      if (refused.length > 0) o.onRefused(refused);
      else o.onPasted(r.clipboard.steps.length);
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, []);
}
