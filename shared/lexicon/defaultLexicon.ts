/**
 * The lexicon the aligner uses unless told otherwise: the CC-CEDICT-derived index (see
 * ../../scripts/build-lexicon.ts and NOTICE.md) plus a small hand-made medical supplement.
 * Loaded lazily and once, so importing the aligner costs nothing until it first aligns.
 */
import cedict from './data/cedict-en-zh.json' with { type: 'json' };
import { medicalSupplement } from './medicalSupplement.ts';
import { lexiconFromIndex, type Lexicon } from './lexicon.ts';

let cached: Lexicon | null = null;

/** The shared default lexicon (CC-CEDICT inverted, plus the medical supplement). */
export function defaultLexicon(): Lexicon {
  cached ??= lexiconFromIndex(medicalSupplement, cedict as Record<string, string>);
  return cached;
}
