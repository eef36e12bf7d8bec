const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const W = new Uint32Array(64);
let buffer = new Uint8Array(1024);

function utf8(text: string): number {
  // worst case 3 bytes per UTF-16 unit, plus padding
  const need = text.length * 3 + 72;
  if (buffer.length < need) buffer = new Uint8Array(need * 2);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) buffer[n++] = c;
    else if (c < 0x800) {
      buffer[n++] = 0xc0 | (c >> 6);
      buffer[n++] = 0x80 | (c & 63);
    } else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        i++;
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        buffer[n++] = 0xf0 | (c >> 18);
        buffer[n++] = 0x80 | ((c >> 12) & 63);
        buffer[n++] = 0x80 | ((c >> 6) & 63);
        buffer[n++] = 0x80 | (c & 63);
      } else n = put3(0xfffd, n);
    } else if (c >= 0xd800 && c < 0xe000) n = put3(0xfffd, n);
    else n = put3(c, n);
  }
  return n;
}

function put3(c: number, n: number): number {
  buffer[n] = 0xe0 | (c >> 12);
  buffer[n + 1] = 0x80 | ((c >> 6) & 63);
  buffer[n + 2] = 0x80 | (c & 63);
  return n + 3;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * SHA-256 of a string's UTF-8 bytes, as 64 lowercase hex digits. Synchronous and dependency
 * free so that the audit chain works the same in a browser, a worker and Node.
 *
 * @example
 * ```ts
 * import { sha256 } from '@zhizhi/core';
 * sha256('abc'); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 * ```
 */
export function sha256(text: string): string {
  const len = utf8(text);
  const total = (((len + 8) >> 6) + 1) << 6;
  buffer.fill(0, len, total);
  buffer[len] = 0x80;
  const bits = len * 8;
  buffer[total - 4] = (bits >>> 24) & 255;
  buffer[total - 3] = (bits >>> 16) & 255;
  buffer[total - 2] = (bits >>> 8) & 255;
  buffer[total - 1] = bits & 255;
  buffer[total - 5] = Math.floor(bits / 2 ** 32) & 255;
  let h0 = 0x6a09e667;
  let h1 = 0xbb67ae85;
  let h2 = 0x3c6ef372;
  let h3 = 0xa54ff53a;
  let h4 = 0x510e527f;
  let h5 = 0x9b05688c;
  let h6 = 0x1f83d9ab;
  let h7 = 0x5be0cd19;
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 16; i++) {
      const j = off + i * 4;
      W[i] =
        ((buffer[j] as number) << 24) |
        ((buffer[j + 1] as number) << 16) |
        ((buffer[j + 2] as number) << 8) |
        (buffer[j + 3] as number);
    }
    for (let i = 16; i < 64; i++) {
      const a = W[i - 15] as number;
      const b = W[i - 2] as number;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      W[i] = ((W[i - 16] as number) + s0 + (W[i - 7] as number) + s1) | 0;
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let f = h5;
    let g = h6;
    let h = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + S1 + ((e & f) ^ (~e & g)) + (K[i] as number) + (W[i] as number)) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
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
  let out = '';
  for (const v of [h0, h1, h2, h3, h4, h5, h6, h7]) {
    out +=
      (HEX[(v >>> 24) & 255] as string) +
      HEX[(v >>> 16) & 255] +
      HEX[(v >>> 8) & 255] +
      HEX[v & 255];
  }
  return out;
}
