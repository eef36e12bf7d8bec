// Writes docs/sample-org.md and docs/sample-org.zh-CN.md from `sampleOrg` (run by `pnpm build`;
// test/sampleOrgDocs.test.ts fails when the committed files differ from what this writes).
import { writeFileSync } from 'node:fs';
import { builtInScenarios } from '../src/sample/builtInScenarios.js';
import { sampleOrg } from '../src/sample/sampleOrg.js';
import { renderOrgDoc, sampleOrgDocFiles } from './sampleOrgDocs.js';

for (const { path, lang } of sampleOrgDocFiles) {
  const target = new URL(`../../../${path}`, import.meta.url);
  writeFileSync(target, renderOrgDoc(sampleOrg, builtInScenarios, lang));
}
