import type { Diagnostic } from './Diagnostic.js';

/**
 * What every `parse*` function of core returns: the checked value, or the diagnostics that say
 * why there is none (each with its code, path and zh-CN/English message). The repository's verbs
 * each have one shape: `check*`/`validate*` → `Diagnostic[]`; `parse*` → `Parsed<T>`;
 * `admit*` (one runtime input) → `{ ok: true, value } | { ok: false, error }`; `authorize*` →
 * a refusal or `null`; `create*` → a live object.
 *
 * @example
 * ```ts
 * import type { Parsed } from '@zhizhi/core';
 * const valueOr = <T>(p: Parsed<T>, fallback: T): T => (p.ok ? p.value : fallback);
 * ```
 */
export type Parsed<T, D = Diagnostic> = { ok: true; value: T } | { ok: false; diagnostics: D[] };
