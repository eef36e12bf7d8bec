import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFolder } from '../src/start/serveFolder.js';
import { testServer } from './http.helpers.js';

describe('serveFolder', () => {
  let server: Awaited<ReturnType<typeof testServer>>;
  const root = mkdtempSync(join(tmpdir(), 'zz-serve-'));
  const dir = join(root, 'site');
  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>门户</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, '.env'), 'SECRET=1');
    writeFileSync(join(dir, 'notes.exe'), 'MZ');
    writeFileSync(join(root, 'outside.txt'), 'outside');
    symlinkSync(join(root, 'outside.txt'), join(dir, 'link.txt'));
    server = await testServer();
    serveFolder(server.app, { mount: '/portal', dir });
  });
  afterAll(() => server.close());

  it('given the mount, then it redirects to the folder and serves index.html under the strict CSP', async () => {
    const bare = await server.app.inject({ method: 'GET', url: '/portal' });
    expect(bare.statusCode).toBe(302);
    expect(bare.headers.location).toBe('/portal/');
    const page = await server.app.inject({ method: 'GET', url: '/portal/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('门户');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('given a file in a sub-folder, then it is served with its type', async () => {
    const js = await server.app.inject({ method: 'GET', url: '/portal/assets/app.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('console.log(1)');
  });

  it.each([
    '/portal/../package.json',
    '/portal/%2e%2e/outside.txt',
    '/portal/..%2foutside.txt',
    '/portal/assets/..%2f..%2foutside.txt',
    '/portal/.env',
    '/portal/notes.exe',
    '/portal/link.txt',
    '/portal/missing.js',
    '/portal//etc/passwd',
  ])('given %s, then 404 in the API error shape and nothing outside the folder', async (url) => {
    const res = await server.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('outside');
    expect(res.body).not.toContain('SECRET');
    expect(res.json()).toMatchObject({ code: 'route.notFound' });
  });
});
