import type { Preview } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import '../src/index.js';
import '../src/scenario.js';
import { axeViolations } from '../test/support/axeViolations.js';

const preview: Preview = {
  parameters: { layout: 'padded' },
  // every story, after its play function: axe-core finds no violations (shadow DOM included)
  async afterEach({ canvasElement }) {
    await expect(await axeViolations(canvasElement)).toEqual([]);
  },
};

export default preview;
