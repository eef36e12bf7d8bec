import type * as z from 'zod/mini';
import { type Diagnostic, makeDiagnostic } from '../../diagnostics/Diagnostic.js';
import type { Parsed } from '../../diagnostics/Parsed.js';
import { STATE_KEY_PATTERN } from '../document/scenarioIds.js';
import { MAX_STATE_DEPTH } from '../document/scenarioLimits.js';
import type { MachineJson, NamedRef, StateJson, TransitionJson } from './compileScenario.js';
import { scenarioActionParams, scenarioGuardParams } from './machineRefs.js';

const catalog = {
  'machine.shape': { zh: '状态机 JSON 结构无效：{rule}', en: 'Machine JSON is malformed: {rule}' },
  'machine.unknownAction': { zh: '未知动作 {name}', en: 'Unknown action {name}' },
  'machine.unknownGuard': { zh: '未知守卫 {name}', en: 'Unknown guard {name}' },
  'machine.badParams': { zh: '{name} 的参数无效：{rule}', en: 'Invalid params of {name}: {rule}' },
  'machine.badStateKey': { zh: '状态名 {key} 无效', en: 'Invalid state name {key}' },
  'machine.unknownTarget': {
    zh: '转移目标 {target} 不存在',
    en: 'Transition target {target} does not exist',
  },
  'machine.tooDeep': {
    zh: '状态嵌套超过 {max} 层',
    en: 'States are nested more than {max} levels deep',
  },
};

const EVENT_KEY = /^(?:TASK_COMPLETE|TIMEOUT|SIGNAL|EVENT|CASE_ACKNOWLEDGED|CHECK_IN|BRANCH_DONE)$/;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks untrusted machine JSON (what {@link compileScenario} emits, perhaps edited or forged)
 * and rebuilds it from its checked parts only: known keys, state names, event names, action and
 * guard names with params matching their schemas, expression ASTs, `#id` targets that exist, and
 * at most the nesting the compiler emits for `MAX_PARALLEL_DEPTH` levels of parallel steps.
 * Returns the rebuilt JSON (nothing from the input is passed on unchecked) or diagnostics.
 *
 * @example
 * ```ts
 * import { parseMachineJson } from '@zhizhi/core/scenario';
 * parseMachineJson({ id: '$scenario', initial: 'x', states: {} }).ok; // false
 * ```
 */
export function parseMachineJson(input: unknown): Parsed<MachineJson> {
  const diagnostics: Diagnostic[] = [];
  const ids = new Set<string>();
  const targets: { target: string; path: (string | number)[] }[] = [];
  const d = (
    code: keyof typeof catalog,
    path: (string | number)[],
    params: Record<string, string> = {},
  ) => diagnostics.push(makeDiagnostic(catalog, code, path, params));

  const ref = (
    v: unknown,
    path: (string | number)[],
    kind: 'action' | 'guard',
  ): NamedRef | null => {
    const table: Record<string, z.ZodMiniType> =
      kind === 'action' ? scenarioActionParams : scenarioGuardParams;
    if (!isObject(v) || typeof v.type !== 'string') {
      d('machine.shape', path, { rule: `${kind} object with a type` });
      return null;
    }
    if (!Object.hasOwn(table, v.type)) {
      d(kind === 'action' ? 'machine.unknownAction' : 'machine.unknownGuard', [...path, 'type'], {
        name: v.type.slice(0, 64),
      });
      return null;
    }
    const parsed = (table[v.type] as z.ZodMiniType).safeParse(v.params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      d('machine.badParams', [...path, 'params', ...((issue?.path ?? []) as (string | number)[])], {
        name: v.type,
        rule: issue?.message ?? 'invalid',
      });
      return null;
    }
    return { type: v.type, params: parsed.data as Record<string, unknown> };
  };

  const refs = (
    v: unknown,
    path: (string | number)[],
    kind: 'action' | 'guard',
  ): NamedRef[] | undefined => {
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) {
      d('machine.shape', path, { rule: 'array' });
      return undefined;
    }
    return v.flatMap((x, i) => ref(x, [...path, i], kind) ?? []);
  };

  const transitions = (v: unknown, path: (string | number)[]): TransitionJson[] | undefined => {
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) {
      d('machine.shape', path, { rule: 'array of transitions' });
      return undefined;
    }
    return v.map((t, i) => {
      const p = [...path, i];
      const out: TransitionJson = {};
      if (!isObject(t)) {
        d('machine.shape', p, { rule: 'transition object' });
        return out;
      }
      if (t.target !== undefined) {
        if (typeof t.target !== 'string') d('machine.shape', [...p, 'target'], { rule: 'string' });
        else {
          out.target = t.target;
          targets.push({ target: t.target, path: [...p, 'target'] });
        }
      }
      if (t.guard !== undefined) {
        const g = ref(t.guard, [...p, 'guard'], 'guard');
        if (g) out.guard = g;
      }
      const actions = refs(t.actions, [...p, 'actions'], 'action');
      if (actions) out.actions = actions;
      return out;
    });
  };

  const state = (v: unknown, path: (string | number)[], key: string, depth: number): StateJson => {
    const out: StateJson = {};
    if (depth > MAX_STATE_DEPTH) {
      d('machine.tooDeep', path, { max: String(MAX_STATE_DEPTH) });
      return out;
    }
    if (!isObject(v)) {
      d('machine.shape', path, { rule: 'state object' });
      return out;
    }
    if (v.id !== undefined) {
      if (v.id !== key) d('machine.shape', [...path, 'id'], { rule: 'id equals the state key' });
      else {
        out.id = key;
        ids.add(key);
      }
    }
    if (v.type !== undefined) {
      if (v.type !== 'parallel' && v.type !== 'final')
        d('machine.shape', [...path, 'type'], { rule: 'parallel | final' });
      else out.type = v.type;
    }
    const entry = refs(v.entry, [...path, 'entry'], 'action');
    if (entry) out.entry = entry;
    const exit = refs(v.exit, [...path, 'exit'], 'action');
    if (exit) out.exit = exit;
    if (v.on !== undefined) {
      if (!isObject(v.on)) d('machine.shape', [...path, 'on'], { rule: 'object' });
      else {
        out.on = {};
        for (const [event, ts] of Object.entries(v.on)) {
          if (!EVENT_KEY.test(event))
            d('machine.shape', [...path, 'on', event], { rule: 'known event' });
          else out.on[event] = transitions(ts, [...path, 'on', event]) ?? [];
        }
      }
    }
    const always = transitions(v.always, [...path, 'always']);
    if (always) out.always = always;
    const onDone = transitions(v.onDone, [...path, 'onDone']);
    if (onDone) out.onDone = onDone;
    if (v.states !== undefined) {
      if (!isObject(v.states)) d('machine.shape', [...path, 'states'], { rule: 'object' });
      else {
        out.states = {};
        for (const [k, child] of Object.entries(v.states)) {
          if (!STATE_KEY_PATTERN.test(k))
            d('machine.badStateKey', [...path, 'states', k.slice(0, 64)], { key: k.slice(0, 64) });
          else out.states[k] = state(child, [...path, 'states', k], k, depth + 1);
        }
      }
    }
    if (v.initial !== undefined) {
      if (typeof v.initial !== 'string' || !out.states || !Object.hasOwn(out.states, v.initial))
        d('machine.unknownTarget', [...path, 'initial'], {
          target: String(v.initial).slice(0, 64),
        });
      else out.initial = v.initial;
    }
    return out;
  };

  if (!isObject(input) || !isObject(input.states) || !isObject(input.scenario)) {
    return {
      ok: false,
      diagnostics: [
        makeDiagnostic(catalog, 'machine.shape', [], { rule: 'object with scenario and states' }),
      ],
    };
  }
  const root = state({ states: input.states, initial: input.initial }, [], '$scenario', 0);
  const scenario = input.scenario;
  if (typeof scenario.id !== 'string' || typeof scenario.version !== 'string')
    d('machine.shape', ['scenario'], { rule: '{ id, version } strings' });
  for (const t of targets) {
    const id = t.target.startsWith('#') ? t.target.slice(1) : null;
    if (id === null ? t.target !== '$done' : !ids.has(id))
      d('machine.unknownTarget', t.path, { target: t.target.slice(0, 64) });
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return {
    ok: true,
    value: {
      id: '$scenario',
      scenario: { id: scenario.id as string, version: scenario.version as string },
      initial: root.initial as string,
      states: root.states as Record<string, StateJson>,
    },
  };
}
