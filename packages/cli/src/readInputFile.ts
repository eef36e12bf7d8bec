import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/**
 * Why an input file was refused before it was parsed: larger than the limit, not a regular
 * file (a FIFO, a device, a directory, a socket), or not UTF-8.
 *
 * @example
 * ```ts
 * import { InputError } from './readInputFile.js';
 * new InputError('tooLarge', { max: 1000 }).reason; // 'tooLarge'
 * ```
 */
export class InputError extends Error {
  constructor(
    readonly reason: 'tooLarge' | 'notAFile' | 'notUtf8',
    readonly params: Record<string, string | number> = {},
  ) {
    super(`input refused: ${reason}`);
    this.name = 'InputError';
  }
}

function kindOf(
  stats: Stats,
): 'directory' | 'characterDevice' | 'blockDevice' | 'fifo' | 'socket' | 'other' {
  if (stats.isDirectory()) return 'directory';
  if (stats.isCharacterDevice()) return 'characterDevice';
  if (stats.isBlockDevice()) return 'blockDevice';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  return 'other';
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads a regular file of at most `maxBytes` bytes as UTF-8 text (a BOM is kept for the JSON
 * reader to strip). The file is opened non-blocking, so a FIFO with no writer does not hang,
 * and checked with `fstat` on the open descriptor before anything is read; at most
 * `maxBytes + 1` bytes are ever read, so a file that grows, or lies about its size, still ends.
 * Throws an {@link InputError}, or Node's error for a missing or unreadable file.
 *
 * @example
 * ```ts
 * import { readInputFile } from './readInputFile.js';
 * // readInputFile('/dev/zero', 5_242_880) throws InputError('notAFile', { kind: 'characterDevice' })
 * ```
 */
export function readInputFile(path: string, maxBytes: number): string {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new InputError('notAFile', { kind: kindOf(stats) });
    if (stats.size > maxBytes) throw new InputError('tooLarge', { max: maxBytes });
    let buffer = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw new InputError('tooLarge', { max: maxBytes });
        // the file grew after fstat (or reported no size): keep reading, up to the limit + 1
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return decode(buffer.subarray(0, length));
  } finally {
    closeSync(fd);
  }
}

function decode(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InputError('notUtf8');
  }
}
