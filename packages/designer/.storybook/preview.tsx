import '@xyflow/react/dist/style.css';
import '../src/canvas/designer.css';
import '../src/app/app.css';
import type { Preview } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { axeViolations } from '../test/browser/axeViolations.js';

const preview: Preview = {
  parameters: { layout: 'padded' },
  // every story, after its play function: axe-core finds no violations
  async afterEach({ canvasElement }) {
    await expect(await axeViolations(canvasElement)).toEqual([]);
  },
};

export default preview;
