/**
 * Why a photo could not be used: `heic`, a HEIC/HEIF photo the browser cannot decode, or
 * `unreadable`, not an image the browser can read.
 *
 * @example
 * ```ts
 * import { PhotoError, resizePhoto } from '@zhizhi/widgets';
 * try { await resizePhoto(file); } catch (e) { if (e instanceof PhotoError && e.code === 'heic') askForJpeg(); }
 * ```
 */
export class PhotoError extends Error {
  constructor(
    readonly code: 'heic' | 'unreadable',
    readonly fileName: string,
  ) {
    super(`${code}: ${fileName}`);
    this.name = 'PhotoError';
  }
}

const isHeic = (file: Blob & { name?: string }) =>
  /^image\/hei[cf]/i.test(file.type) || /\.hei[cf]$/i.test(file.name ?? '');

/**
 * A photo as a JPEG whose longer side is at most `maxSide` px (1600 by default), drawn on a
 * canvas in the browser. A HEIC photo is converted when the browser can decode it (Safari)
 * and refused with a {@link PhotoError} `heic` otherwise; anything else undecodable is
 * `unreadable`.
 *
 * @example
 * ```ts
 * import { resizePhoto } from '@zhizhi/widgets';
 * const jpeg = await resizePhoto(input.files[0]); // Blob, image/jpeg, ≤ 1600 px
 * ```
 */
export async function resizePhoto(
  file: Blob & { name?: string },
  maxSide = 1600,
  quality = 0.85,
): Promise<Blob> {
  const name = file.name ?? 'photo';
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PhotoError(isHeic(file) ? 'heic' : 'unreadable', name);
  }
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const g = canvas.getContext('2d');
  if (!g) throw new PhotoError('unreadable', name);
  g.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
}
