import type { Lang } from '@zhizhi/core';
import { type Clipboard, canPaste, type Refusal, type ScenarioDraft } from '../model/index.js';
import { canvasText } from '../panels/canvasText.js';

/** Clipboard text longer than this is refused before it is parsed. */
export const MAX_CLIPBOARD_TEXT = 5_000_000;

const refusal = (code: string, zh: string, en: string): Refusal => ({
  code,
  path: ['clipboard'],
  severity: 'error',
  message: { zh, en },
});

/**
 * Reads the system clipboard's text as steps to paste into `doc`: it must be JSON (at most
 * {@link MAX_CLIPBOARD_TEXT} characters) that `canPaste` accepts — else the refusals, naming
 * the path and the rule, and nothing is pasted.
 *
 * @example
 * ```ts
 * import { readClipboardText } from '@zhizhi/designer';
 * const r = readClipboardText(doc, text);
 * if (!r.ok) console.log(r.refusals[0]?.message.en);
 * ```
 */
export function readClipboardText(
  doc: ScenarioDraft,
  text: string,
): { ok: true; clipboard: Clipboard } | { ok: false; refusals: Refusal[] } {
  const say = (key: 'notClipboardJson' | 'clipboardTooLarge', p: Record<string, string | number>) =>
    refusal(
      key === 'notClipboardJson' ? 'designer.notJson' : 'designer.badClipboard',
      canvasText(key, 'zh-CN', p),
      canvasText(key, 'en' as Lang, p),
    );
  if (text.length > MAX_CLIPBOARD_TEXT)
    return { ok: false, refusals: [say('clipboardTooLarge', { max: MAX_CLIPBOARD_TEXT })] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message.slice(0, 80) : 'error';
    return { ok: false, refusals: [say('notClipboardJson', { detail })] };
  }
  const refused = canPaste(doc, value);
  if (refused.length > 0) return { ok: false, refusals: refused };
  return { ok: true, clipboard: value as Clipboard };
}
