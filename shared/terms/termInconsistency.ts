/**
 * `term-inconsistency`: one English term rendered in different ways within a record (MDMA as
 * MDMA, 摇头丸 and 亚甲二氧基甲基苯丙胺), or across the loaded corpus.
 */
import type { Lexicon } from '../lexicon/lexicon.ts';
import type { AlignedRecord, EvidenceSpan, Finding } from '../checks/types.ts';
import { joinedText } from '../segment/joinedText.ts';
import { containsTerm, findTermCandidates, type TermOccurrence } from './termCandidates.ts';
import type { AlignmentLink } from '../align/types.ts';
import { findTermRenderings, type Rendering, type TermRenderings, type TermUnit } from './termRenderings.ts';

interface LinkedUnit extends TermUnit {
  en: string;
  zh: string;
  enIndexes: number[];
  zhIndexes: number[];
}

// Callbacks at module level and loops rather than closures made on each call: V8 drops a per-call
// closure's optimised code at every major GC and compiles it again.
const isPaired = (l: AlignmentLink): boolean => l.en.length > 0 && l.zh.length > 0;
const termOf = (o: TermOccurrence): string => o.term;

/** The links with both sides, and the English of each (its sentences joined by spaces). */
function pairedLinks(record: AlignedRecord) {
  const links = record.links.filter(isPaired);
  const english: string[] = [];
  for (const l of links) english.push(joinedText(record.en, l.en, ' '));
  return { links, english };
}

/** Built by `push` (always a packed array), not `map`, for the reason `joinedText` gives. */
function unitsOf(record: AlignedRecord, { links, english } = pairedLinks(record)): LinkedUnit[] {
  const units: LinkedUnit[] = [];
  for (let k = 0; k < links.length; k++) {
    const l = links[k]!;
    units.push({ en: english[k]!, zh: joinedText(record.zh, l.zh, ''), enIndexes: l.en, zhIndexes: l.zh });
  }
  return units;
}

/** Terms of a record worth checking: candidates occurring in the English of two or more aligned pairs. */
function recordTerms(english: readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const en of english) {
    for (const t of new Set(findTermCandidates(en).map(termOf))) count.set(t, (count.get(t) ?? 0) + 1);
  }
  const repeated: string[] = [];
  for (const [t, n] of count) if (n >= 2) repeated.push(t);
  return repeated;
}

/** Spans of `needle` in each sentence of `indexes` on one side. */
function spansOf(record: AlignedRecord, side: 'en' | 'zh', indexes: number[], needle: string): EvidenceSpan[] {
  const out: EvidenceSpan[] = [];
  for (const i of indexes) {
    const text = record[side][i]?.text ?? '';
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
      out.push({ side, sentence: i, start: at, end: at + needle.length, text: needle });
    }
  }
  return out;
}

/** Sentence numbers for messages, 1-based as a reviewer counts them. */
function listSentences(units: LinkedUnit[], ks: number[]): string {
  const numbers = new Set<number>();
  for (const i of sentencesOf(units, ks, 'zhIndexes')) numbers.add(i + 1);
  return [...numbers].join(', ');
}

/** The renderings of every term of a record, for this check and for the corpus-wide one. */
export function recordTermRenderings(record: AlignedRecord, lexicon: Lexicon | null): TermRenderings[] {
  // Most records have no repeated term: their Chinese is never joined.
  const paired = pairedLinks(record);
  const terms = recordTerms(paired.english);
  if (terms.length === 0) return [];
  const units = unitsOf(record, paired);
  const found: TermRenderings[] = [];
  for (const t of terms) found.push(findTermRenderings(t, units, lexicon));
  return found;
}

/**
 * Reports terms rendered more than one way inside a record. Major when two different Chinese
 * renderings are used; minor when the only variation is Latin kept in some pairs and a
 * translation in others (often a deliberate first-mention expansion). `renderings`, when given,
 * is `recordTermRenderings(record, lexicon)` found already (the batch job summarises them too).
 */
export function findTermInconsistencies(record: AlignedRecord, lexicon: Lexicon | null, renderings?: readonly TermRenderings[]): Finding[] {
  // Built only for a finding when the renderings are given: most records have none.
  let units: LinkedUnit[] | undefined;
  const findings: Finding[] = [];
  for (const r of renderings ?? recordTermRenderings(record, lexicon)) {
    let chinese = 0;
    for (const x of r.renderings) if (!x.latin) chinese++;
    const variants = r.renderings.length + (r.unidentified.length > 0 && chinese === 0 ? 1 : 0);
    if (variants < 2) continue;
    units ??= unitsOf(record);
    findings.push(inconsistencyFinding(record, r, units, chinese));
  }
  return findings;
}

/** The finding for a term rendered in several ways, `chinese` of them Chinese. */
function inconsistencyFinding(record: AlignedRecord, r: TermRenderings, units: LinkedUnit[], chinese: number): Finding {
  const term = r.term;
  const hasLatin = r.renderings.length > chinese;
  const severity = chinese >= 2 ? 'major' : 'minor';
  const enIdx = [...new Set(sentencesOf(units, r.units, 'enIndexes'))];
  const zhIdx = [...new Set(sentencesOf(units, r.units, 'zhIndexes'))];
  const evidence = spansOf(record, 'en', enIdx, term);
  for (const x of r.renderings) evidence.push(...spansOf(record, 'zh', sentencesOf(units, x.units, 'zhIndexes'), x.text));
  const parts: string[] = [];
  const partsZh: string[] = [];
  for (const x of r.renderings) {
    const where = listSentences(units, x.units);
    parts.push(`${x.text} (${where})`);
    partsZh.push(`${x.text}（第 ${where} 句）`);
  }
  if (r.unidentified.length && chinese === 0) {
    const where = listSentences(units, r.unidentified);
    parts.push(`translated otherwise (${where})`);
    partsZh.push(`其他译法（第 ${where} 句）`);
  }
  return {
    kind: 'term-inconsistency', severity, en: enIdx, zh: zhIdx,
    message: {
      en: `"${term}" is rendered ${parts.length} ways${hasLatin ? ' (kept in English in some sentences)' : ''}: ${parts.join('; ')}.`,
      'zh-CN': `“${term}”有 ${parts.length} 种译法：${partsZh.join('；')}。`,
    },
    evidence,
  };
}

/** The sentences of one side of the units `ks`, in order (repeats kept). */
function sentencesOf(units: readonly LinkedUnit[], ks: readonly number[], side: 'enIndexes' | 'zhIndexes'): number[] {
  const out: number[] = [];
  for (const k of ks) for (const i of units[k]?.[side] ?? []) out.push(i);
  return out;
}

/** A corpus-level finding: which record it belongs to. */
export interface CorpusTermFinding {
  recordId: string;
  finding: Finding;
}

/** A record's main Chinese rendering of each of its repeated terms: all the corpus check keeps of it. */
export interface TermRenderingSummary {
  term: string;
  rendering: string;
}

/**
 * The compact per-record input of the corpus-wide check: a few short strings per record rather
 * than the aligned record, so a library of 100,000 records can be compared without holding them.
 */
export function summarizeTermRenderings(record: AlignedRecord, lexicon: Lexicon | null): TermRenderingSummary[] {
  return termRenderingSummary(recordTermRenderings(record, lexicon));
}

/** `summarizeTermRenderings` from a record's renderings found already. */
export function termRenderingSummary(renderings: readonly TermRenderings[]): TermRenderingSummary[] {
  const out: TermRenderingSummary[] = [];
  for (const r of renderings) {
    // The Chinese rendering in most units, the first of those when several tie.
    let main: Rendering | undefined;
    for (const x of r.renderings) if (!x.latin && (main === undefined || x.units.length > main.units.length)) main = x;
    if (main) out.push({ term: r.term, rendering: main.text });
  }
  return out;
}

/** A record using a minority rendering of a term, and the rendering most records use. */
export interface CorpusTermDisagreement {
  recordId: string;
  term: string;
  rendering: string;
  majority: string;
  majorityCount: number;
}

/** Which records disagree with the corpus majority, from the per-record summaries alone. */
export function findCorpusTermDisagreements(records: Iterable<{ id: string; terms: readonly TermRenderingSummary[] }>): CorpusTermDisagreement[] {
  const byTerm = new Map<string, { id: string; rendering: string }[]>();
  for (const { id, terms } of records) {
    for (const { term, rendering } of terms) {
      const list = byTerm.get(term) ?? [];
      list.push({ id, rendering });
      byTerm.set(term, list);
    }
  }
  const out: CorpusTermDisagreement[] = [];
  for (const [term, uses] of byTerm) {
    const counts = new Map<string, number>();
    for (const u of uses) counts.set(u.rendering, (counts.get(u.rendering) ?? 0) + 1);
    if (counts.size < 2) continue;
    const [majority, majorityCount] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    for (const u of uses) {
      if (u.rendering !== majority) out.push({ recordId: u.id, term, rendering: u.rendering, majority, majorityCount });
    }
  }
  return out;
}

/** The finding for one disagreement, located in the record's aligned sentences. */
export function corpusTermFinding(aligned: AlignedRecord, d: CorpusTermDisagreement): Finding {
  const enIdx = aligned.en.flatMap((s, i) => (containsTerm(s.text, d.term) ? [i] : []));
  const zhIdx = aligned.zh.flatMap((s, i) => (s.text.includes(d.rendering) ? [i] : []));
  return {
    kind: 'term-inconsistency', severity: 'minor', en: enIdx, zh: zhIdx,
    message: {
      en: `"${d.term}" is rendered ${d.rendering} here but ${d.majority} in ${d.majorityCount} other record(s).`,
      'zh-CN': `“${d.term}”在此译为“${d.rendering}”，而在其他 ${d.majorityCount} 条记录中译为“${d.majority}”。`,
    },
    evidence: [...spansOf(aligned, 'en', enIdx, d.term), ...spansOf(aligned, 'zh', zhIdx, d.rendering)],
  };
}

/**
 * Compares the Chinese renderings of each term across records: when records disagree, the
 * records using a minority rendering get a minor finding naming the majority one.
 */
export function findCorpusTermInconsistencies(records: readonly { id: string; aligned: AlignedRecord }[], lexicon: Lexicon | null): CorpusTermFinding[] {
  const summaries = records.map(({ id, aligned }, at) => ({ id: String(at), recordId: id, aligned, terms: summarizeTermRenderings(aligned, lexicon) }));
  // Keyed by position, so two records sharing an id are still counted as two.
  return findCorpusTermDisagreements(summaries).map((d) => {
    const r = summaries[Number(d.recordId)]!;
    return { recordId: r.recordId, finding: corpusTermFinding(r.aligned, { ...d, recordId: r.recordId }) };
  });
}
