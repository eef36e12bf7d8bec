import { describe, expect, test } from 'vitest';
import {
  type Command,
  canAddBranch,
  canConnect,
  canDelete,
  canDisconnect,
  canDrop,
  canPaste,
  canRemoveBranch,
  canRename,
  canSetProperty,
  checkDraft,
  commandRefusals,
  createDraft,
  execute,
  outcomesOf,
  type Refusal,
  type ScenarioDraft,
  stepKinds,
} from '../../src/model/index.js';
import { builtIn, builtInIds } from './helpers.js';

/** The rule the canvas asks for the gesture behind a command. */
function ruleFor(doc: ScenarioDraft, c: Command): Refusal[] {
  switch (c.type) {
    case 'connect':
      return canConnect(doc, c.from, c.outcome, c.to);
    case 'disconnect':
      return canDisconnect(doc, c.from, c.outcome);
    case 'deleteStep':
      return canDelete(doc, c.step);
    case 'renameStep':
      return canRename(doc, c.step, c.to);
    case 'setProperty':
      return canSetProperty(doc, c.step, c.path, c.value);
    case 'addBranch':
      return canAddBranch(doc, c.parallel, c.branch.id, c.start);
    case 'removeBranch':
      return canRemoveBranch(doc, c.parallel, c.branch);
    case 'pasteSteps':
      return canPaste(doc, c.clipboard, c.offset);
    case 'addStep':
      return canDrop(doc, c.step.kind, { position: c.position, parent: c.parent });
    default:
      return [];
  }
}

describe('rules shared by the canvas and the commands', () => {
  test('every connection the canvas could offer: connect is refused exactly when canConnect refuses', () => {
    for (const id of builtInIds) {
      const doc = builtIn(id);
      const draft = createDraft(doc);
      const targets = [...doc.steps.map((s) => s.id), '@join', 'nowhere'];
      let offered = 0;
      let refused = 0;
      for (const s of doc.steps) {
        for (const o of outcomesOf(s)) {
          for (const to of targets) {
            const rule = canConnect(doc, s.id, o.outcome, to);
            const r = execute(draft, { type: 'connect', from: s.id, outcome: o.outcome, to });
            expect(r.ok, `${id}: ${s.id}.${o.outcome} → ${to}`).toBe(rule.length === 0);
            if (!r.ok) expect(r.refusals).toEqual(rule);
            if (rule.length === 0) offered++;
            else refused++;
          }
        }
      }
      // both sides of the rule are exercised on every scenario
      expect(offered).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    }
  });

  test('every palette kind dropped anywhere: addStep is refused exactly when canDrop refuses', () => {
    for (const id of builtInIds) {
      const doc = builtIn(id);
      const parents = doc.steps.flatMap((s) =>
        s.kind === 'parallel'
          ? (s.branches as { id: string }[]).map((b) => ({ parallel: s.id, branch: b.id }))
          : [],
      );
      let refused = 0;
      for (const kind of [...stepKinds, 'teleport']) {
        for (const parent of [undefined, ...parents, { parallel: 'nope', branch: 'x' }]) {
          const c: Command = {
            type: 'addStep',
            step: { id: 'dropped', kind: kind as never },
            position: { x: 1, y: 2 },
            ...(parent ? { parent } : {}),
          };
          const rule = canDrop(doc, kind, { position: { x: 1, y: 2 }, parent });
          expect(execute(createDraft(doc), c).ok).toBe(rule.length === 0);
          if (rule.length > 0) refused++;
        }
      }
      expect(refused).toBeGreaterThan(0);
    }
  });

  test('every step: deleteStep is refused exactly when canDelete refuses', () => {
    for (const id of builtInIds) {
      const doc = builtIn(id);
      for (const s of doc.steps) {
        const rule = canDelete(doc, s.id);
        const r = execute(createDraft(doc), { type: 'deleteStep', step: s.id });
        expect(r.ok).toBe(rule.length === 0);
        if (!r.ok) expect(r.refusals).toEqual(rule);
      }
    }
  });

  test('each command refuses with exactly its rule', () => {
    const doc = builtIn('elderly-health-band');
    const commands: Command[] = [
      { type: 'connect', from: 'followUp', outcome: 'otherwise', to: '@join' },
      { type: 'disconnect', from: 'emergency', outcome: 'branches.family' },
      { type: 'deleteStep', step: 'call' },
      { type: 'renameStep', step: 'call', to: 'visit' },
      { type: 'setProperty', step: 'call', path: ['id'], value: 'x' },
      { type: 'addBranch', parallel: 'call', branch: { id: 'b' }, start: 'visit' },
      { type: 'removeBranch', parallel: 'emergency', branch: 'family' },
      { type: 'pasteSteps', clipboard: { format: 'x' } as never },
      {
        type: 'addStep',
        step: { id: 'x', kind: 'end' },
        parent: { parallel: 'emergency', branch: 'family' },
      },
    ];
    for (const c of commands) {
      const rule = ruleFor(doc, c);
      expect(rule.length, c.type).toBeGreaterThan(0);
      expect(commandRefusals(doc, c)).toEqual(rule);
      const r = execute(createDraft(doc), c);
      expect(r.ok ? [] : r.refusals).toEqual(rule);
    }
    expect(commandRefusals(doc, { type: 'teleport' } as never)[0]?.code).toBe('designer.badPath');
  });

  test('canConnect agrees with the checker: what it allows never crosses, what it refuses would', () => {
    const border = new Set(['scenario.crossesBranch', 'scenario.joinOutsideBranch']);
    let allowed = 0;
    let refused = 0;
    for (const id of builtInIds) {
      const doc = builtIn(id);
      const targets = [...doc.steps.map((s) => s.id), '@join'];
      doc.steps.forEach((s, i) => {
        for (const o of outcomesOf(s)) {
          for (const to of targets) {
            const codes = canConnect(doc, s.id, o.outcome, to).map((r) => r.code);
            const forced = structuredClone(doc);
            let node = forced.steps[i] as unknown as Record<string | number, unknown>;
            for (const k of o.path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
            node[o.path[o.path.length - 1] as string | number] = to;
            const errors = checkDraft(forced).errors;
            if (codes.length === 0) {
              allowed++;
              // the edge made is never the one the checker calls crossing (re-targeting may
              // still strand other steps, which the checker reports where they are)
              const atEdge = errors.filter(
                (d) =>
                  border.has(d.code) &&
                  d.stepId === s.id &&
                  d.path.slice(2).join('.') === o.path.join('.'),
              );
              expect(atEdge, `${id}: ${s.id}.${o.outcome} → ${to}`).toEqual([]);
            } else if (
              codes.some((c) =>
                [
                  'designer.crossesBranch',
                  'designer.joinOutsideBranch',
                  'designer.selfLoop',
                ].includes(c),
              )
            ) {
              refused++;
              expect(errors.length, `${id}: ${s.id}.${o.outcome} → ${to}`).toBeGreaterThan(0);
            }
          }
        }
      });
    }
    expect(allowed).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });
});
