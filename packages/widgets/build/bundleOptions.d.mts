import type { Plugin, RollupLog, TreeshakingOptions } from 'rollup';

export function elementNames(dir?: string): string[];
export function onwarn(warning: RollupLog, warn: (w: RollupLog) => void): void;
export function moduleSideEffects(id: string): boolean;
export const treeshake: TreeshakingOptions;
export const resolveOptions: { browser: boolean; exportConditions: string[] };
export function isChartChunk(id: string): boolean;
export function nodeEnvProduction(): Plugin;
