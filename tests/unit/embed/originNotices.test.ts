import { describe, expect, it } from 'vitest';
import { MAX_ORIGIN_NOTICES, originNoticeTexts } from '../../../src/embed/originNotices';
import { parseOrigins } from '../../../src/embed/origins';

describe('originNoticeTexts', () => {
  it('says nothing when every entry is an origin', () => {
    expect(
      originNoticeTexts(parseOrigins('https://a.example/, http://localhost:8080').rejected, 'en'),
    ).toEqual([]);
  });

  it('names each rejected entry and says what an origin looks like', () => {
    const texts = originNoticeTexts(
      parseOrigins('https://ok.example, *, https://a.example/page').rejected,
      'en',
    );
    expect(texts).toEqual([
      'Ignored "*" in the allowed origins: use an origin such as https://example.org. Until it is fixed, pages at that address cannot control this viewer.',
      'Ignored "https://a.example/page" in the allowed origins: use an origin such as https://example.org. Until it is fixed, pages at that address cannot control this viewer.',
    ]);
  });

  it('echoes values through displayValue: no bidi or invisible characters, long values cut', () => {
    const [spoof, long] = originNoticeTexts(
      ['\u202eelpmaxe.live ta ni ngis\u200b', `https://${'x'.repeat(100)}/`],
      'en',
    );
    expect(spoof).toContain('"elpmaxe.live ta ni ngis"');
    expect(spoof).not.toMatch(/[\u202a-\u202e\u200b]/);
    expect(long).toContain(`"https://${'x'.repeat(32)}…"`);
  });

  it(`shows at most ${MAX_ORIGIN_NOTICES} entries and counts the rest`, () => {
    const texts = originNoticeTexts(['a', 'b', 'c', 'd', 'e'], 'en');
    expect(texts).toHaveLength(MAX_ORIGIN_NOTICES + 1);
    expect(texts[MAX_ORIGIN_NOTICES]).toBe('2 more entries in the allowed origins were ignored as well.');
  });

  it('falls back to English for a language without a catalog', () => {
    expect(originNoticeTexts(['*'], 'xx')).toEqual(originNoticeTexts(['*'], 'en'));
  });
});
