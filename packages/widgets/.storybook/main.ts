import type { StorybookConfig } from '@storybook/web-components-vite';

// Storybook 10 (ESM only, Node 20.19+): one story file per element in stories/, each story
// seeded from the sample org through a LocalClient. `pnpm test` runs every story as a test
// (play function + axe-core) through @storybook/addon-vitest; see vitest.config.ts.
const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  viteFinal: (vite) => ({
    ...vite,
    // pre-bundled at start: discovered mid-run, Vite would reload the page under a story
    optimizeDeps: {
      ...vite.optimizeDeps,
      include: [...(vite.optimizeDeps?.include ?? []), 'idb', 'axe-core'],
    },
  }),
};

export default config;
