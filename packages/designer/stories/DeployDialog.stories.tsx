import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Diagnostic } from '@zhizhi/core/scenario';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { DeployDialog } from '../src/deploy/DeployDialog.js';
import type { ScenarioDraft } from '../src/model/index.js';
import { FAKE_SERVER_URL, fakeServer } from './support/fakeServer.js';
import { healthBand } from './support/healthBand.js';

/** The version on the server: 0.9.0, whose `call` step had another label and no `notifyCare`. */
function previous(): ScenarioDraft {
  const doc = healthBand();
  doc.version = '0.9.0';
  const call = doc.steps.find((s) => s.id === 'call') as unknown as {
    label: { zh: string; en: string };
  };
  call.label = { zh: '电话联系', en: 'Call' };
  return doc;
}

/** What the server says to the PUT: the checker of the server found an error on `call`. */
const refusal: Diagnostic[] = [
  {
    code: 'scenario.assignee',
    path: ['steps', 0, 'assignee'],
    stepId: 'call',
    severity: 'error',
    message: { zh: '没有这个岗位', en: 'No such post' },
  },
];

const meta = {
  title: 'Designer/DeployDialog',
  component: DeployDialog,
  args: {
    doc: healthBand(),
    server: { url: FAKE_SERVER_URL, token: 'story-token' },
    lang: 'zh-CN',
    onFocus: fn(),
    onClose: fn(),
  },
} satisfies Meta<typeof DeployDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

const diff = (canvas: HTMLElement) =>
  waitFor(() => {
    const d = canvas.querySelector<HTMLElement>('[data-testid="deploy-diff"]');
    if (!d) throw new Error('no diff yet');
    return d;
  });
const confirm = (canvas: HTMLElement) =>
  canvas.querySelector<HTMLButtonElement>('[data-testid="deploy-confirm"]') as HTMLButtonElement;

/** The diff against 0.9.0 (the `call` step changed); confirming deploys 1.0.0. */
export const DiffAgainstPrevious: Story = {
  // the dialog's HttpClient talks to a fake server through the page's fetch, undone after
  beforeEach: () => fakeServer({ deployed: previous() }).restore,
  play: async ({ canvasElement }) => {
    const d = await diff(canvasElement);
    expect(canvasElement.querySelector('dialog')?.open).toBe(true);
    expect(d.textContent).toContain('与已部署的版本比较');
    const lines = [...d.querySelectorAll('li')].map((li) => li.textContent);
    expect(lines).toContain('修改步骤 `call`：label.zh, label.en');
    expect(d.querySelector('[role="alert"]')).toBeNull();
    await userEvent.click(confirm(canvasElement));
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-testid="deploy-done"]')?.textContent).toBe(
        '已部署: elderly-health-band@1.0.0',
      ),
    );
  },
};

/** Nothing deployed yet: the first version. */
export const FirstVersion: Story = {
  beforeEach: () => fakeServer({}).restore,
  play: async ({ canvasElement }) => {
    const d = await diff(canvasElement);
    expect(d.textContent).toContain('服务器上还没有此场景');
    expect(d.querySelectorAll('li')).toHaveLength(0);
  },
};

/** The server answers the PUT with 422 and a diagnostic; clicking it focuses `call` and closes. */
export const Refused: Story = {
  beforeEach: () => fakeServer({ deployed: previous(), refuse: refusal }).restore,
  play: async ({ canvasElement, args }) => {
    await diff(canvasElement);
    await userEvent.click(confirm(canvasElement));
    const refused = await waitFor(() => {
      const r = canvasElement.querySelector<HTMLElement>('[data-testid="deploy-refused"]');
      if (!r) throw new Error('not refused yet');
      return r;
    });
    expect(refused.textContent).toContain('服务器拒绝了部署');
    const item = refused.querySelector<HTMLButtonElement>('.zz-diagnostic--error');
    expect(item?.dataset.step).toBe('call');
    expect(item?.textContent).toContain('没有这个岗位');
    expect(confirm(canvasElement)).toBeNull();
    await userEvent.click(item as HTMLButtonElement);
    expect(args.onFocus).toHaveBeenCalledWith(expect.objectContaining({ stepId: 'call' }));
    await waitFor(() => expect(args.onClose).toHaveBeenCalled());
    expect(canvasElement.querySelector('dialog')?.open).toBe(false);
  },
};

export const English: Story = {
  args: { lang: 'en' },
  beforeEach: () => fakeServer({ deployed: previous() }).restore,
  play: async ({ canvasElement }) => {
    const d = await diff(canvasElement);
    expect(canvasElement.querySelector('h2')?.textContent).toContain('Deploy to the server');
    expect([...d.querySelectorAll('li')].map((li) => li.textContent)).toContain(
      'Step `call` changed: label.zh, label.en',
    );
    expect(confirm(canvasElement).textContent).toBe('Deploy now');
  },
};
