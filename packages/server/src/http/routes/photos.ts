import { createHash } from 'node:crypto';
import type { CaseRecord, Member } from '@zhizhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Photo, PhotoStore, PhotoType } from '../../photos/PhotoStore.js';
import { sniffPhotoType } from '../../photos/sniffPhotoType.js';
import { seesTown } from '../auth.js';
import { type Caller, type Ctx, caller } from '../context.js';
import { fail } from '../errors.js';
import { errors } from '../schemas.js';
import { maySeeCase } from './cases.js';

const TYPES: readonly PhotoType[] = ['image/jpeg', 'image/png', 'image/webp'];
const EXTENSION: Record<PhotoType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};
/** Roles of a town's command center: they may read every photo uploaded in their town. */
const COMMAND_CENTER = new Set(['dutyOfficer', 'commander']);

/** The URL a photo is served at (what a report's `photos` holds). */
export const photoUrl = (id: string) => `/api/photos/${id}`;

/** Whether `record` (a case) names the photo in its photos or in its trail's `photos`. */
async function caseShows(ctx: Ctx, record: CaseRecord, url: string): Promise<boolean> {
  if ((record.context.photos ?? []).includes(url)) return true;
  const trail = await ctx.client.audit(record.id);
  return trail.some((e) => {
    const photos = (e.data as { photos?: unknown } | undefined)?.photos;
    return Array.isArray(photos) && photos.includes(url);
  });
}

/**
 * Who may read a photo (docs/server.md, "Photos"): everyone who may see a case it is linked to
 * (`?case=` names the case; the case must show the photo), else its uploaders and the duty
 * officers and commanders of the town it was uploaded in.
 */
async function mayRead(ctx: Ctx, c: Caller, photo: Photo, caseId: string | undefined) {
  const member: Member = c.member;
  if (photo.uploaders.includes(member.id)) return true;
  if (COMMAND_CENTER.has(member.role) && seesTown(c.scope, photo.townId)) return true;
  if (caseId === undefined) return false;
  const record = await ctx.client.getCase(caseId);
  if (!record || !maySeeCase(c, record)) return false;
  return caseShows(ctx, record, photoUrl(photo.id));
}

/**
 * `POST /api/photos` (an image body, checked by its magic bytes, at most `limitBytes`) → 201
 * `{ url }`; `GET /api/photos/{id}` serves it to those who may read it.
 */
export function photoRoutes(
  app: FastifyInstance,
  ctx: Ctx,
  photos: PhotoStore,
  limitBytes: number,
): void {
  app.register(async (scope) => {
    // image bodies only here (an encapsulated scope: other routes still take JSON only)
    scope.addContentTypeParser(
      [...TYPES],
      { parseAs: 'buffer', bodyLimit: limitBytes },
      (_req, body, done) => done(null, body),
    );
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/api/photos',
      {
        schema: {
          summary: 'Upload a photo (JPEG, PNG or WebP; the body is the image)',
          description: `Content-Type must be image/jpeg, image/png or image/webp (415 otherwise) and match the image's magic bytes (415 \`photo.typeMismatch\`); at most ${limitBytes} bytes (413). The id is the SHA-256 of the bytes: the same photo again answers the same URL.`,
          tags: ['photos'],
          response: {
            201: z.object({ url: z.string(), id: z.string(), contentType: z.string() }),
            ...errors(413, 415),
          },
        },
      },
      async (req, reply) => {
        const c = caller(req);
        const bytes = req.body as Buffer | undefined;
        const declared = String(req.headers['content-type'] ?? '')
          .split(';')[0]
          ?.trim()
          .toLowerCase() as PhotoType;
        if (!bytes || bytes.length === 0) fail(400, 'photo.empty', {}, ['body']);
        const actual = sniffPhotoType(bytes);
        if (actual === undefined || actual !== declared)
          fail(415, 'photo.typeMismatch', { declared, actual: actual ?? 'unknown' }, ['body']);
        const id = createHash('sha256').update(bytes).digest('hex');
        const townId = ctx.directory.townOfMember(c.member) ?? '';
        await photos.put({
          id,
          townId,
          contentType: actual,
          bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
          uploader: c.member.id,
          uploadedAt: ctx.client.clock.now(),
        });
        const url = photoUrl(id);
        reply.header('Location', url);
        return reply.code(201).send({ url, id, contentType: actual });
      },
    );

    r.get(
      '/api/photos/:id',
      {
        schema: {
          summary:
            'A photo (its uploaders, the town’s command center, or — with ?case= — whoever may see that case)',
          tags: ['photos'],
          params: z.object({ id: z.string().regex(/^[0-9a-f]{64}$/) }),
          querystring: z.object({ case: z.string().min(1).max(300).optional() }),
          response: { ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const c = caller(req);
        const photo = await photos.get(req.params.id);
        if (!photo) fail(404, 'photo.notFound', { id: req.params.id });
        if (!(await mayRead(ctx, c, photo, req.query.case))) fail(403, 'auth.outsideScope');
        return reply
          .header('Content-Type', photo.contentType)
          .header('X-Content-Type-Options', 'nosniff')
          .header(
            'Content-Disposition',
            `inline; filename="${photo.id.slice(0, 16)}.${EXTENSION[photo.contentType]}"`,
          )
          .header('Cache-Control', 'private, max-age=31536000, immutable')
          .header('ETag', `"${photo.id}"`)
          .header('Content-Security-Policy', "default-src 'none'; sandbox")
          .send(Buffer.from(photo.bytes) as never);
      },
    );
  });
}
