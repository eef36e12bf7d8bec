import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { checkDraft } from '../src/model/index.js';
import { PictureButtons } from '../src/picture/PictureButtons.js';
import { healthBand } from './support/healthBand.js';

const meta = {
  title: 'Designer/PictureButtons',
  component: PictureButtons,
  args: { doc: healthBand(), check: checkDraft(healthBand()), lang: 'zh-CN', onPicture: fn() },
} satisfies Meta<typeof PictureButtons>;

export default meta;
type Story = StoryObj<typeof meta>;

const button = (canvas: HTMLElement, text: string) =>
  [...canvas.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.textContent === text,
  ) as HTMLButtonElement;
const picture = (onPicture: unknown, kind: 'svg' | 'png') =>
  (onPicture as ReturnType<typeof fn>).mock.calls.find((c) => c[0] === kind)?.[1] as
    | Blob
    | undefined;

/** SVG: the diagram from the document, every step's zh-CN label in it; PNG: a real PNG. */
export const Pictures: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(button(canvasElement, '导出图片 SVG'));
    const svg = picture(args.onPicture, 'svg');
    expect(svg?.type).toBe('image/svg+xml');
    const doc = new DOMParser().parseFromString((await svg?.text()) ?? '', 'image/svg+xml');
    expect(doc.documentElement.nodeName).toBe('svg');
    expect(doc.documentElement.textContent).toContain('电话联系老人');
    await userEvent.click(button(canvasElement, '导出图片 PNG'));
    const png = await waitFor(() => {
      const p = picture(args.onPicture, 'png');
      if (!p) throw new Error('no PNG yet');
      return p;
    });
    expect(png.type).toBe('image/png');
    // the PNG signature
    expect([...new Uint8Array(await png.slice(0, 4).arrayBuffer())]).toEqual([137, 80, 78, 71]);
  },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(button(canvasElement, 'Picture (SVG)'));
    expect(await picture(args.onPicture, 'svg')?.text()).toContain('Call the person');
    expect(button(canvasElement, 'Picture (PNG)')).toBeTruthy();
  },
};
