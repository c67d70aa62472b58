/**
 * An English → Chinese lexicon: for a stemmed English word, the Chinese words that may translate
 * it. The aligner only asks whether one of them occurs in a Chinese sentence, so a generous list
 * is fine; precision comes from requiring the Chinese word to be present.
 */
import { isEnglishStopword, stemEnglish } from './englishWords.ts';

export interface Lexicon {
  /** Must give the same answer for the same stem every time: callers keep what it returns. */
  translations(stem: string): readonly string[];
}

/** A lower-case English word that is no stopword: its stem and the lexicon's translations of it. */
export interface ContentWord {
  stem: string;
  translations: readonly string[];
}

/**
 * Content words by lexicon and lower-case word. The checks read every word of every pair against
 * the lexicon, and a corpus's vocabulary is small next to its word count: one look-up here stands
 * for a stopword test, a stem look-up and a lexicon look-up. Cleared when full, like the stems.
 */
const contentWords = new WeakMap<Lexicon, Map<string, ContentWord | null>>();
const CONTENT_WORD_LIMIT = 200_000;

/** `lower`'s stem and translations, or null when it is a stopword. */
export function contentWord(lexicon: Lexicon, lower: string): ContentWord | null {
  let byWord = contentWords.get(lexicon);
  if (!byWord) {
    byWord = new Map();
    contentWords.set(lexicon, byWord);
  }
  let found = byWord.get(lower);
  if (found === undefined) {
    if (isEnglishStopword(lower)) {
      found = null;
    } else {
      const stem = stemEnglish(lower);
      found = { stem, translations: lexicon.translations(stem) };
    }
    if (byWord.size >= CONTENT_WORD_LIMIT) byWord.clear();
    byWord.set(lower, found);
  }
  return found;
}

/**
 * Builds a lexicon from the compact index format shipped in `data/`: stem → Chinese words joined
 * by "|" (one string per key keeps the JSON small and parsing fast in a Web Worker).
 */
export function lexiconFromIndex(...indexes: Readonly<Record<string, string>>[]): Lexicon {
  const cache = new Map<string, readonly string[]>();
  return {
    translations(stem: string): readonly string[] {
      let found = cache.get(stem);
      if (!found) {
        const all = new Set<string>();
        for (const index of indexes) {
          const entry = Object.hasOwn(index, stem) ? index[stem] : undefined;
          if (entry) for (const word of entry.split('|')) all.add(word);
        }
        found = [...all];
        cache.set(stem, found);
      }
      return found;
    },
  };
}
