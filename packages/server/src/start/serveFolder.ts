import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { ZhizhiServer } from '../http/createServer.js';
import { DEMO_CSP } from './demoAssets.js';

/** A folder of static files (a UI package's build, an example page) served under one path. */
export interface ServedFolder {
  /** Where it is served, e.g. `/portal` (no trailing slash); `/portal/` serves `index.html`. */
  mount: string;
  /** The folder on disk. */
  dir: string;
  /** What `startServer` prints before its URL (none: not printed). */
  title?: { zh: string; en: string };
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** At most this many files and bytes are read from one folder (a wrong `dir` must not load a disk). */
const MAX_FILES = 2_000;
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * The files of a folder, read once at start: `relative path → bytes`. Only regular files
 * with a known type; dot-files and folders are skipped; symbolic links are not followed.
 */
function readFolder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let bytes = 0;
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && types[extname(entry.name)] !== undefined) {
        bytes += statSync(path).size;
        if (files.size >= MAX_FILES || bytes > MAX_BYTES) {
          throw new Error(`${dir}: more than ${MAX_FILES} files or ${MAX_BYTES} bytes to serve`);
        }
        files.set(relative(dir, path).split(sep).join('/'), readFileSync(path));
      }
    }
  };
  walk(dir);
  return files;
}

/**
 * Serves a folder's files under `mount`, each with the demo's strict Content-Security-Policy
 * (`default-src 'self'`: no inline script or style, no eval). The files are read once when the
 * server starts and looked up by exact name, so no request path ever reaches the file system
 * (`..`, encoded slashes and the like simply find nothing: 404).
 *
 * @example
 * ```ts
 * import { createServer, serveFolder } from '@zhizhi/server';
 * declare const app: Awaited<ReturnType<typeof createServer>>;
 * serveFolder(app, { mount: '/portal', dir: 'examples/portal' });
 * ```
 */
export function serveFolder(app: ZhizhiServer, folder: ServedFolder): number {
  const files = readFolder(folder.dir);
  const mount = folder.mount.replace(/\/+$/, '');
  app.get(
    `${mount}/*`,
    { schema: { hide: true }, config: { public: true } },
    async (req, reply) => {
      const wanted = (req.params as { '*': string })['*'] || 'index.html';
      const file = files.has(wanted) ? wanted : `${wanted.replace(/\/$/, '')}/index.html`;
      const body = files.get(file);
      if (body === undefined) return reply.callNotFound();
      return reply
        .header('Content-Security-Policy', DEMO_CSP)
        .header('Referrer-Policy', 'no-referrer')
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'no-cache')
        .type(types[extname(file)] ?? 'application/octet-stream')
        .send(body);
    },
  );
  app.get(mount, { schema: { hide: true }, config: { public: true } }, async (_req, reply) =>
    reply.redirect(`${mount}/`, 302),
  );
  return files.size;
}
