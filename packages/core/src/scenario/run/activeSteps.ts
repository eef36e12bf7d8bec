/**
 * The steps a scenario instance is in, from its stored status: a step id, or the JSON of a
 * state value with parallel steps (`{ parallelStep: { branch: stepOrNested, … } }`); a branch
 * that finished (`$done`) contributes no step.
 *
 * @example
 * ```ts
 * import { activeSteps } from '@zhizhi/core/scenario';
 * activeSteps('call'); // ['call']
 * activeSteps('{"emergency":{"ambulance":"callAmbulance","family":"$done"}}'); // ['emergency', 'callAmbulance']
 * ```
 */
export function activeSteps(status: string): string[] {
  const out: string[] = [];
  const step = (value: unknown): void => {
    if (typeof value === 'string') {
      if (!value.startsWith('$')) out.push(value);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [parallel, regions] of Object.entries(value)) {
      out.push(parallel);
      if (typeof regions === 'object' && regions !== null) {
        for (const branch of Object.values(regions)) step(branch);
      }
    }
  };
  step(status.startsWith('{') ? JSON.parse(status) : status);
  return out;
}

/**
 * The status string stored for a machine state value (inverse of {@link parseStatus}).
 *
 * @example
 * ```ts
 * import { statusOf } from '@zhizhi/core/scenario';
 * statusOf('call'); // 'call'
 * ```
 */
export function statusOf(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The machine state value of a stored status string.
 *
 * @example
 * ```ts
 * import { parseStatus } from '@zhizhi/core/scenario';
 * parseStatus('{"p":{"a":"x"}}'); // { p: { a: 'x' } }
 * ```
 */
export function parseStatus(status: string): string | Record<string, unknown> {
  return status.startsWith('{') ? (JSON.parse(status) as Record<string, unknown>) : status;
}
