/**
 * What a command may touch: output streams and files. The real process passes Node's
 * ({@link readInputFile} reads with the size limit and refuses anything but a regular file);
 * tests pass their own, so commands are tested in-process as well as through the binary.
 *
 * @example
 * ```ts
 * import type { Io } from './Io.js';
 * const lines: string[] = [];
 * const io: Io = { out: (l) => lines.push(l), err: (l) => lines.push(l), readFile: () => '{}', writeFile: () => {} };
 * ```
 */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** The file's text; throws an `InputError` if it is too large, not a regular file or not UTF-8. */
  readFile(path: string, maxBytes: number): string;
  writeFile(path: string, text: string): void;
}

/**
 * How commands read their inputs: the language of the messages and the largest file read.
 *
 * @example
 * ```ts
 * import type { Reading } from './Io.js';
 * const reading: Reading = { lang: 'en', maxBytes: 5 * 1024 * 1024 };
 * ```
 */
export interface Reading {
  lang: 'zh-CN' | 'en';
  maxBytes: number;
}
