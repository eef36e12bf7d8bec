import fc from 'fast-check';
import {
  type Command,
  copySteps,
  outcomesOf,
  type ScenarioDraft,
  stepKinds,
} from '../../src/model/index.js';
import { builtIn, builtInIds } from './helpers.js';

/** Random numbers a command is built from against the document as it is then. */
export interface Intent {
  type: number;
  a: number;
  b: number;
  c: number;
  word: string;
}

export const intent: fc.Arbitrary<Intent> = fc.record({
  type: fc.nat(11),
  a: fc.nat(1000),
  b: fc.nat(1000),
  c: fc.integer({ min: -400, max: 400 }),
  word: fc.constantFrom('x', 'visit', 'call', '新步骤', '1bad', 'constructor', 'emergency', 'y-2'),
});

const pick = <T>(list: readonly T[], n: number): T | undefined =>
  list.length === 0 ? undefined : list[n % list.length];

/** A command made from `i` against `doc`: mostly sensible, sometimes refused on purpose. */
export function commandFrom(doc: ScenarioDraft, i: Intent): Command {
  const step = pick(doc.steps, i.a) ?? doc.steps[0];
  const id = step?.id ?? 'x';
  const other = pick(doc.steps, i.b)?.id ?? id;
  const ports = step ? outcomesOf(step) : [];
  const port = pick(ports, i.b)?.outcome ?? 'next';
  switch (i.type) {
    case 0:
      return {
        type: 'addStep',
        step: { id: `${i.word}${i.a % 7}`, kind: pick(stepKinds, i.b) ?? 'task' },
        position: { x: i.c, y: i.a },
      };
    case 1:
      return { type: 'moveStep', step: id, position: { x: i.c, y: i.b } };
    case 2:
      return { type: 'deleteStep', step: id };
    case 3:
      return { type: 'connect', from: id, outcome: port, to: i.c % 5 === 0 ? '@join' : other };
    case 4:
      return { type: 'disconnect', from: id, outcome: port };
    case 5:
      return i.c % 3 === 0
        ? { type: 'setProperty', path: ['name', 'zh'], value: `名称${i.b}` }
        : {
            type: 'setProperty',
            step: id,
            path: i.c % 3 === 1 ? ['label'] : ['note'],
            ...(i.b % 4 === 0 ? {} : { value: { zh: `标签${i.b}`, en: `label ${i.b}` } }),
          };
    case 6:
      return { type: 'renameStep', step: id, to: `${i.word}${i.b % 5}` };
    case 7: {
      const par = doc.steps.find((s) => s.kind === 'parallel')?.id ?? id;
      return {
        type: 'addBranch',
        parallel: par,
        branch: { id: `b${i.b % 6}` },
        start: {
          id: `${i.word}${i.b % 9}`,
          kind: 'wait',
          for: { duration: 'PT1M' },
          next: '@join',
        },
      };
    }
    case 8: {
      const par = doc.steps.find((s) => s.kind === 'parallel');
      const branch = pick((par?.branches as { id: string }[] | undefined) ?? [], i.b)?.id ?? 'b';
      return { type: 'removeBranch', parallel: par?.id ?? id, branch };
    }
    case 9: {
      const source = i.c % 2 === 0 ? doc : builtIn(pick(builtInIds, i.b) as string);
      const ids = [pick(source.steps, i.a)?.id, pick(source.steps, i.b)?.id].filter(
        (x): x is string => x !== undefined,
      );
      return { type: 'pasteSteps', clipboard: copySteps(source, ids), offset: { x: 20, y: 20 } };
    }
    case 10:
      return { type: 'moveStep', step: 'nope', position: { x: 0, y: 0 } };
    default:
      return { type: 'setProperty', step: id, path: ['id'], value: 'z' };
  }
}
