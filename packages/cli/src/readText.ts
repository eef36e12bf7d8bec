import { say } from './cliMessages.js';
import type { Io, Reading } from './Io.js';
import { InputError } from './readInputFile.js';

const kinds = {
  directory: { zh: '目录', en: 'a directory' },
  characterDevice: { zh: '字符设备', en: 'a character device' },
  blockDevice: { zh: '块设备', en: 'a block device' },
  fifo: { zh: '命名管道（FIFO）', en: 'a FIFO (named pipe)' },
  socket: { zh: '套接字', en: 'a socket' },
  other: { zh: '特殊文件', en: 'a special file' },
} as const;

/**
 * Reads an input file's text through `io` within `reading.maxBytes`, or says in the user's
 * language why it could not: missing or unreadable, too large, not a regular file, not UTF-8.
 *
 * @example
 * ```ts
 * import { readText } from './readText.js';
 * // const r = readText(io, 'events.jsonl', { lang: 'en', maxBytes: 5_242_880 }); if (r.ok) use(r.text);
 * ```
 */
export function readText(
  io: Io,
  file: string,
  reading: Reading,
): { ok: true; text: string } | { ok: false; message: string } {
  const { lang } = reading;
  try {
    return { ok: true, text: io.readFile(file, reading.maxBytes) };
  } catch (error) {
    if (!(error instanceof InputError)) {
      return {
        ok: false,
        message: say('unreadable', lang, { file, why: (error as Error).message }),
      };
    }
    if (error.reason === 'tooLarge')
      return { ok: false, message: say('tooLarge', lang, { file, max: reading.maxBytes }) };
    if (error.reason === 'notUtf8') return { ok: false, message: say('notUtf8', lang, { file }) };
    const kind = kinds[(error.params.kind as keyof typeof kinds) ?? 'other'] ?? kinds.other;
    return {
      ok: false,
      message: say('notAFile', lang, { file, kind: lang === 'en' ? kind.en : kind.zh }),
    };
  }
}
