import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  commandRefusals,
  createDraft,
  type Draft,
  execute,
  redo,
  restoreHistory,
  serializeHistory,
  undo,
} from '../../src/model/index.js';
import { builtIn, builtInIds } from './helpers.js';
import { commandFrom, intent } from './randomCommand.js';

describe('any random sequence of commands', () => {
  test('undone to the start gives the original document byte for byte; redo all gives the final one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...builtInIds),
        fc.array(fc.tuple(intent, fc.option(fc.constantFrom('drag-a', 'drag-b'))), {
          maxLength: 40,
        }),
        fc.array(fc.nat(3), { maxLength: 10 }),
        (id, steps, wobble) => {
          const doc = builtIn(id);
          const original = JSON.stringify(doc);
          let draft: Draft = createDraft(doc);
          for (const [k, [i, group]] of steps.entries()) {
            const command = commandFrom(draft.doc, i);
            const refusals = commandRefusals(draft.doc, command);
            const r = execute(draft, command, group ? { group } : {});
            // the command refuses exactly what its rule refuses, and a refusal changes nothing
            expect(r.ok).toBe(refusals.length === 0);
            if (!r.ok) {
              expect(r.draft).toBe(draft);
              expect(r.refusals.map((x) => x.code)).not.toContain('designer.internal');
            }
            draft = r.draft;
            // now and then undo and redo in the middle
            const w = wobble[k % Math.max(1, wobble.length)] ?? 0;
            if (w === 1) draft = redo(undo(draft));
          }
          const final = JSON.stringify(draft.doc);
          let back = draft;
          while (back.done.length > 0) back = undo(back);
          expect(JSON.stringify(back.doc)).toBe(original);
          let forth = back;
          while (forth.undone.length > 0) forth = redo(forth);
          expect(JSON.stringify(forth.doc)).toBe(final);
          // and the same through a saved history, after a "reload"
          const saved = JSON.parse(JSON.stringify(serializeHistory(draft)));
          const restored = restoreHistory(JSON.parse(final), saved);
          expect(restored.ok).toBe(true);
          if (restored.ok) {
            let r = restored.draft;
            while (r.done.length > 0) r = undo(r);
            expect(JSON.stringify(r.doc)).toBe(original);
          }
        },
      ),
      {
        numRuns: 1000,
        examples: [
          // found by CI: a drag group that disconnects an outcome and connects it again moved the
          // `next` key to the end of its step when undone as one folded change
          [
            'anti-fraud-outreach',
            [
              [{ type: 4, a: 747, b: 0, c: 0, word: 'x' }, 'drag-b'],
              [{ type: 3, a: 495, b: 0, c: -36, word: 'x' }, 'drag-b'],
            ],
            [],
          ],
        ],
      },
    );
  });
});
