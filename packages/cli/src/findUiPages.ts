import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A UI folder `zhizhi start` serves (the shape of `@zhizhi/server`'s `ServedFolder`). */
export interface UiPage {
  mount: string;
  dir: string;
  title: { zh: string; en: string };
}

/** The folder of an installed package, or `undefined` when it is not installed. */
function packageDir(name: string, from: string): string | undefined {
  try {
    return dirname(createRequire(from).resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

/**
 * The UI folders that are installed beside the CLI, for `zhizhi start` to serve on the server's
 * origin: `@zhizhi/widgets`'s build at `/widgets` (the classic-script bundle portals embed),
 * `@zhizhi/designer`'s standalone app at `/designer`, and — in a checkout of the repository,
 * where `examples/portal` sits two folders above the widgets package — the portal example at
 * `/portal`. Only folders that exist (built) are returned.
 *
 * @example
 * ```ts
 * import { findUiPages } from './findUiPages.js';
 * findUiPages(import.meta.url); // e.g. [{ mount: '/widgets', dir: '…/packages/widgets/dist', … }]
 * ```
 */
export function findUiPages(from: string): UiPage[] {
  const pages: UiPage[] = [];
  const widgets = packageDir('@zhizhi/widgets', from);
  if (widgets && existsSync(join(widgets, 'dist', 'zhizhi-widgets.js'))) {
    pages.push({
      mount: '/widgets',
      dir: join(widgets, 'dist'),
      title: { zh: '组件脚本', en: 'Widgets script' },
    });
    const portal = join(widgets, '..', '..', 'examples', 'portal');
    if (existsSync(join(portal, 'index.html'))) {
      pages.push({
        mount: '/portal',
        dir: portal,
        title: { zh: '门户示例', en: 'Portal example' },
      });
    }
  }
  const designer = packageDir('@zhizhi/designer', from);
  if (designer && existsSync(join(designer, 'dist-app', 'index.html'))) {
    pages.push({
      mount: '/designer',
      dir: join(designer, 'dist-app'),
      title: { zh: '场景设计器', en: 'Scenario designer' },
    });
  }
  return pages;
}
