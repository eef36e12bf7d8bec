import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { expect, test } from 'vitest';

test('React 19 renders into real Chromium', () => {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  flushSync(() => root.render(createElement('p', { role: 'status' }, '智治 designer')));
  const status = host.querySelector('[role="status"]');
  expect(status?.textContent).toBe('智治 designer');
  expect(navigator.userAgent).toContain('Chrome');
  root.unmount();
  host.remove();
});
