declare const TextEncoder: new () => {
  encodeInto(text: string, into: Uint8Array): { read: number; written: number };
};
declare const TextDecoder: new () => { decode(bytes: Uint8Array): string };

// Round constants and initial hash: the first 32 bits of the fractional parts of the cube
// (square) roots of the first 64 (8) primes, computed rather than spelled out (FIPS 180-4 §4.2.2).
const K = new Int32Array(64);
const H0 = new Int32Array(8);
for (let n = 2, found = 0; found < 64; n++) {
  let prime = true;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = false;
  if (!prime) continue;
  if (found < 8) H0[found] = (Math.sqrt(n) % 1) * 2 ** 32;
  K[found++] = (Math.cbrt(n) % 1) * 2 ** 32;
}
const W = new Int32Array(64);
const encoder = new TextEncoder();
let block = new Uint8Array(1024);
let view = new DataView(block.buffer);
const CHARS = new Uint8Array(64);
const decoder = new TextDecoder();

/**
 * SHA-256 of a string's UTF-8 bytes, as 64 lowercase hex digits. Synchronous and dependency
 * free so that the audit chain works the same in a browser, a worker and Node (WebCrypto's
 * digest is async and missing on plain-http pages).
 *
 * @example
 * ```ts
 * import { sha256 } from '@zhizhi/core';
 * sha256('abc'); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 * ```
 */
export function sha256(text: string): string {
  // UTF-8 needs at most 3 bytes per UTF-16 unit; 72 more for padding and length
  if (block.length < text.length * 3 + 72) {
    block = new Uint8Array(text.length * 6 + 144);
    view = new DataView(block.buffer);
  }
  const len = encoder.encodeInto(text, block).written;
  const total = (((len + 8) >> 6) + 1) << 6;
  block.fill(0, len, total);
  block[len] = 0x80;
  const hi = Math.floor(len / 2 ** 29);
  const lo = len << 3;
  for (let i = 0; i < 4; i++) {
    block[total - 8 + i] = hi >>> (24 - 8 * i);
    block[total - 4 + i] = lo >>> (24 - 8 * i);
  }
  let h0 = H0[0] as number;
  let h1 = H0[1] as number;
  let h2 = H0[2] as number;
  let h3 = H0[3] as number;
  let h4 = H0[4] as number;
  let h5 = H0[5] as number;
  let h6 = H0[6] as number;
  let h7 = H0[7] as number;
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 16; i++) W[i] = view.getInt32(off + (i << 2));
    for (let i = 16; i < 64; i++) {
      const a = W[i - 15] as number;
      const b = W[i - 2] as number;
      W[i] =
        (W[i - 16] as number) +
        (((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3)) +
        (W[i - 7] as number) +
        (((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10));
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let f = h5;
    let g = h6;
    let h = h7;
    // the rotations written out: V8 did not inline `rotr` in this loop every time
    for (let i = 0; i < 64; i++) {
      const t1 =
        (h +
          (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) +
          (g ^ (e & (f ^ g))) +
          (K[i] as number) +
          (W[i] as number)) |
        0;
      const t2 =
        ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) +
          ((a & b) | (c & (a | b)))) |
        0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  // One flat string from char codes: `+` would keep a rope of pieces (~500 B more per hash,
  // and hashes are kept in every audit entry).
  const words = [h0, h1, h2, h3, h4, h5, h6, h7];
  for (let i = 0; i < 64; i++) {
    const nibble = ((words[i >> 3] as number) >>> (28 - 4 * (i & 7))) & 15;
    CHARS[i] = nibble < 10 ? 48 + nibble : 87 + nibble;
  }
  return decoder.decode(CHARS);
}
