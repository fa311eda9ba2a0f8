import { describe, expect, it } from 'vitest';
import en from '../../../../src/scan/messages/en.json';
import es from '../../../../src/scan/messages/es.json';
import type { ScanErrorCode } from '../../../../src/scan/types';

/** Every code (a Record, so the compiler notices a code added to the type and missing here). */
const CODES: Record<ScanErrorCode, true> = {
  empty: true,
  'not-readable': true,
  'not-ct': true,
  'mixed-series': true,
  'missing-slices': true,
  'no-spacing': true,
  tilted: true,
  'too-few-slices': true,
  'too-large': true,
  'unsupported-compression': true,
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('scan error notices', () => {
  for (const code of Object.keys(CODES)) {
    it(`has an English and a Spanish notice for ${code}, with the same placeholders`, () => {
      const key = `scan.error.${code}`;
      const english = (en as Record<string, string>)[key];
      const spanish = (es as Record<string, string>)[key];
      expect(english).toBeTruthy();
      expect(spanish).toBeTruthy();
      expect(spanish).not.toBe(english);
      expect(placeholders(spanish!)).toEqual(placeholders(english!));
    });
  }
});
