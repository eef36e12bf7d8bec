export { builtInScenarios } from './builtInScenarios.js';
export { playStory } from './playStory.js';
export { sampleGridGeoJson } from './sampleGridGeoJson.js';
export { sampleOrg } from './sampleOrg.js';
export { sampleDutyLists, sampleSlaPolicy } from './samplePolicies.js';
export { type SeedStory, type StoryStep, seedStories } from './seedStories.js';
