import fc from 'fast-check';

// Arbitraries for fuzzing the scenario checker: documents of the right shape with random
// graphs, and random mutations of valid documents.

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const idArb = fc.constantFrom(...ids);
const gotoArb = fc.constantFrom(...ids, '@join', 'zz', 'constructor', 'toString');
const text = { zh: '文本', en: 'Text' };
const durationArb = fc.constantFrom(
  'PT1M',
  'PT1H',
  'PT90M',
  'P1D',
  'P1W',
  'PT0.5S',
  'PT99999999999999999999H',
);
const roleArb = fc.constantFrom('gridWorker', 'dutyOfficer', 'commander', 'resident');
const fieldNameArb = fc.constantFrom(
  'level',
  'phone',
  'tags',
  'when',
  'ok',
  'nope',
  'hasOwnProperty',
);
const assigneeArb = fc.oneof(
  roleArb.map((role) => ({ role })),
  fc.constantFrom('qj-sj-xfgl', 'qj-sj-nope').map((post) => ({ post })),
  fc.constantFrom('qj-cgj', 'qj-cyzx', 'nope').map((department) => ({ department })),
);
const recipientArb = fc.record({
  kind: fc.constantFrom(
    'post',
    'department',
    'cityOperationsCenter',
    'commandCenter',
    'community',
    'grid',
    'role',
    'family',
  ),
  id: fc.constantFrom(
    'qj-sj-xfgl',
    'qj-cgj',
    'qj-cyzx',
    'qj-sj',
    'qj-sj-c1',
    'qj-sj-c1-g1',
    'gridWorker',
    'x',
    '__proto__',
  ),
});
const slaArb = fc.option(fc.record({ within: durationArb, onTimeout: gotoArb }), {
  nil: undefined,
});
const whenArb = fc.constantFrom(
  'level > 2',
  'level > "x"',
  'phone == "1" or tags contains "a"',
  'level +',
  'nope == 1',
  'level',
  'constructor.prototype == 1',
  '((((((((((((((((((((((((((((((((((level))))))))))))))))))))))))))))))))) > 1',
  'daysSince(when) > 3 and not ok',
);

const stepArb = fc.oneof(
  fc.record({
    id: idArb,
    kind: fc.constant('task'),
    assignee: assigneeArb,
    form: fc.option(fc.array(fieldNameArb, { maxLength: 3 }), { nil: undefined }),
    outcomes: fc.array(fc.record({ id: fc.constantFrom('ok', 'no'), to: gotoArb }), {
      minLength: 1,
      maxLength: 3,
    }),
    sla: slaArb,
  }),
  fc.record({
    id: idArb,
    kind: fc.constant('dispatch'),
    lead: fc.record({
      kind: fc.constantFrom('post', 'department'),
      id: fc.constantFrom('qj-sj-xfgl', 'qj-cgj', 'x'),
    }),
    next: gotoArb,
    sla: slaArb,
  }),
  fc.record({
    id: idArb,
    kind: fc.constant('notify'),
    to: fc.array(recipientArb, { minLength: 1, maxLength: 3 }),
    channels: fc.array(fc.constantFrom('app', 'sms', 'voice', 'screen'), {
      minLength: 1,
      maxLength: 2,
    }),
    fields: fc.option(fc.array(fieldNameArb, { maxLength: 3 }), { nil: undefined }),
    next: gotoArb,
  }),
  fc.record({
    id: idArb,
    kind: fc.constant('decision'),
    branches: fc.array(fc.record({ when: whenArb, to: gotoArb }), { minLength: 1, maxLength: 3 }),
    otherwise: gotoArb,
  }),
  fc.record({
    id: idArb,
    kind: fc.constant('parallel'),
    branches: fc.array(fc.record({ id: fc.constantFrom('x', 'y', 'z'), start: idArb }), {
      minLength: 2,
      maxLength: 3,
    }),
    join: fc.constantFrom('all', 'any'),
    next: gotoArb,
  }),
  fc.record({
    id: idArb,
    kind: fc.constant('wait'),
    for: fc.oneof(
      fc.constant({ signal: 'sig' }),
      fc.constant({ event: 'DONE' }),
      durationArb.map((duration) => ({ duration })),
    ),
    next: gotoArb,
    sla: slaArb,
  }),
  fc.record({
    id: idArb,
    kind: fc.constant('escalate'),
    to: fc.constantFrom('community', 'town', 'district'),
    next: gotoArb,
  }),
  fc.record({
    id: idArb,
    kind: fc.constant('campaign'),
    targets: fc.constant({ kind: 'households' }),
    task: fc.record({ label: fc.constant(text), assignee: assigneeArb }),
    complete: fc.constant({ coverage: 0.5 }),
    next: gotoArb,
    sla: slaArb,
  }),
  fc.record({
    id: idArb,
    kind: fc.constant('end'),
    outcome: fc.constantFrom('resolved', 'invalid'),
  }),
);

const kpiArb = fc.oneof(
  fc.record({
    id: fc.constantFrom('k1', 'k2'),
    kind: fc.constant('duration'),
    label: fc.constant(text),
    from: fc.constantFrom(...ids, '@start', 'zz'),
    to: fc.constantFrom(...ids, 'zz'),
  }),
  fc.record({
    id: fc.constantFrom('k1', 'k2'),
    kind: fc.constant('coverage'),
    label: fc.constant(text),
    campaign: fc.constantFrom(...ids, 'zz'),
  }),
  fc.record({
    id: fc.constantFrom('k1', 'k2'),
    kind: fc.constant('count'),
    label: fc.constant(text),
  }),
);

/** Documents of the right shape whose graphs, references and conditions are random. */
export const randomScenarioArb = fc.record({
  format: fc.constant('zhizhi.scenario/1'),
  id: fc.constant('fuzz'),
  version: fc.constant('1.0.0'),
  name: fc.constant(text),
  triggers: fc.array(
    fc.record({
      id: fc.constantFrom('t1', 't2'),
      kind: fc.constant('manual'),
      roles: fc.constant([]),
      start: idArb,
    }),
    { minLength: 1, maxLength: 2 },
  ),
  fields: fc.array(
    fc.record({
      id: fieldNameArb,
      type: fc.constantFrom('string', 'number', 'boolean', 'date', 'string[]', 'number[]'),
      label: fc.constant(text),
      pii: fc.option(fc.boolean(), { nil: undefined }),
    }),
    { maxLength: 5 },
  ),
  participants: fc.record({
    roles: fc.subarray(['gridWorker', 'dutyOfficer']),
    posts: fc.option(fc.constant(['qj-sj-xfgl', 'x']), { nil: undefined }),
    centers: fc.option(fc.constant(['qj-sj', 'qj-cyzx', 'y']), { nil: undefined }),
  }),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 12 }),
  kpis: fc.option(fc.array(kpiArb, { maxLength: 3 }), { nil: undefined }),
});

// ------------------------------------------------------------------ mutations

type Json = unknown;
type Container = Record<string, Json> | Json[];

/** Every object and array inside `root` (iteratively, so deep documents are fine). */
function containers(root: Json): Container[] {
  const out: Container[] = [];
  const stack: Json[] = [root];
  while (stack.length > 0 && out.length < 10_000) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    out.push(v as Container);
    for (const x of Object.values(v)) stack.push(x);
  }
  return out;
}

function deep(depth: number, leaf: Json, asArray: boolean): Json {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { next: v };
  return v;
}

const pool = [
  'a',
  '@join',
  '@start',
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  '',
  'done',
  'check',
  'x'.repeat(300),
];

/** One mutation of a document, as data, applied by {@link applyMutation}. */
export const mutationArb = fc.record({
  op: fc.constantFrom(
    'delete',
    'delete',
    'replace',
    'replace',
    'replaceId',
    'replaceId',
    'duplicate',
    'duplicate',
    'swapKind',
    'swapKind',
    'proto',
    'deep',
    'huge',
  ),
  node: fc.nat(),
  key: fc.nat(),
  value: fc.jsonValue({ maxDepth: 2 }),
  pick: fc.nat(),
  size: fc.integer({ min: 1, max: 20_000 }),
});

/** A mutation, as generated by {@link mutationArb}. */
export type Mutation = typeof mutationArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * Applies a mutation to `doc` (in place) and returns the resulting document: `proto` goes
 * through JSON text so that `__proto__` becomes an own key, as it does for untrusted input.
 */
export function applyMutation(doc: Json, m: Mutation): Json {
  if (m.op === 'proto') {
    // a marker key in a random object, replaced in the JSON text by the injected key
    const objects = containers(doc).filter((c) => !Array.isArray(c)) as Record<string, Json>[];
    const target = objects[m.pick % Math.max(1, objects.length)];
    if (!target) return doc;
    target['\u0000inject'] = null;
    let text: string;
    try {
      text = JSON.stringify(doc);
    } catch {
      delete target['\u0000inject'];
      return doc; // too deep for JSON: leave it
    }
    const inject = [
      '"__proto__":{"polluted":1}',
      '"constructor":{"prototype":{"polluted":1}}',
      '"__proto__":[]',
      '"prototype":{"polluted":1}',
    ][m.key % 4] as string;
    return JSON.parse(text.replace('"\\u0000inject":null', inject));
  }
  const all = containers(doc);
  const node = all[m.node % all.length];
  if (!node) return doc;
  const keys = Object.keys(node);
  const key = keys[m.key % Math.max(1, keys.length)];
  switch (m.op) {
    case 'delete':
      if (key === undefined) return doc;
      if (Array.isArray(node)) node.splice(Number(key), 1);
      else delete node[key];
      return doc;
    case 'replace':
      if (key !== undefined) (node as Record<string, Json>)[key] = m.value;
      return doc;
    case 'replaceId':
      if (key !== undefined) (node as Record<string, Json>)[key] = pool[m.pick % pool.length];
      return doc;
    case 'duplicate':
      // shared references, not copies: the document may already be too deep to clone
      if (Array.isArray(node)) node.push(node[m.pick % Math.max(1, node.length)]);
      else if (key !== undefined) node[keys[m.pick % keys.length] ?? key] = node[key];
      return doc;
    case 'swapKind': {
      const steps = (doc as { steps?: unknown }).steps;
      if (!Array.isArray(steps) || steps.length === 0) return doc;
      const step = steps[m.pick % steps.length];
      const kinds = [
        'task',
        'dispatch',
        'notify',
        'decision',
        'parallel',
        'wait',
        'escalate',
        'campaign',
        'end',
      ];
      if (typeof step === 'object' && step !== null)
        (step as Record<string, Json>).kind = kinds[m.key % kinds.length];
      return doc;
    }
    case 'deep':
      // 1,024 to 16,384 levels
      if (key !== undefined)
        (node as Record<string, Json>)[key] = deep(
          2 ** (10 + (m.size % 5)),
          m.value,
          m.pick % 2 === 0,
        );
      return doc;
    case 'huge':
      if (key !== undefined) {
        const current = (node as Record<string, Json>)[key];
        const item = Array.isArray(current) && current.length > 0 ? current[0] : m.value;
        const length = 2 ** (m.size % 14); // 1 to 8,192 items, log-uniform
        (node as Record<string, Json>)[key] = Array.from({ length }, (_, i) =>
          m.pick % 2 === 0 ? item : i,
        );
      }
      return doc;
    default:
      return doc;
  }
}
