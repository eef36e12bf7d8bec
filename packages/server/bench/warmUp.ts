import { readFileSync } from 'node:fs';

/**
 * CPU time (ms, user and system) a process has used so far, from /proc (Linux; NaN elsewhere).
 *
 * @example
 * ```ts
 * const { user, system } = cpuMs(process.pid);
 * ```
 */
export function cpuMs(pid: number): { user: number; system: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields 14 and 15 of stat(5) (utime, stime), in clock ticks of 10 ms
    return { user: Number(f[11]) * 10, system: Number(f[12]) * 10 };
  } catch {
    return { user: Number.NaN, system: Number.NaN };
  }
}

/**
 * Warms a server process up, untimed, until its CPU per request settles: runs `batch` (which
 * sends some requests and says how many) until three batches in a row are no better than 95 %
 * of the best so far — at least 8 batches, at most 20 — and prints the trail. A server process
 * spends 3× the CPU per request in its first thousand requests than from its ~8,000th on (V8
 * optimising the longer paths); a fixed warm-up of 2,000 left the figures measuring that.
 *
 * @example
 * ```ts
 * await warmUntilSettled(server.pid, async (i) => { await sendSome(`warm ${i}`); return 1000; });
 * ```
 */
export async function warmUntilSettled(
  pid: number,
  batch: (index: number) => Promise<number>,
): Promise<number[]> {
  const trail: number[] = [];
  let best = Number.POSITIVE_INFINITY;
  let flat = 0;
  for (let i = 0; i < 20 && (i < 8 || flat < 3); i++) {
    const cpu0 = cpuMs(pid);
    const requests = await batch(i);
    const cpu1 = cpuMs(pid);
    const perRequest = (cpu1.user + cpu1.system - cpu0.user - cpu0.system) / requests;
    trail.push(perRequest);
    if (perRequest < 0.95 * best) flat = 0;
    else flat += 1;
    best = Math.min(best, perRequest);
  }
  console.log(
    `warm-up: server CPU ms per request, batch by batch: ${trail.map((x) => x.toFixed(2)).join(', ')}`,
  );
  return trail;
}
