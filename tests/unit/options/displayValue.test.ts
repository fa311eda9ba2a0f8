import { describe, expect, it } from 'vitest';
import { displayValue } from '../../../src/options/displayValue';
import { describeValue } from '../../../src/embed/protocol';

/*
 * Notices and protocol errors echo values taken from links and messages. Invisible and bidi characters in such a
 * value could make the notice read differently from what it holds, so displayValue removes them.
 */

const HIDDEN: readonly (readonly [name: string, char: string])[] = [
  ['LEFT-TO-RIGHT EMBEDDING', '\u202a'],
  ['RIGHT-TO-LEFT EMBEDDING', '\u202b'],
  ['POP DIRECTIONAL FORMATTING', '\u202c'],
  ['LEFT-TO-RIGHT OVERRIDE', '\u202d'],
  ['RIGHT-TO-LEFT OVERRIDE', '\u202e'],
  ['LEFT-TO-RIGHT ISOLATE', '\u2066'],
  ['RIGHT-TO-LEFT ISOLATE', '\u2067'],
  ['FIRST STRONG ISOLATE', '\u2068'],
  ['POP DIRECTIONAL ISOLATE', '\u2069'],
  ['LEFT-TO-RIGHT MARK', '\u200e'],
  ['RIGHT-TO-LEFT MARK', '\u200f'],
  ['ARABIC LETTER MARK', '\u061c'],
  ['ZERO WIDTH SPACE', '\u200b'],
  ['ZERO WIDTH NON-JOINER', '\u200c'],
  ['ZERO WIDTH JOINER', '\u200d'],
  ['WORD JOINER', '\u2060'],
  ['ZERO WIDTH NO-BREAK SPACE (BOM)', '\ufeff'],
  ['SOFT HYPHEN', '\u00ad'],
  ['INVISIBLE SEPARATOR', '\u2063'],
  ['TAG LATIN SMALL LETTER A', '\u{e0061}'],
];

describe('displayValue removes invisible and bidi characters', () => {
  it.each(HIDDEN)('%s', (_name, char) => {
    expect(displayValue(`a${char}b`)).toBe('ab');
    expect(displayValue(char.repeat(3))).toBe('');
  });

  it.each([
    ['NUL', '\u0000'],
    ['TAB', '\t'],
    ['LINE FEED', '\n'],
    ['CARRIAGE RETURN', '\r'],
    ['ESCAPE', '\u001b'],
    ['DELETE', '\u007f'],
    ['NEXT LINE (C1)', '\u0085'],
    ['CONTROL SEQUENCE INTRODUCER (C1)', '\u009b'],
    ['LINE SEPARATOR', '\u2028'],
    ['PARAGRAPH SEPARATOR', '\u2029'],
  ])('%s becomes a space, so the words around it stay apart', (_name, char) => {
    expect(displayValue(`a${char}b`)).toBe('a b');
  });

  it.each([
    // An override flips the rest of the line: the page would show "sign in at evil.example" from reversed text.
    ['right-to-left override', 'L1\u202eelpmaxe.live ta ni ngis', 'L1elpmaxe.live ta ni ngis'],
    [
      'isolates around a fake instruction',
      'L1\u2067 sign in at evil.example\u2069',
      'L1 sign in at evil.example',
    ],
    ['zero-width characters splitting a word', 'ev\u200bil.exa\u200dmple', 'evil.example'],
    ['a BOM in front', '\ufeffkyphoplasty', 'kyphoplasty'],
    ['soft hyphens', 'kypho\u00adplasty', 'kyphoplasty'],
  ])('%s', (_name, value, shown) => {
    expect(displayValue(value)).toBe(shown);
  });

  it('keeps letters from right-to-left scripts and emoji with variation selectors', () => {
    for (const text of ['فقرة', 'חוליה', '\u2764\ufe0f', 'Wirbelkörper']) {
      expect(displayValue(text), text).toBe(text);
    }
  });

  it('removes hidden characters before measuring, so they neither count nor hide the ellipsis', () => {
    expect(displayValue(`${'\u200b'.repeat(1000)}${'x'.repeat(40)}`)).toBe('x'.repeat(40));
    expect(displayValue(`${'x\u202e'.repeat(41)}`)).toBe(`${'x'.repeat(40)}…`);
  });

  it('applies to protocol errors, which echo strings through describeValue', () => {
    expect(describeValue('seek\u202e\u200b')).toBe('string "seek"');
  });
});
