// HttpClient.uploadPhoto and fetchPhoto against a server on PGlite: the URL a report holds, the
// bytes back with the reader's token, refusals as HttpClientError, and no token sent elsewhere.
import { PGlite } from '@electric-sql/pglite';
import { PgStore, pgliteDriver } from '@zhizhi/server';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpClient, HttpClientError } from '../src/index.js';
import { DUTY, demoTokens, report, serve, WORKER } from './helpers.js';

const db = await PGlite.create('memory://');
afterAll(() => db.close());

let t: Awaited<ReturnType<typeof serve>>;
beforeEach(async () => {
  await db.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  t = await serve(await PgStore.open(await pgliteDriver(db)));
});
afterEach(() => t.close());

const jpeg = () => {
  const b = new Uint8Array(256).fill(7);
  b.set([0xff, 0xd8, 0xff, 0xe0]);
  return new Blob([b], { type: 'image/jpeg' });
};

describe('HttpClient photos', () => {
  it('given a JPEG uploaded as the worker, then its URL goes into a report and another member reads the bytes through that case', async () => {
    const url = await t.client.uploadPhoto(jpeg(), WORKER);
    expect(url).toMatch(/^\/api\/photos\/[0-9a-f]{64}$/);
    const r = await t.client.report({ ...report('带照片'), photos: [url] });
    expect(r.ok).toBe(true);
    const caseId = r.ok ? r.record.id : '';
    const other = new HttpClient({
      baseUrl: t.baseUrl,
      tokenFor: demoTokens(t.baseUrl),
      reader: 'qj-sj-c1-g2-worker',
    });
    await expect(other.fetchPhoto(url)).rejects.toBeInstanceOf(HttpClientError);
    const blob = await other.fetchPhoto(url, { caseId });
    expect(blob.type).toBe('image/jpeg');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(
      new Uint8Array(await jpeg().arrayBuffer()),
    );
    const duty = new HttpClient({
      baseUrl: t.baseUrl,
      tokenFor: demoTokens(t.baseUrl),
      reader: DUTY,
    });
    expect((await duty.fetchPhoto(`${t.baseUrl}${url}`)).size).toBe(256);
  });

  it('given a spoofed image, then uploadPhoto throws the server’s error; given another origin’s URL, fetchPhoto refuses without a request', async () => {
    const fake = new Blob(['<svg onload=alert(1)>'], { type: 'image/png' });
    const refused = await t.client.uploadPhoto(fake, WORKER).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HttpClientError);
    expect((refused as HttpClientError).error.code).toBe('photo.typeMismatch');
    expect((refused as HttpClientError).status).toBe(415);
    let requests = 0;
    const counting = new HttpClient({
      baseUrl: t.baseUrl,
      token: 'secret-token-value',
      fetch: async (...args) => {
        requests++;
        return fetch(...args);
      },
    });
    const elsewhere = await counting
      .fetchPhoto(`https://evil.example/api/photos/${'a'.repeat(64)}`)
      .catch((e: unknown) => e);
    expect((elsewhere as HttpClientError).error.code).toBe('client.invalid');
    expect(requests).toBe(0);
  });
});
