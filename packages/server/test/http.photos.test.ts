// Photos over HTTP: POST /api/photos takes JPEG, PNG or WebP bodies whose magic bytes match
// their Content-Type, up to a size limit, from an authenticated member, and answers a
// content-addressed URL; GET /api/photos/{id} serves it with safe headers to its uploader, the
// town's command center, or whoever may see a case that shows it (?case=).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUTY, reportBody, testServer, WORKER } from './http.helpers.js';

const OTHER_WORKER = 'qj-sj-c1-g2-worker';
const OTHER_TOWN_DUTY = 'qj-th-duty';
const LIMIT = 4096;

const jpeg = (fill: number, size = 64) => {
  const b = Buffer.alloc(size, fill);
  b.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return b;
};
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4, 1), Buffer.from('WEBPVP8 ')]);

let t: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  t = await testServer({ photoLimitBytes: LIMIT });
});
afterAll(() => t.close());

async function upload(member: string | undefined, body: Buffer | string, type: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/photos',
    headers: { 'content-type': type, ...(member ? await t.auth(member) : {}) },
    payload: body,
  });
}

async function read(member: string | undefined, url: string) {
  return t.app.inject({ url, headers: member ? await t.auth(member) : {} });
}

describe('photos over HTTP', () => {
  it('given a JPEG, a PNG and a WebP from a grid worker, then 201 with a content-addressed URL, and the worker reads each back with its type, nosniff, an inline file name and private caching', async () => {
    for (const [body, type, ext] of [
      [jpeg(1), 'image/jpeg', 'jpg'],
      [png, 'image/png', 'png'],
      [webp, 'image/webp', 'webp'],
    ] as const) {
      const res = await upload(WORKER, body, type);
      expect(res.statusCode).toBe(201);
      const { url, id } = res.json();
      expect(url).toBe(`/api/photos/${id}`);
      expect(id).toMatch(/^[0-9a-f]{64}$/);
      const got = await read(WORKER, url);
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toBe(type);
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(got.headers['content-disposition']).toBe(
        `inline; filename="${id.slice(0, 16)}.${ext}"`,
      );
      expect(got.headers['cache-control']).toBe('private, max-age=31536000, immutable');
      expect(Buffer.compare(got.rawPayload, body)).toBe(0);
    }
    // the same bytes again: the same URL
    const a = (await upload(WORKER, jpeg(1), 'image/jpeg')).json().url;
    const b = (await upload(WORKER, jpeg(1), 'image/jpeg')).json().url;
    expect(a).toBe(b);
  });

  it('given a type that is not an accepted image, then 415 and nothing is stored', async () => {
    expect((await upload(WORKER, 'hello', 'text/plain')).statusCode).toBe(415);
    const gif = Buffer.from('GIF89a\u0001\u0000\u0001\u0000');
    const res = await upload(WORKER, gif, 'image/gif');
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('request.unsupportedType');
  });

  it('given bytes that are not what the Content-Type says (spoofed), then 415 photo.typeMismatch naming both', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    for (const [body, type, actual] of [
      [html, 'image/jpeg', 'unknown'],
      [png, 'image/jpeg', 'image/png'],
      [jpeg(2), 'image/webp', 'image/jpeg'],
    ] as const) {
      const res = await upload(WORKER, body, type);
      expect(res.statusCode).toBe(415);
      expect(res.json()).toMatchObject({
        code: 'photo.typeMismatch',
        params: { declared: type, actual },
      });
    }
  });

  it('given a photo over the size limit, then 413 and nothing is stored', async () => {
    const big = jpeg(3, LIMIT + 1);
    const res = await upload(WORKER, big, 'image/jpeg');
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('request.tooLarge');
    expect((await upload(WORKER, jpeg(3, LIMIT), 'image/jpeg')).statusCode).toBe(201);
  });

  it('given no token, then neither upload nor read is allowed (401)', async () => {
    expect((await upload(undefined, jpeg(4), 'image/jpeg')).statusCode).toBe(401);
    const url = (await upload(WORKER, jpeg(4), 'image/jpeg')).json().url;
    expect((await read(undefined, url)).statusCode).toBe(401);
  });

  it('given a photo of a report, then another grid worker reads it only through a case that shows it, the town’s duty officer always, another town’s never', async () => {
    const url = (await upload(WORKER, jpeg(5), 'image/jpeg')).json().url;
    const unlinked = (await upload(WORKER, jpeg(6), 'image/jpeg')).json().url;
    expect((await read(OTHER_WORKER, url)).statusCode).toBe(403);
    expect((await read(DUTY, url)).statusCode).toBe(200);
    expect((await read(OTHER_TOWN_DUTY, url)).statusCode).toBe(403);
    const reported = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: await t.auth(WORKER),
      payload: { ...reportBody('配电箱冒烟'), photos: [url] },
    });
    expect(reported.statusCode).toBe(201);
    const caseId = reported.json().record.id;
    expect((await read(OTHER_WORKER, `${url}?case=${caseId}`)).statusCode).toBe(200);
    // a case that does not show the photo opens nothing
    expect((await read(OTHER_WORKER, `${unlinked}?case=${caseId}`)).statusCode).toBe(403);
    // a case the reader may not see opens nothing either
    expect((await read(OTHER_TOWN_DUTY, `${url}?case=${caseId}`)).statusCode).toBe(403);
    expect((await read(DUTY, `/api/photos/${'0'.repeat(64)}`)).statusCode).toBe(404);
  });
});
