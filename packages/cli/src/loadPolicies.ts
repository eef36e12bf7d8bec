import { type DutyLists, pickText, type SlaPolicy } from '@zhizhi/core';
import { checkConfig } from '@zhizhi/core/config';
import { sampleDutyLists, sampleSlaPolicy } from '@zhizhi/core/sample';
import { say } from './cliMessages.js';
import type { Io, Reading } from './Io.js';
import { readJsonFile } from './readJsonFile.js';

/**
 * The SLA policy and routing duty lists a simulation runs with: `--policy <file>` and
 * `--duty-lists <file>` (checked with `checkConfig`), else the sample ones. On failure the
 * reason is already on stderr.
 *
 * @example
 * ```ts
 * import { loadPolicies } from './loadPolicies.js';
 * // const config = loadPolicies(io, { policy: 'sla.json' }, { lang: 'en', maxBytes: 5_242_880 }); if (!config) return 2;
 * ```
 */
export function loadPolicies(
  io: Io,
  files: { policy?: string; dutyLists?: string },
  reading: Reading,
): { slaPolicy: SlaPolicy; dutyLists: DutyLists } | null {
  const read = (file: string | undefined) => {
    if (!file) return { ok: true as const, value: undefined };
    return readJsonFile(io, file, reading);
  };
  const policy = read(files.policy);
  const lists = read(files.dutyLists);
  if (!policy.ok || !lists.ok) {
    io.err(!policy.ok ? policy.message : lists.ok ? '' : lists.message);
    return null;
  }
  const problems = checkConfig({ slaPolicy: policy.value, dutyLists: lists.value });
  if (problems.length > 0) {
    io.err(
      say('badConfig', reading.lang, {
        why: problems
          .map((d) => `${d.path.join('.')}: ${pickText(d.message, reading.lang)}`)
          .join('; '),
      }),
    );
    return null;
  }
  return {
    slaPolicy: (policy.value as SlaPolicy | undefined) ?? sampleSlaPolicy,
    dutyLists: (lists.value as DutyLists | undefined) ?? sampleDutyLists,
  };
}
