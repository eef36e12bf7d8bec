import type { PhotoType } from './PhotoStore.js';

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

/**
 * The image type of some bytes by their magic numbers — JPEG `FF D8 FF`, PNG `89 50 4E 47 0D
 * 0A 1A 0A`, WebP `RIFF····WEBP` — or `undefined` for anything else, whatever a header says.
 *
 * @example
 * ```ts
 * import { sniffPhotoType } from '@zhizhi/server';
 * sniffPhotoType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])); // 'image/jpeg'
 * ```
 */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  return undefined;
}
