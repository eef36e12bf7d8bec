import { describe, expect, test } from 'vitest';
import {
  type Command,
  createDraft,
  type Draft,
  describeDiff,
  diffScenarios,
  execute,
} from '../../src/model/index.js';
import { builtIn, builtInIds } from './helpers.js';

function edit(commands: Command[]): { before: ReturnType<typeof builtIn>; after: Draft['doc'] } {
  const before = builtIn('elderly-health-band');
  let draft = createDraft(before);
  for (const c of commands) {
    const r = execute(draft, c);
    if (!r.ok) throw new Error(r.refusals[0]?.message.en);
    draft = r.draft;
  }
  return { before, after: draft.doc };
}

describe('diffScenarios', () => {
  test.each(builtInIds)('%s against itself (steps reordered) is the same', (id) => {
    const a = builtIn(id);
    const b = { ...builtIn(id), steps: [...builtIn(id).steps].reverse() };
    const d = diffScenarios(a, b);
    expect(d.same).toBe(true);
    expect(d.steps.moved).toEqual([]);
  });

  test('a re-targeted outcome is one transition change, not a property change', () => {
    const { before, after } = edit([
      { type: 'connect', from: 'call', outcome: 'outcomes.noAnswer', to: 'escalate' },
    ]);
    const d = diffScenarios(before, after);
    expect(d.transitions.retargeted).toEqual([
      {
        from: 'call',
        outcome: 'outcomes.noAnswer',
        to: 'escalate',
        before: 'visit',
        timeout: false,
      },
    ]);
    expect(d.transitions.added).toEqual([]);
    expect(d.steps.changed).toEqual([]);
    expect(d.same).toBe(false);
  });

  test('added and removed steps and transitions, changed properties, moves, document values', () => {
    const { before, after } = edit([
      { type: 'deleteStep', step: 'notifyCare' },
      { type: 'addStep', step: { id: 'checkAgain', kind: 'wait', for: { duration: 'PT1H' } } },
      { type: 'connect', from: 'checkAgain', outcome: 'next', to: 'handled' },
      { type: 'setProperty', step: 'call', path: ['sla', 'within'], value: 'PT10M' },
      { type: 'moveStep', step: 'visit', position: { x: 1, y: 1 } },
      { type: 'setProperty', path: ['version'], value: '1.1.0' },
    ]);
    const d = diffScenarios(before, after);
    expect(d.steps.added.map((s) => s.id)).toEqual(['checkAgain']);
    expect(d.steps.removed.map((s) => s.id)).toEqual(['notifyCare']);
    expect(d.steps.changed).toEqual([
      {
        id: 'call',
        kind: 'task',
        changes: [{ path: ['sla', 'within'], before: 'PT5M', after: 'PT10M' }],
      },
    ]);
    expect(d.steps.moved).toEqual(['visit']);
    expect(d.transitions.added).toEqual([
      { from: 'checkAgain', outcome: 'next', to: 'handled', timeout: false },
    ]);
    // notifyCare's own edge went with it, and followUp's branch to it was cut
    expect(d.transitions.removed.map((t) => `${t.from}.${t.outcome}`).sort()).toEqual([
      'followUp.branches.0',
      'notifyCare.next',
    ]);
    expect(d.document).toEqual([{ path: ['version'], before: '1.0.0', after: '1.1.0' }]);
  });

  test('triggers, fields and KPIs by id', () => {
    const { before, after } = edit([
      { type: 'setProperty', path: ['fields', 0, 'required'], value: false },
      { type: 'deleteStep', step: 'emergency' },
    ]);
    const d = diffScenarios(before, after);
    expect(d.fields.changed).toEqual([
      { id: 'alarmType', changes: [{ path: ['required'], before: true, after: false }] },
    ]);
    expect(d.kpis.removed).toEqual(['responseTime']);
    expect(d.triggers).toEqual({ added: [], removed: [], changed: [] });
  });

  test('describeDiff reads the diff in zh-CN and English', () => {
    const { before, after } = edit([
      { type: 'addStep', step: { id: 'recheck', kind: 'wait', for: { duration: 'PT1H' } } },
      { type: 'connect', from: 'call', outcome: 'outcomes.noAnswer', to: 'escalate' },
      { type: 'moveStep', step: 'visit', position: { x: 1, y: 1 } },
    ]);
    expect(describeDiff(diffScenarios(before, after))).toEqual([
      { zh: '新增步骤 `recheck`（等待）', en: 'Step `recheck` added (Wait)' },
      {
        zh: '连线 `call` · outcomes.noAnswer：`visit` → `escalate`',
        en: 'Transition `call` · outcomes.noAnswer: `visit` → `escalate`',
      },
      { zh: '移动了 1 个步骤的位置', en: '1 step moved' },
    ]);
    expect(describeDiff(diffScenarios(before, before))).toEqual([]);
  });
});
