/**
 * MQM score of one record from its annotations.
 *
 * Weights follow the convention the issue names (minor 1, major 5, critical 25) and the WMT one
 * of Freitag et al. (2021) for "Non-translation", which counts 25 whatever severity was picked:
 * a segment that is not a translation at all should not score like one wrong word. Google's
 * WMT files also weight minor punctuation errors 0.1; that is an option here
 * (`minorPunctuationWeight`), off by default so the displayed formula stays the simple one.
 * The score is a penalty: 0 is clean, higher is worse.
 */
import type { Annotation, Severity } from './model.ts';

/** Penalty per error of each severity. */
export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = { minor: 1, major: 5, critical: 25 };

/** The weight a Non-translation error gets regardless of its severity. */
export const NON_TRANSLATION_WEIGHT = 25;

export interface MqmScoreOptions {
  /** Words in the source; when given, the score is also normalised per source word. */
  sourceWords?: number;
  /** Weight of a minor Fluency/Punctuation error (WMT convention 0.1); default: the minor weight. */
  minorPunctuationWeight?: number;
}

export interface MqmScore {
  /** Sum of the weights of all live annotations. */
  penalty: number;
  /** Count of live annotations by severity (Non-translation errors counted separately). */
  counts: Record<Severity, number> & { nonTranslation: number };
  /** `penalty / sourceWords` when `sourceWords` > 0 was given, else null. */
  perWord: number | null;
  /** The computation written out for display, e.g. "1×2 minor + 5×1 major + 25×0 critical = 7". */
  formula: string;
  /** The formula's terms, so a UI can write it out in its own language. */
  terms: MqmTerm[];
  /** The source word count `perWord` divides by, or null when none was given. */
  sourceWords: number | null;
}

/** One term of the MQM formula: `weight × count` annotations of one kind. */
export interface MqmTerm {
  weight: number;
  count: number;
  label: 'minor' | 'major' | 'critical' | 'non-translation' | 'minor punctuation';
}

/** True for the WMT non-translation category, spelled with or without the "!" the 2022 files use. */
function isNonTranslation(category: string): boolean {
  return /^non-translation!?$/i.test(category.trim());
}

/**
 * Scores a record's annotations. Soft-deleted annotations are left out (they were withdrawn).
 * The formula string lists every term, including zero counts, so the reader sees the weights.
 */
export function mqmScore(
  annotations: readonly Pick<Annotation, 'severity' | 'category' | 'deleted'>[],
  options: MqmScoreOptions = {},
): MqmScore {
  const counts = { minor: 0, major: 0, critical: 0, nonTranslation: 0 };
  let minorPunctuation = 0;
  const punctuationWeight = options.minorPunctuationWeight ?? SEVERITY_WEIGHTS.minor;
  for (const annotation of annotations) {
    if (annotation.deleted) continue;
    if (isNonTranslation(annotation.category)) counts.nonTranslation += 1;
    else if (annotation.severity === 'minor' && annotation.category === 'Fluency/Punctuation' && punctuationWeight !== SEVERITY_WEIGHTS.minor) minorPunctuation += 1;
    else counts[annotation.severity] += 1;
  }
  const terms: MqmTerm[] = [
    { weight: SEVERITY_WEIGHTS.minor, count: counts.minor, label: 'minor' },
    { weight: SEVERITY_WEIGHTS.major, count: counts.major, label: 'major' },
    { weight: SEVERITY_WEIGHTS.critical, count: counts.critical, label: 'critical' },
  ];
  if (counts.nonTranslation > 0) terms.push({ weight: NON_TRANSLATION_WEIGHT, count: counts.nonTranslation, label: 'non-translation' });
  if (minorPunctuation > 0) {
    terms.push({ weight: punctuationWeight, count: minorPunctuation, label: 'minor punctuation' });
    counts.minor += minorPunctuation;
  }
  // A 0.1 weight accumulates float noise (0.1 × 3 = 0.30000000000000004): round once at the end.
  const penalty = round(terms.reduce((sum, t) => sum + t.weight * t.count, 0));
  let formula = `${terms.map((t) => `${String(t.weight)}×${t.count} ${t.label}`).join(' + ')} = ${String(penalty)}`;
  let perWord: number | null = null;
  if (options.sourceWords !== undefined && options.sourceWords > 0) {
    perWord = penalty / options.sourceWords;
    formula += `; per source word: ${String(penalty)} / ${options.sourceWords} = ${String(round(perWord, 4))}`;
  }
  return { penalty, counts, perWord, formula, terms, sourceWords: perWord === null ? null : (options.sourceWords ?? null) };
}

/**
 * Counts words of an English source text for normalisation: runs of letters or digits (with inner
 * apostrophes, hyphens, dots as in "3.5" or "don't"), so "p < 0.05" is two words and punctuation
 * is none. The source is English, so whitespace-free scripts need no special case here.
 */
export function countSourceWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

function round(value: number, digits = 6): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
