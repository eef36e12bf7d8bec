// Writes schema/scenario.schema.json from the zod schema (run by `pnpm build`).
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../src/scenario/document/scenarioJsonSchema.js';

const target = new URL('../schema/scenario.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
