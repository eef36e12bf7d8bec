import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SortedNumbers } from '../src/engine/SortedNumbers.js';
import { TimerHeap } from '../src/engine/TimerHeap.js';
import type { Timer } from '../src/index.js';

const timer = (id: string, dueAt: number): Timer => ({
  id,
  caseId: id,
  townId: 't',
  step: 's',
  dueAt,
});

describe('MemoryStore indexes', () => {
  it('given any sequence of adds and deletes, when read on from any point, then the sorted index agrees with a sorted set', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 3000 })), { maxLength: 4000 }),
        fc.integer({ min: -1, max: 3000 }),
        (ops, from) => {
          const index = new SortedNumbers();
          const model = new Set<number>();
          for (const [add, n] of ops) {
            if (add) {
              index.add(n);
              model.add(n);
            } else {
              index.delete(n);
              model.delete(n);
            }
          }
          const expected = [...model].filter((n) => n > from).sort((a, b) => a - b);
          expect([...index.after(from)]).toEqual(expected);
          expect(index.size).toBe(model.size);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('given timers set, replaced and removed in any order, then the heap yields exactly the live due ones, earliest first', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('set', 'delete'),
            fc.integer({ min: 0, max: 60 }),
            fc.integer({ min: 0, max: 100 }),
          ),
          { maxLength: 600 },
        ),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 30 }),
        (ops, now, limit) => {
          const heap = new TimerHeap();
          const model = new Map<string, Timer>();
          for (const [op, k, due] of ops) {
            const id = `t${k}`;
            if (op === 'set') {
              heap.set(timer(id, due));
              model.set(id, timer(id, due));
            } else {
              heap.delete(id);
              model.delete(id);
            }
          }
          const got: string[] = [];
          heap.visitDue(now, (t) => {
            got.push(`${t.dueAt}:${t.id}`);
            return got.length < limit;
          });
          const expected = [...model.values()]
            .filter((t) => t.dueAt <= now)
            .sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1))
            .slice(0, limit)
            .map((t) => `${t.dueAt}:${t.id}`);
          expect(got).toEqual(expected);
          expect(heap.length).toBe(model.size);
        },
      ),
      { numRuns: 150 },
    );
  });
});
