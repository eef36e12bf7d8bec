import fc from 'fast-check';

// CI runs every property with one fixed seed so that a landing is reproducible; local runs draw
// fresh seeds (set FC_SEED to replay one).
const seed = process.env.FC_SEED ?? (process.env.CI ? '20261128' : undefined);
if (seed !== undefined) {
  process.env.FC_SEED = seed;
  fc.configureGlobal({ seed: Number(seed) });
}
