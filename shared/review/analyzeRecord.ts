/**
 * The review pipeline for one record: record → sentences → alignment → findings. Pure, so the
 * renderer's worker, the CLI and the benchmark all get the same answer.
 */
import type { ReviewRecord } from '../records/model.ts';
import type { Sentence } from '../segment/types.ts';
import type { AlignmentLink, RecordAlignment } from '../align/types.ts';
import { alignRecord } from '../align/alignRecord.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import { defaultLexicon } from '../lexicon/defaultLexicon.ts';
import type { AlignedPair, AlignedRecord, Finding, PairSentence } from '../checks/types.ts';
import { findNumberMismatches } from '../checks/numberMismatch.ts';
import { findUntranslated } from '../checks/untranslated.ts';
import { findPunctuationIssues } from '../checks/punctuation.ts';
import { findMissingSections } from '../checks/sectionMissing.ts';
import { findSectionLabels } from '../records/sectionLabels.ts';
import { findOmissionsAndAdditions } from '../checks/omission.ts';
import { findTermInconsistencies, recordTermRenderings, termRenderingSummary, type TermRenderingSummary } from '../terms/termInconsistency.ts';
import { findGlossaryViolations, type GlossaryEntry } from '../terms/glossary.ts';

export interface AnalyzeOptions {
  /** Dictionary for alignment, clause coverage and term renderings; null turns it off. */
  lexicon?: Lexicon | null;
  glossary?: readonly GlossaryEntry[];
  /** A ready alignment (e.g. from a worker) to check instead of aligning again. */
  alignment?: RecordAlignment;
  /**
   * Also return the record's term summary (`summarizeTermRenderings`) as `terms`, from the
   * renderings the term check finds anyway: finding them twice cost the batch job a fifth of its checks.
   */
  termSummary?: boolean;
}

export interface RecordAnalysis {
  en: Sentence[];
  zh: Sentence[];
  links: AlignmentLink[];
  findings: Finding[];
  /** With `termSummary` and a translation: the record's term summary. */
  terms?: TermRenderingSummary[];
}

const SEVERITY_ORDER = { critical: 0, major: 1, minor: 2 } as const;

/** The pairs of an aligned record, each link's sentences with their indices. */
export function alignedPairs(record: AlignedRecord): AlignedPair[] {
  const pairs: AlignedPair[] = [];
  for (const l of record.links) pairs.push({ en: pairSentences(l.en, record.en), zh: pairSentences(l.zh, record.zh) });
  return pairs;
}

/**
 * The sentences `indices` of one side. Built by `push`, not `Array.prototype.map`: `map` returns a
 * holey array until its caller is optimised and a packed one after, and every check reading
 * `pair.en` / `pair.zh` was then deoptimised ("wrong map") when the other kind arrived.
 */
function pairSentences(indices: readonly number[], sentences: readonly Sentence[]): PairSentence[] {
  const out: PairSentence[] = [];
  for (const i of indices) out.push({ index: i, text: sentences[i]?.text ?? '' });
  return out;
}

/**
 * Runs every divergence check over an already aligned record and returns the findings ordered by
 * position (first English sentence), then severity.
 */
export function checkAlignedRecord(record: AlignedRecord, options: Omit<AnalyzeOptions, 'alignment' | 'termSummary'> = {}): Finding[] {
  return checkAligned(record, options).findings;
}

/** `checkAlignedRecord`, with the record's term renderings the term check found. */
function checkAligned(record: AlignedRecord, options: Omit<AnalyzeOptions, 'alignment' | 'termSummary'>) {
  const lexicon = options.lexicon === undefined ? defaultLexicon() : options.lexicon;
  const findings: Finding[] = [];
  for (const pair of alignedPairs(record)) {
    pushAll(findings, findNumberMismatches(pair));
    pushAll(findings, findUntranslated(pair, lexicon));
    pushAll(findings, findPunctuationIssues(pair));
    if (options.glossary?.length) pushAll(findings, findGlossaryViolations(pair, options.glossary));
  }
  const renderings = recordTermRenderings(record, lexicon);
  pushAll(findings, findMissingSections(record));
  pushAll(findings, findOmissionsAndAdditions(record, lexicon));
  pushAll(findings, findTermInconsistencies(record, lexicon, renderings));
  return { findings: inReadingOrder(record, findings), renderings };
}

// Module-level helpers and loops rather than closures made on each call: V8 drops a per-call
// closure's optimised code at every major GC and compiles it again.
function pushAll(findings: Finding[], found: readonly Finding[]): void {
  for (const f of found) findings.push(f);
}

interface KeyedFinding {
  finding: Finding;
  position: number;
  severity: number;
}

const byPositionThenSeverity = (a: KeyedFinding, b: KeyedFinding): number => a.position - b.position || a.severity - b.severity;

/**
 * Findings ordered by position (first English sentence; for a Chinese-only one, the first English
 * sentence of the first link holding its Chinese), then severity. Each finding's key is read once,
 * not in every comparison, and the sort is stable as before.
 */
function inReadingOrder(record: AlignedRecord, findings: Finding[]): Finding[] {
  const enOfZh = new Map<number, number>();
  for (const link of record.links) {
    for (const j of link.zh) if (!enOfZh.has(j)) enOfZh.set(j, link.en[0] ?? 0);
  }
  const keyed: KeyedFinding[] = [];
  for (const f of findings) {
    keyed.push({ finding: f, position: f.en[0] ?? (f.zh[0] !== undefined ? enOfZh.get(f.zh[0]) ?? 0 : 0), severity: SEVERITY_ORDER[f.severity] });
  }
  keyed.sort(byPositionThenSeverity);
  const ordered: Finding[] = [];
  for (const k of keyed) ordered.push(k.finding);
  return ordered;
}

/**
 * Aligns one record and checks it. A record without a translation yields its English sentences,
 * each linked to nothing, and no findings: there is nothing to compare.
 */
export function analyzeRecord(record: ReviewRecord, options: AnalyzeOptions = {}): RecordAnalysis {
  const lexicon = options.lexicon === undefined ? defaultLexicon() : options.lexicon;
  // The Chinese section labels are read once, for the section spans and the section-missing check.
  const zhLabels = record.zh ? findSectionLabels(record.zh.abstract, 'zh') : undefined;
  const alignment = options.alignment ?? alignRecord(record, { lexicon, zhLabels });
  if (!record.zh) return { en: alignment.en, zh: alignment.zh, links: alignment.links, findings: [] };
  const aligned: AlignedRecord = {
    en: alignment.en, zh: alignment.zh, links: alignment.links,
    enAbstract: record.en.abstract, zhAbstract: record.zh.abstract, zhLabels,
  };
  const { findings, renderings } = checkAligned(aligned, { lexicon, glossary: options.glossary });
  const analysis: RecordAnalysis = { en: alignment.en, zh: alignment.zh, links: alignment.links, findings };
  if (options.termSummary) analysis.terms = termRenderingSummary(renderings);
  return analysis;
}
