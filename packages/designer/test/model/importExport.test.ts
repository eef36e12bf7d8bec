import { describe, expect, test } from 'vitest';
import {
  createDraft,
  type Draft,
  execute,
  exportMachine,
  exportScenario,
  formatScenario,
  importScenario,
  scenarioTemplates,
  undo,
} from '../../src/model/index.js';
import { builtInIds, builtInText } from './helpers.js';

describe('import and export', () => {
  test.each(builtInIds)('%s: untouched import exports byte for byte', (id) => {
    const text = builtInText(id);
    const imported = importScenario(text);
    expect(imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(imported.doc?.id).toBe(id);
    expect(exportScenario(imported.doc as never, { source: imported.source })).toBe(text);
  });

  test.each(builtInIds)(
    '%s: edited and undone back, still byte for byte; edited, re-formatted',
    (id) => {
      const text = builtInText(id);
      const imported = importScenario(text);
      const doc = imported.doc as NonNullable<typeof imported.doc>;
      const first = doc.steps[0]?.id as string;
      let draft: Draft = createDraft(doc);
      const r = execute(draft, { type: 'moveStep', step: first, position: { x: -1, y: -1 } });
      if (r.ok) draft = r.draft;
      const edited = exportScenario(draft.doc, { source: imported.source });
      expect(edited).not.toBe(text);
      expect(edited).toBe(formatScenario(draft.doc));
      expect(JSON.parse(edited)).toEqual(draft.doc);
      expect(exportScenario(undo(draft).doc, { source: imported.source })).toBe(text);
    },
  );

  test('a broken document opens with its diagnostics; text that is not JSON does not', () => {
    const doc = JSON.parse(builtInText('elderly-health-band'));
    doc.steps[0].outcomes[0].to = 'nowhere';
    const broken = importScenario(JSON.stringify(doc));
    expect(broken.doc).not.toBeNull();
    const unknown = broken.diagnostics.find((d) => d.code === 'scenario.unknownStep');
    expect(unknown?.stepId).toBe('call');
    const dup = importScenario('{"id": "a",\n "id": "b"}');
    expect(dup.doc).toBeNull();
    expect(dup.diagnostics[0]).toMatchObject({ code: 'json.duplicateKey', path: ['id'], line: 2 });
  });

  test('machine JSON is core’s compile output, and refused while errors remain', () => {
    const imported = importScenario(builtInText('smoke-alarm'));
    const doc = imported.doc as NonNullable<typeof imported.doc>;
    const machine = exportMachine(doc);
    expect(machine.ok && machine.machine.id).toBeTruthy();
    const again = exportMachine(structuredClone(doc));
    expect(JSON.stringify(again.ok && again.machine)).toBe(
      JSON.stringify(machine.ok && machine.machine),
    );
    const cut = execute(createDraft(doc), {
      type: 'disconnect',
      from: doc.steps[0]?.id as string,
      outcome: 'next',
    });
    expect(cut.ok).toBe(true);
    const refused = exportMachine(cut.draft.doc);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.check.errors.length).toBeGreaterThan(0);
  });

  test('templates are the five built-in scenarios, each a fresh copy', () => {
    const t = scenarioTemplates();
    expect(t.map((x) => x.id).sort()).toEqual([...builtInIds].sort());
    expect(t.every((x) => x.name.zh && x.name.en)).toBe(true);
    const [first] = t;
    if (first) first.doc.steps.length = 0;
    expect(scenarioTemplates()[0]?.doc.steps.length).toBeGreaterThan(0);
  });
});
