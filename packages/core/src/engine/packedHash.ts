declare const TextDecoder: new () => { decode(bytes: Uint8Array): string };

const HEX = new Uint8Array(128).fill(255);
for (let i = 0; i < 16; i++) HEX[(i < 10 ? 48 : 87) + i] = i;
const CODES: number[] = new Array(32).fill(0);
const CHARS = new Uint8Array(64);
const decoder = new TextDecoder();

/**
 * A SHA-256 hash as 64 lowercase hex digits packed into a one-byte string of 32 characters
 * (one per byte: 48 B in V8 instead of 80 B), or `undefined` if `hex` is not such a hash.
 *
 * @internal
 */
export function packHash(hex: string): string | undefined {
  if (hex.length !== 64) return undefined;
  for (let i = 0; i < 32; i++) {
    const hi = HEX[hex.charCodeAt(2 * i)] ?? 255;
    const lo = HEX[hex.charCodeAt(2 * i + 1)] ?? 255;
    if ((hi | lo) > 15) return undefined;
    CODES[i] = (hi << 4) | lo;
  }
  return String.fromCharCode.apply(null, CODES);
}

/**
 * The 64 lowercase hex digits of a hash {@link packHash} packed, as one flat string.
 *
 * @internal
 */
export function unpackHash(packed: string): string {
  for (let i = 0; i < 32; i++) {
    const byte = packed.charCodeAt(i);
    const hi = byte >> 4;
    const lo = byte & 15;
    CHARS[2 * i] = hi < 10 ? 48 + hi : 87 + hi;
    CHARS[2 * i + 1] = lo < 10 ? 48 + lo : 87 + lo;
  }
  return decoder.decode(CHARS);
}
