import { parseExpression, type Scenario } from '@zhizhi/core/scenario';

/**
 * Start data to try: one value of each field's type, then, for every field a decision's
 * condition names, the condition's literals and their neighbours (numbers ±1, the strings, an
 * empty string, both booleans), one field changed at a time (at most 60 sets).
 *
 * @internal
 * @example
 * ```ts
 * candidateData(doc)[0]; // { heartRate: 0, elderName: 'x', … }
 * ```
 */
export function candidateData(doc: Scenario): Record<string, unknown>[] {
  const base: Record<string, unknown> = {};
  const pick: Record<string, unknown[]> = {};
  for (const f of doc.fields) {
    const v =
      f.type === 'number'
        ? 0
        : f.type === 'boolean'
          ? false
          : f.type === 'date'
            ? '2026-01-01'
            : f.type === 'string'
              ? 'x'
              : [];
    base[f.id] = v;
    pick[f.id] = [];
  }
  // literals of every condition, and their neighbours, for the fields it names
  for (const s of doc.steps) {
    if (s.kind !== 'decision') continue;
    for (const b of s.branches) {
      const parsed = parseExpression(b.when);
      if (!parsed.ok) continue;
      const text = JSON.stringify(parsed.value);
      const numbers = [...b.when.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
      const strings = [...b.when.matchAll(/"([^"\\]*)"/g)].map((m) => m[1] as string);
      for (const f of doc.fields) {
        if (!text.includes(`"${f.id}"`)) continue;
        const list = pick[f.id] as unknown[];
        if (f.type === 'number') for (const n of numbers) list.push(n - 1, n, n + 1);
        if (f.type === 'string') list.push(...strings, '');
        if (f.type === 'boolean') list.push(true, false);
        if (f.type === 'string[]') list.push(strings.slice(0, 1), strings);
      }
    }
  }
  const out = [base];
  for (const [field, values] of Object.entries(pick)) {
    for (const v of values) out.push({ ...base, [field]: v });
  }
  return out.slice(0, 60);
}

/**
 * A value of the field's type, for a task's form.
 *
 * @internal
 * @example
 * ```ts
 * sampleValue(doc, 'heartRate'); // 1
 * ```
 */
export function sampleValue(doc: Scenario, field: string): unknown {
  const f = doc.fields.find((x) => x.id === field);
  switch (f?.type) {
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'date':
      return '2026-01-01';
    case 'string[]':
    case 'number[]':
      return [];
    default:
      return 'x';
  }
}
