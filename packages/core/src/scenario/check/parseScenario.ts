import type { Diagnostic } from '../../diagnostics/Diagnostic.js';
import type { Parsed } from '../../diagnostics/Parsed.js';
import { type Scenario, scenarioSchema } from '../document/scenarioSchema.js';
import { describeIssue, type Issue } from './checkSchemaRules.js';
import { scenarioDiagnostic } from './scenarioCatalog.js';

/** At most this many diagnostics come out of the schema check (the last one may say how many more). */
const MAX_SCHEMA_DIAGNOSTICS = 50;

type Path = (string | number)[];

function toPath(path: readonly PropertyKey[] | undefined): Path {
  return (path ?? []).map((p) => (typeof p === 'number' || typeof p === 'string' ? p : String(p)));
}

/** A required key that is absent (zod reports the input at the issue, `undefined` here). */
const isMissing = (i: Issue) =>
  (i.code === 'invalid_type' || i.code === 'invalid_value') && i.input === undefined;

/** Same complaint in every alternative (e.g. "expected object" for a number): report it once. */
function sameSignature(alternatives: readonly Issue[][]): boolean {
  const sig = (alt: Issue[]) =>
    alt.map((i) => `${i.code}|${toPath(i.path).join('.')}|${String(i.expected)}`).join(';');
  const first = sig(alternatives[0] ?? []);
  return alternatives.every((alt) => sig(alt) === first);
}

/**
 * The alternative of a failed union the author most likely meant: the one with the fewest
 * missing keys, then the fewest issues. `null` when that is a tie between different complaints.
 */
function likelyAlternative(alternatives: readonly Issue[][]): Issue[] | null {
  if (alternatives.length === 0) return null;
  if (sameSignature(alternatives)) return alternatives[0] ?? null;
  let best: Issue[] | null = null;
  let bestScore = [Infinity, Infinity];
  let tie = false;
  for (const alt of alternatives) {
    const score = [alt.filter(isMissing).length, alt.length];
    const cmp =
      (score[0] as number) - (bestScore[0] as number) ||
      (score[1] as number) - (bestScore[1] as number);
    if (cmp < 0) {
      best = alt;
      bestScore = score;
      tie = false;
    } else if (cmp === 0) tie = true;
  }
  return tie ? null : best;
}

/** The keys that would each make one alternative match (`role | post | department`), if that is what they want. */
function alternativeKeys(alternatives: readonly Issue[][]): string[] | null {
  const keys: string[] = [];
  for (const alt of alternatives) {
    const [only] = alt;
    if (alt.length !== 1 || !only || !isMissing(only) || only.path.length !== 1) return null;
    keys.push(String(only.path[0]));
  }
  return keys;
}

/** Depth-first over zod's issues, descending into failed unions; stops collecting at `limit`. */
function collect(issues: readonly Issue[], prefix: Path, out: Diagnostic[], limit: number): number {
  let total = 0;
  for (const issue of issues) {
    const path = [...prefix, ...toPath(issue.path)];
    const errors =
      issue.code === 'invalid_union' ? (issue.errors as Issue[][] | undefined) : undefined;
    const chosen = errors && errors.length > 0 ? likelyAlternative(errors) : null;
    if (chosen && chosen.length > 0) {
      total += collect(chosen, path, out, limit);
      continue;
    }
    total += 1;
    if (out.length >= limit) continue;
    const keys = errors && errors.length > 0 ? alternativeKeys(errors) : null;
    const rule = describeIssue(issue, keys);
    out.push(
      scenarioDiagnostic('scenario.schema', path, {
        rule: rule.en,
        ruleZh: rule.zh,
      }),
    );
  }
  return total;
}

/**
 * Checks the shape of a scenario document against {@link scenarioSchema}. Every zod issue
 * becomes a `scenario.schema` diagnostic naming the JSON path and the rule broken, up to 50
 * (the 50th then is `scenario.tooManyIssues`, saying how many more there are). A failed union
 * (an assignee, a wait's `for`) is reported through the alternative the author most likely
 * meant. Input that cannot even be read (a throwing getter or proxy) is one `scenario.schema`
 * diagnostic at the root. Never throws; returns the parsed document (a fresh copy with unknown
 * keys dropped) when the shape is right.
 *
 * @internal
 * @example
 * ```ts
 * import { parseScenario } from './parseScenario.js';
 * const r = parseScenario({ format: 'zhizhi.scenario/1' });
 * if (!r.ok) r.diagnostics[0]?.path; // ['id']
 * ```
 */
export function parseScenario(doc: unknown): Parsed<Scenario> {
  let parsed: ReturnType<typeof scenarioSchema.safeParse>;
  try {
    parsed = scenarioSchema.safeParse(doc, { reportInput: true });
  } catch (error) {
    let detail = 'error';
    try {
      detail = error instanceof Error ? String(error.name).slice(0, 40) : typeof error;
    } catch {
      // a hostile thrown value (a proxy): keep the generic word
    }
    const rule = {
      en: `the input cannot be read (${detail})`,
      zh: `无法读取输入（\`${detail}\`）`,
    };
    const d = scenarioDiagnostic('scenario.schema', [], {
      rule: rule.en,
      ruleZh: rule.zh,
    });
    return { ok: false, diagnostics: [d] };
  }
  if (parsed.success) return { ok: true, value: parsed.data };
  const diagnostics: Diagnostic[] = [];
  const issues = parsed.error.issues as unknown as Issue[];
  const total = collect(issues, [], diagnostics, MAX_SCHEMA_DIAGNOSTICS);
  if (diagnostics.length === 0) {
    // zod failed without a usable issue: still never let a bad document pass as valid
    const rule = { en: 'is not a scenario document', zh: '不是场景文档' };
    diagnostics.push(
      scenarioDiagnostic('scenario.schema', [], {
        rule: rule.en,
        ruleZh: rule.zh,
      }),
    );
  }
  if (total > MAX_SCHEMA_DIAGNOSTICS) {
    diagnostics.length = MAX_SCHEMA_DIAGNOSTICS - 1;
    const count = total - diagnostics.length;
    diagnostics.push(scenarioDiagnostic('scenario.tooManyIssues', [], { count }));
  }
  return { ok: false, diagnostics };
}
