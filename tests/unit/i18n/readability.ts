/*
 * Readability scores of caption text, computed by the tests themselves: Flesch–Kincaid grade for English and
 * Fernández-Huerta for Spanish. Syllables are counted by rule, not by dictionary: close enough for short captions.
 */

/** The words of a text, without surrounding punctuation (¿¡"(…) and without empty pieces. */
export function wordsOf(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length > 0);
}

/** Sentences end at . ! or ? (a caption's last sentence may lack its stop). */
export function sentenceCount(text: string): number {
  return text
    .split(/[.!?]+/)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s)).length;
}

/** Rough English syllable count: vowel groups, minus a silent final e; numbers by their digits. */
export function englishSyllables(word: string): number {
  if (/^\d+$/.test(word)) return word.length;
  return word
    .toLowerCase()
    .split('-')
    .filter((part) => part.length > 0)
    .reduce((sum, part) => {
      const letters = part.replace(/[^a-z]/g, '');
      if (letters.length === 0) return sum;
      let count = (letters.match(/[aeiouy]+/g) ?? []).length;
      if (count > 1 && /[^aeiouy]e$/.test(letters) && !/[^aeiouy]le$/.test(letters)) count--;
      return sum + Math.max(1, count);
    }, 0);
}

/** Open vowels, and close vowels carrying an accent: two of them side by side are two syllables (hiatus). */
const STRONG = new Set('aeoáéóíú');

/**
 * Spanish syllables by vowel groups: a run of vowels is one syllable (a diphthong or triphthong: "bue-no",
 * "guiáis") except where two strong vowels meet, which starts a new one (hiatus: "lí-ne-a", "dí-a", "po-e-ta").
 * `y` is a vowel only as the word "y" (in "muy", "hoy" it closes a diphthong, adding no syllable). A `u` after
 * q or g ("que", "guía") is silent, which the rule gets right because it is a weak vowel next to another.
 * Numbers count one syllable per digit.
 */
export function spanishSyllables(word: string): number {
  const lower = word.toLowerCase().normalize('NFC');
  if (/^\d+$/.test(lower)) return lower.length;
  if (lower === 'y') return 1;
  let count = 0;
  for (const group of lower.match(/[aeiouáéíóúü]+/g) ?? []) {
    count += 1;
    for (let i = 1; i < group.length; i++) if (STRONG.has(group[i - 1]!) && STRONG.has(group[i]!)) count += 1;
  }
  return Math.max(1, count);
}

export interface TextStats {
  words: number;
  sentences: number;
  syllables: number;
  wordsPerSentence: number;
}

export function textStats(text: string, syllables: (word: string) => number): TextStats {
  const words = wordsOf(text);
  const sentences = Math.max(1, sentenceCount(text));
  const syllableCount = words.reduce((sum, w) => sum + syllables(w), 0);
  return {
    words: words.length,
    sentences,
    syllables: syllableCount,
    wordsPerSentence: words.length / sentences,
  };
}

/** Flesch–Kincaid US school grade of English text. */
export function fleschKincaidGrade(text: string): number {
  const s = textStats(text, englishSyllables);
  return 0.39 * s.wordsPerSentence + 11.8 * (s.syllables / s.words) - 15.59;
}

/**
 * Fernández-Huerta readability of Spanish text (0–100+, higher is easier; 70–80 "fairly easy", 80–90 "easy"):
 * 206.84 − 0.60·P − 1.02·F with P syllables per 100 words. F is published as "sentences per 100 words", but
 * read literally that rewards long sentences; the formula adapts Flesch's, where the term is words per sentence,
 * which is how it is commonly applied. Both readings are returned, so a check can hold under each.
 */
export function fernandezHuerta(text: string): { literal: number; wordsPerSentence: number } {
  const s = textStats(text, spanishSyllables);
  const p = (100 * s.syllables) / s.words;
  return {
    literal: 206.84 - 0.6 * p - 1.02 * ((100 * s.sentences) / s.words),
    wordsPerSentence: 206.84 - 0.6 * p - 1.02 * s.wordsPerSentence,
  };
}
