import type { AlignedPair, EvidenceSpan, Finding, FindingKind, PairSentence, Severity } from './types.ts';

/** An evidence span for `text.slice(start, end)` of one sentence. */
export function span(side: 'en' | 'zh', sentence: PairSentence, start: number, end: number): EvidenceSpan {
  return { side, sentence: sentence.index, start, end, text: sentence.text.slice(start, end) };
}

/**
 * Builds a finding for an aligned pair: the pair's sentence indices on both sides, the evidence
 * spans and the message in both UI languages.
 */
export function pairFinding(kind: FindingKind, severity: Severity, pair: AlignedPair, en: string, zh: string, evidence: EvidenceSpan[]): Finding {
  return {
    kind,
    severity,
    en: indicesOf(pair.en),
    zh: indicesOf(pair.zh),
    message: { en, 'zh-CN': zh },
    evidence,
  };
}

/**
 * The sentence indices of one side of a pair, as a packed array of small integers: `map` would
 * return a holey array from unoptimised code and a packed one from optimised code, and code
 * reading findings' indices (the reading-order sort) was deoptimised by the switch.
 */
function indicesOf(sentences: readonly PairSentence[]): number[] {
  const out: number[] = [];
  for (const s of sentences) out.push(s.index);
  return out;
}
