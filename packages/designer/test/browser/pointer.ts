import { cdp } from 'vitest/browser';

/** Where the test page's iframe sits in the browser page, and its scale. */
function frameOffset(): { x: number; y: number; scale: number } {
  const el = window.frameElement as HTMLElement | null;
  if (!el) return { x: 0, y: 0, scale: 1 };
  const r = el.getBoundingClientRect();
  return { x: r.left, y: r.top, scale: r.width / window.innerWidth };
}

const toPage = (p: { x: number; y: number }) => {
  const f = frameOffset();
  return { x: f.x + p.x * f.scale, y: f.y + p.y * f.scale };
};

type MouseType = 'mouseMoved' | 'mousePressed' | 'mouseReleased';
const send = (type: MouseType, p: { x: number; y: number }, buttons: number) =>
  cdp().send('Input.dispatchMouseEvent', {
    type,
    ...toPage(p),
    button: 'left',
    buttons,
    clickCount: type === 'mouseMoved' ? 0 : 1,
  });

/** The centre (or an offset from the top-left) of an element, in the test page's coordinates. */
export function at(el: Element, dx?: number, dy?: number): { x: number; y: number } {
  const r = el.getBoundingClientRect();
  return { x: r.left + (dx ?? r.width / 2), y: r.top + (dy ?? r.height / 2) };
}

/** A real mouse drag through the Chrome DevTools protocol: press, move in steps, release. */
export async function mouseDrag(
  from: { x: number; y: number },
  to: { x: number; y: number },
  steps = 8,
) {
  await send('mouseMoved', from, 0);
  await send('mousePressed', from, 1);
  for (let i = 1; i <= steps; i++) {
    const p = {
      x: from.x + ((to.x - from.x) * i) / steps,
      y: from.y + ((to.y - from.y) * i) / steps,
    };
    await send('mouseMoved', p, 1);
  }
  await send('mouseReleased', to, 0);
}

let listening = false;
let onIntercepted: ((data: unknown) => void) | undefined;

/**
 * A real HTML5 drag-and-drop (the palette onto the canvas): Chrome's drag is intercepted
 * through the DevTools protocol and its data dropped at `to`, as a user's drop would be.
 */
export async function html5Drag(from: { x: number; y: number }, to: { x: number; y: number }) {
  const session = cdp();
  // the first command opens the DevTools session; a listener registered before it would land
  // on a second session
  await session.send('Input.setInterceptDrags', { enabled: true });
  if (!listening) {
    // one listener for the whole file (vitest's `once`/`off` do not reach the server side)
    session.on('Input.dragIntercepted', (e: { data: unknown }) => onIntercepted?.(e.data));
    listening = true;
  }
  const data = new Promise<unknown>((resolve) => {
    onIntercepted = resolve;
  });
  await send('mouseMoved', from, 0);
  await send('mousePressed', from, 1);
  for (let i = 1; i <= 4; i++) {
    await send(
      'mouseMoved',
      { x: from.x + (to.x - from.x) * (i / 40), y: from.y + (to.y - from.y) * (i / 40) },
      1,
    );
  }
  const dragData = await data;
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
    await session.send('Input.dispatchDragEvent', { type, ...toPage(to), data: dragData as never });
  }
  await send('mouseReleased', to, 0);
  await session.send('Input.setInterceptDrags', { enabled: false });
}
