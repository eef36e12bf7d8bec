/**
 * What a command may touch: output streams and files. The real process passes Node's; tests
 * pass their own, so commands are tested in-process as well as through the binary.
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
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
}
