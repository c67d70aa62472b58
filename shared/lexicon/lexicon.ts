/**
 * An English → Chinese lexicon: for a stemmed English word, the Chinese words that may translate
 * it. The aligner only asks whether one of them occurs in a Chinese sentence, so a generous list
 * is fine; precision comes from requiring the Chinese word to be present.
 */
export interface Lexicon {
  translations(stem: string): readonly string[];
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
