import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderOrgDoc, sampleOrgDocFiles } from '../scripts/sampleOrgDocs.js';
import { builtInScenarios } from '../src/sample/builtInScenarios.js';
import { sampleOrg } from '../src/sample/sampleOrg.js';

const repo = new URL('../../../', import.meta.url);

describe('docs/sample-org.md and docs/sample-org.zh-CN.md', () => {
  for (const { path, lang } of sampleOrgDocFiles) {
    it(`given the committed ${path}, then it is exactly what emitSampleOrgDocs writes from sampleOrg now`, () => {
      const committed = readFileSync(new URL(path, repo), 'utf8');
      const now = renderOrgDoc(sampleOrg, builtInScenarios, lang);
      // on failure: run `pnpm --filter @zhizhi/core build` (or `tsx scripts/emitSampleOrgDocs.ts` in packages/core) and commit
      expect(committed, `${path} is stale: regenerate it`).toBe(now);
    });

    it(`given ${path}, then every member, post, department and unit id of the sample org is in it`, () => {
      const text = renderOrgDoc(sampleOrg, builtInScenarios, lang);
      const all = [
        ...sampleOrg.members,
        ...sampleOrg.posts,
        ...sampleOrg.departments,
        ...sampleOrg.units,
      ].map((x) => x.id);
      expect(all.filter((id) => !text.includes(`\`${id}\``))).toEqual([]);
    });
  }

  it('given the members tables, then each member is listed once, under a place', () => {
    const text = renderOrgDoc(sampleOrg, builtInScenarios, 'en');
    const members = text.slice(text.indexOf('\n## Members'));
    for (const m of sampleOrg.members) {
      expect(members.split(`| \`${m.id}\` |`).length - 1, m.id).toBe(1);
    }
    expect(members).not.toContain('### Elsewhere');
  });

  it('given a post the sample org does not have, then the rendering changes (the check can fail)', () => {
    const org = structuredClone(sampleOrg);
    org.posts.push({
      id: 'qj-sj-new',
      townId: 'qj-sj',
      section: 'partyBuilding',
      name: { zh: '新岗', en: 'New post' },
    });
    expect(renderOrgDoc(org, builtInScenarios, 'en')).not.toBe(
      renderOrgDoc(sampleOrg, builtInScenarios, 'en'),
    );
  });
});
