import type { Directory } from '@zhizhi/core';
import type { Io, Reading } from './Io.js';
import { loadDirectory } from './loadDirectory.js';
import { readJsonFile } from './readJsonFile.js';

/**
 * What every command starts from: the scenario document read from `file`, and the org
 * (`--org` or the sample). On failure the reason is already on stderr.
 *
 * @example
 * ```ts
 * import { loadInputs } from './loadInputs.js';
 * // const inputs = loadInputs(io, 'scenario.json', { lang: 'en', maxBytes: 5_242_880 }, undefined); if (!inputs) return 2;
 * ```
 */
export function loadInputs(
  io: Io,
  file: string,
  reading: Reading,
  org: string | undefined,
): { doc: unknown; directory: Directory } | null {
  const read = readJsonFile(io, file, reading);
  if (!read.ok) {
    io.err(read.message);
    return null;
  }
  const loaded = loadDirectory(io, org, reading);
  if (!loaded.ok) {
    io.err(loaded.message);
    return null;
  }
  return { doc: read.value, directory: loaded.directory };
}
