import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics/Diagnostic.js';
import { closestName } from '../src/diagnostics/didYouMean.js';
import { Directory } from '../src/org/Directory.js';
import { sampleOrg } from '../src/sample/sampleOrg.js';
import { validateScenario } from '../src/scenario/check/validateScenario.js';

// What the checker says: Chinese messages in Chinese, a suggestion for a near miss, and no
// message repeating the path a printer already shows (`path  code  message`).

const dir = new Directory(sampleOrg);
const folder = fileURLToPath(new URL('./fixtures/scenarios/', import.meta.url));
// biome-ignore lint/suspicious/noExplicitAny: tests mutate documents freely
const read = (path: string): any => JSON.parse(readFileSync(`${folder}${path}`, 'utf8'));
const base = () => read('valid/fire-check.json');
const one = (ds: Diagnostic[], code: string) => {
  const found = ds.filter((d) => d.code === code);
  expect(found, code).toHaveLength(1);
  return found[0] as Diagnostic;
};

/** Every diagnostic of every invalid fixture, and of a document with one mistake of each kind. */
function everything(): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of readdirSync(`${folder}invalid`).filter((x) => x.endsWith('.json'))) {
    const { $expect: _, ...doc } = read(`invalid/${f}`);
    out.push(...validateScenario(doc, dir));
  }
  const doc = base();
  doc.steps[0].form = ['levle'];
  doc.steps[1].otherwise = 'dnoe';
  doc.steps[3].to.push(
    { kind: 'role', id: 'gridworker' },
    { kind: 'grid', id: 'qj-sj-c1-g9' },
    { kind: 'commandCenter', id: 'qj-xx' },
  );
  doc.steps[3].channels.push('screen');
  doc.kpis = [
    { id: 'k', kind: 'coverage', label: { zh: '覆盖', en: 'Cover' }, campaign: 'inform' },
  ];
  out.push(...validateScenario(doc, dir));
  return out;
}

describe('scenario messages', () => {
  it('given every diagnostic the fixtures produce, then the Chinese message has no English words outside `code`', () => {
    for (const d of everything()) {
      const outsideCode = d.message.zh.replace(/`[^`]*`/g, '');
      expect(outsideCode, `${d.code}: ${d.message.zh}`).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  it('given every diagnostic the fixtures produce, then no message repeats its own path in any notation', () => {
    for (const d of everything()) {
      if (d.path.length < 2) continue;
      const dotted = d.path.join('.');
      const bracketed = d.path
        .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`))
        .join('');
      for (const m of [d.message.en, d.message.zh]) {
        expect(m, d.code).not.toContain(dotted);
        expect(m, d.code).not.toContain(bracketed);
      }
    }
  });

  it('given a near-miss step, field or role name, then the message suggests the right one in both languages', () => {
    const doc = base();
    doc.steps[0].form = ['levle'];
    doc.steps[1].otherwise = 'dnoe';
    doc.steps[3].to.push({ kind: 'role', id: 'gridworker' });
    const ds = validateScenario(doc, dir);
    expect(one(ds, 'scenario.unknownStep').message.en).toContain('did you mean `done`?');
    expect(one(ds, 'scenario.unknownField').message.zh).toContain('是否指 `level`？');
    const role = one(ds, 'scenario.unknownRecipient').message;
    expect(role.en).toContain('did you mean `gridWorker`?');
    expect(role.zh).toContain('是否指 `gridWorker`（专职网格员）？');
    expect(role.zh).toContain('接收方角色');
  });

  it('given an assignee role spelt with the wrong case, then the shape error suggests the role', () => {
    const doc = base();
    doc.steps[0].assignee = { role: 'dutyofficer' };
    const d = one(validateScenario(doc, dir), 'scenario.schema');
    expect(d.message.en).toContain('did you mean `dutyOfficer`?');
    expect(d.message.zh).toContain('是否指 `dutyOfficer`');
  });

  it('given a coverage KPI naming a notify step, then the step kind is named in Chinese', () => {
    const doc = base();
    doc.kpis = [
      { id: 'k', kind: 'coverage', label: { zh: '覆盖', en: 'Cover' }, campaign: 'inform' },
    ];
    const d = one(validateScenario(doc, dir), 'scenario.kpiNotCampaign');
    expect(d.message.zh).toContain('是通知步骤');
    expect(d.message.en).toContain('a notify step');
  });

  it('given an undeclared role, then the Chinese message names the role by its Chinese label', () => {
    const doc = base();
    doc.participants.roles = ['dutyOfficer'];
    const d = one(validateScenario(doc, dir), 'scenario.undeclaredParticipant');
    expect(d.message.zh).toContain('专职网格员');
    expect(d.message.zh).toContain('`gridWorker`');
  });

  it('given personal data sent to a grid and on a screen, then each message gives the fix that applies and no other', () => {
    const doc = base();
    doc.steps[3].to = [{ kind: 'grid', id: 'qj-sj-c1-g1' }];
    doc.steps[3].channels = ['app', 'screen'];
    const ds = validateScenario(doc, dir).filter((d) => d.code === 'scenario.piiExposed');
    const [grid, screen] = [
      ds.find((d) => d.path[2] === 'to'),
      ds.find((d) => d.path[2] === 'channels'),
    ];
    expect(grid?.message.en).not.toMatch(/screen/);
    expect(grid?.message.en).toMatch(
      /post, department, role \(not residents or part-time grid workers\) or family/,
    );
    expect(screen?.message.en).not.toMatch(/post|department|family/);
    expect(screen?.message.zh).toContain('大屏');
  });
});

describe('closestName', () => {
  it('given candidates, then a case-only difference, a swap, a dropped or an added letter is found, and a far name is not', () => {
    const suggest = closestName(['done', 'dispatch', 'gridWorker', 'location.address']);
    expect(suggest('Done')).toBe('done');
    expect(suggest('dnoe')).toBe('done');
    expect(suggest('dispach')).toBe('dispatch');
    expect(suggest('location.adress')).toBe('location.address');
    expect(suggest('gridworkers')).toBe('gridWorker');
    expect(suggest('escalate')).toBeUndefined();
    expect(suggest('done')).toBeUndefined(); // already right
  });

  it('given 5,000 candidates and 2,000 misspelt names, then it stays fast (its work is bounded)', () => {
    const suggest = closestName(
      Array.from({ length: 5000 }, (_, i) => `step-number-${i}-of-the-long-scenario`),
    );
    const t0 = performance.now();
    for (let i = 0; i < 2000; i++) suggest(`stpe-number-${i}-of-the-long-scenario`);
    expect(performance.now() - t0).toBeLessThan(1500);
  });
});
