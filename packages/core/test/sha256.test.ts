import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../src/index.js';

describe('sha256', () => {
  it('given the FIPS 180-4 test vectors, when hashed, then it matches them', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('given any string (Chinese, emoji, lone surrogates, block boundaries), then it equals node:crypto', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme' }),
          fc.string({ unit: 'binary' }),
          fc.string({ minLength: 50, maxLength: 130 }),
          // lone and reversed surrogates, which UTF-8 writes as U+FFFD
          fc
            .array(
              fc.oneof(
                fc.integer({ min: 0xd800, max: 0xdfff }),
                fc.integer({ min: 0, max: 0xffff }),
              ),
              { maxLength: 20 },
            )
            .map((units) => String.fromCharCode(...units)),
        ),
        (s) => {
          expect(sha256(s)).toBe(createHash('sha256').update(s).digest('hex'));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
