import type { StorybookConfig } from '@storybook/react-vite';

// Storybook 10 (ESM only, Node 20.19+): a story per panel in stories/. `pnpm test` runs every
// story as a test (play function + axe-core) through @storybook/addon-vitest (vitest.config.ts).
const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.stories.tsx'],
  addons: ['@storybook/addon-vitest'],
  core: { disableTelemetry: true },
};

export default config;
