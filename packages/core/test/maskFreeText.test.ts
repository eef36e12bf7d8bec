import { describe, expect, it } from 'vitest';
import { maskFreeText } from '../src/privacy.js';

describe('maskFreeText', () => {
  it('given mobile numbers in free text, then each is masked, also after +86 or split 3-4-4', () => {
    expect(maskFreeText('王大爷 13812345678 家漏水')).toBe('王大爷 138****5678 家漏水');
    expect(maskFreeText('电话:+86 139-1234-5678。')).toBe('电话:139****5678。');
    expect(maskFreeText('或 199 8765 4321')).toBe('或 199****4321');
  });

  it('given 18-character ID-card numbers, then they are masked, with an x or X check character', () => {
    expect(maskFreeText('身份证11010519491231002X，')).toBe('身份证1101**********002X，');
    expect(maskFreeText('id 11010519491231002x')).toBe('id 1101**********002x');
  });

  it('given numbers that are neither (inside longer runs, 12 digits, a landline, an id), then the text is the same string', () => {
    for (const text of [
      '订单 138123456789',
      '工单号 20260901123456789012',
      '座机 023-12345678',
      'case c-12x3456789',
      // inside hex ids and keys (found by the kill -9 test: a note n-<hex> lost its digits)
      'n-0aafe18812344890',
      'idem:876122e2e503a13812345678f',
      '无号码',
    ])
      expect(maskFreeText(text)).toBe(text);
  });
});
