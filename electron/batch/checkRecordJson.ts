/**
 * The wire shape of one checked record: what `check --json` prints for it, what the pool's
 * workers send back, and what the reports in `shared/report/` read (`CheckRecordResult`).
 */
import type { Finding } from '../../shared/checks/types.ts';
import type { ReviewRecord, SourceLocation } from '../../shared/records/model.ts';
import type { RecordAnalysis } from '../../shared/review/analyzeRecord.ts';
import type { Sentence } from '../../shared/segment/types.ts';
import type { AlignmentLink } from '../../shared/align/types.ts';

/** "file:line" (or the bare path), as the CLI prints a location. */
export const sourceText = (s: SourceLocation): string => (s.line ? `${s.file}:${s.line}` : s.file);

/** The JSON shape of one record in the `check --json` document. */
export function recordJson(record: ReviewRecord, analysis: RecordAnalysis, findings: Finding[]) {
  return {
    id: record.id,
    source: sourceText(record.source),
    sentences: { en: analysis.en.map(sentenceJson), zh: analysis.zh.map(sentenceJson) },
    alignment: analysis.links.map(linkJson),
    flags: findings.map(flagJson),
  };
}

// The mappers are module-level functions, not closures made on each call: V8 drops a per-call
// closure's optimised code at every major GC and compiles it again.
function sentenceJson(s: Sentence) {
  return { text: s.text, section: s.section };
}

function linkJson(l: AlignmentLink) {
  return { en: l.en, zh: l.zh, confidence: Math.round(l.confidence * 1000) / 1000 };
}

/** One flag as `check --json` prints it: the message flattened to its English text. */
export function flagJson(f: Finding) {
  return { kind: f.kind, severity: f.severity, en: f.en, zh: f.zh, message: f.message.en, evidence: f.evidence };
}

/** One record of the `check --json` document. */
export type CheckRecordJson = ReturnType<typeof recordJson>;
