import type { Io } from '../../src/Io.js';
import { readInputFile } from '../../src/readInputFile.js';

/** An {@link Io} that records stdout/stderr lines and keeps written (or planted) files in memory. */
export function capture(): Io & { stdout: string[]; stderr: string[]; files: Map<string, string> } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const files = new Map<string, string>();
  return {
    stdout,
    stderr,
    files,
    out: (l) => stdout.push(l),
    err: (l) => stderr.push(l),
    readFile: (p, maxBytes) => files.get(p) ?? readInputFile(p, maxBytes),
    writeFile: (p, t) => files.set(p, t),
  };
}
