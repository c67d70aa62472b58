/**
 * Which English sentence of a merged link (2-1, 3-1, 2-2: what the aligner makes of a sentence the
 * translation dropped) the Chinese does not explain. Each English sentence is judged on what only
 * it explains in the Chinese: the Chinese characters its dictionary words and anchors cover that
 * no other sentence of the link covers. Shared vocabulary (a dropped sentence often repeats its
 * neighbour's terms) then counts for neither, and a free rendering of one word still leaves the
 * sentence its other words.
 */
import type { Lexicon } from '../lexicon/lexicon.ts';
import { chineseFeatures, englishFeatures, type ChineseFeatures, type EnglishFeatures } from '../align/textFeatures.ts';
import { withTextScreen, type Contains } from './textScreen.ts';
import { packedMap } from '../collections/packedMap.ts';

/** What one English sentence of a link explains in the link's Chinese. */
export interface SentenceEvidence {
  /** Dictionary words and anchors of the sentence (anchors count double). */
  known: number;
  /** Of those, found in the Chinese. */
  covered: number;
  /** Chinese content (characters, anchors double) only this sentence explains. */
  exclusive: number;
  /** Anchors (numbers, acronyms, codes) of this sentence alone that the Chinese lacks. */
  missingAnchors: string[];
}

const ANCHOR_WEIGHT = 2;

/**
 * Per English sentence of a link, the evidence the Chinese (the link's Chinese sentences joined)
 * renders it. Pure and cheap: one dictionary look-up per English word.
 */
export function sentenceEvidence(english: readonly string[], chinese: string, lexicon: Lexicon): SentenceEvidence[] {
  return evidenceOfFeatures(english.map(englishFeatures), chineseFeatures(chinese), lexicon);
}

/**
 * `sentenceEvidence` from features measured already: a caller reading overlapping stretches of a
 * record measures each sentence once, and keeps the Chinese features it needs itself.
 */
export function evidenceOfFeatures(features: readonly EnglishFeatures[], zh: ChineseFeatures, lexicon: Lexicon): SentenceEvidence[] {
  // Most renderings of most words are not in the Chinese: the screen answers those without a search.
  return withTextScreen(zh.text, evidenceIn, features, zh, lexicon);
}

function evidenceIn(contains: Contains, features: readonly EnglishFeatures[], zh: ChineseFeatures, lexicon: Lexicon): SentenceEvidence[] {
  // Per Chinese position, the set of English sentences (bit mask) whose words cover it.
  const owners = new Uint32Array(zh.text.length);
  const anchorOwners = new Uint32Array(zh.anchors.length);
  // Each sentence's anchors, for telling an anchor only it has; made when first needed.
  let anchorSets: Set<string>[] | null = null;
  const out: SentenceEvidence[] = [];
  for (let k = 0; k < features.length; k++) {
    const f = features[k]!;
    const bit = 1 << Math.min(k, 31);
    let known = 0;
    let covered = 0;
    const missingAnchors: string[] = [];
    for (const token of f.tokens) {
      const a = zh.anchors.indexOf(token.form);
      if (a >= 0) {
        known += ANCHOR_WEIGHT;
        covered += ANCHOR_WEIGHT;
        for (let i = a; i < zh.anchors.length; i++) if (zh.anchors[i] === token.form) anchorOwners[i]! |= bit;
        continue;
      }
      if (token.anchor) {
        known += ANCHOR_WEIGHT;
        anchorSets ??= packedMap(features, anchorsOf);
        if (!heldElsewhere(anchorSets, k, token.form)) missingAnchors.push(token.form);
        continue;
      }
      const translations = lexicon.translations(token.stem);
      if (translations.length === 0) continue;
      known++;
      let hit = false;
      for (const t of translations) {
        if (!contains(t)) continue;
        for (let at = zh.text.indexOf(t); at >= 0; at = zh.text.indexOf(t, at + 1)) {
          hit = true;
          for (let p = at; p < at + t.length; p++) owners[p]! |= bit;
        }
      }
      if (hit) covered++;
    }
    out.push({ known, covered, exclusive: 0, missingAnchors });
  }
  // Only content positions count (a Chinese function word is explained by nobody).
  for (const p of zh.contentPositions) {
    const mask = owners[p]!;
    if (mask === 0 || (mask & (mask - 1)) !== 0) continue;
    const k = 31 - Math.clz32(mask);
    if (out[k]) out[k].exclusive++;
  }
  for (const mask of anchorOwners) {
    if (mask === 0 || (mask & (mask - 1)) !== 0) continue;
    const k = 31 - Math.clz32(mask);
    if (out[k]) out[k].exclusive += ANCHOR_WEIGHT;
  }
  return out;
}

// Helpers at module level and loops instead of per-call closures: V8 drops the optimised code of a
// closure created anew on each call at every major GC, and re-optimising it costs compile time.
function anchorsOf(features: EnglishFeatures): Set<string> {
  const anchors = new Set<string>();
  for (const t of features.tokens) if (t.anchor) anchors.add(t.form);
  return anchors;
}

/** Whether a sentence other than the `k`-th has the anchor `form`. */
function heldElsewhere(anchorSets: readonly Set<string>[], k: number, form: string): boolean {
  for (let other = 0; other < anchorSets.length; other++) if (other !== k && anchorSets[other]!.has(form)) return true;
  return false;
}
