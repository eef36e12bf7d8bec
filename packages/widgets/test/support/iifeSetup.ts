import nodeResolve from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import type { TestProject } from 'vitest/node';
import {
  nodeEnvProduction,
  onwarn,
  resolveOptions,
  treeshake,
} from '../../build/bundleOptions.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** dist/zhizhi-widgets.js as the build makes it (unminified here, to build faster). */
    widgetsIife: string;
  }
}

/** Builds the classic-script bundle once, for the tests that embed it like an old portal. */
export default async function setup(project: TestProject) {
  const build = await rollup({
    input: 'src/index.ts',
    treeshake,
    onwarn,
    plugins: [
      nodeResolve(resolveOptions),
      nodeEnvProduction(),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    ],
  });
  const { output } = await build.generate({ format: 'iife', name: 'ZhizhiWidgets' });
  await build.close();
  project.provide('widgetsIife', output[0].code);
}
