import { packedMap } from '../collections/packedMap.ts';
import type { AlignedPair, EvidenceSpan, Finding, FindingKind, PairSentence, Severity } from './types.ts';

/** An evidence span for `text.slice(start, end)` of one sentence. */
export function span(side: 'en' | 'zh', sentence: PairSentence, start: number, end: number): EvidenceSpan {
  return { side, sentence: sentence.index, start, end, text: sentence.text.slice(start, end) };
}

// Module level rather than a closure made on each call: V8 drops a per-call closure's optimised
// code at every major GC and compiles it again.
const sentenceIndex = (s: PairSentence): number => s.index;

/**
 * Builds a finding for an aligned pair: the pair's sentence indices on both sides, the evidence
 * spans and the message in both UI languages.
 */
export function pairFinding(kind: FindingKind, severity: Severity, pair: AlignedPair, en: string, zh: string, evidence: EvidenceSpan[]): Finding {
  return {
    kind,
    severity,
    en: packedMap(pair.en, sentenceIndex),
    zh: packedMap(pair.zh, sentenceIndex),
    message: { en, 'zh-CN': zh },
    evidence,
  };
}
