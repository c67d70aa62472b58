/**
 * JSON export: everything, as plain data, for other tools and for archiving a review.
 */
import { liveAnnotations } from '../annotations/model.ts';
import { countSourceWords, mqmScore } from '../annotations/mqmScore.ts';
import { decidedFindings } from './segments.ts';
import type { ReviewExport } from './types.ts';

/** The `format` field of the JSON export, so a reader can tell the file apart from other JSON. */
export const JSON_EXPORT_FORMAT = 'abstract-mt-review/review-export';
/** Bumped when a field changes meaning or disappears (adding fields does not bump it). */
export const JSON_EXPORT_VERSION = 1;

/**
 * Serialises a review export as indented JSON: per record the record itself, its sentences and
 * alignment (0-based indices, as in the app), the findings each with its stable key and the
 * reviewer's decision, the live annotations (withdrawn ones are left out), the decisions, the
 * status and the MQM score with its formula.
 */
export function exportJson(data: ReviewExport): string {
  const records = data.records.map((entry) => {
    const annotations = liveAnnotations(entry.annotations);
    const score = mqmScore(annotations, { sourceWords: countSourceWords(entry.sentences.en.map((s) => s.text).join(' ')) });
    return {
      record: entry.record,
      status: entry.status,
      sentences: entry.sentences,
      links: entry.links,
      findings: decidedFindings(entry).map(({ finding, key, decision }) => ({ ...finding, key, decision: decision?.decision ?? null })),
      annotations,
      decisions: entry.decisions,
      mqm: { penalty: score.penalty, perWord: score.perWord, formula: score.formula },
    };
  });
  return `${JSON.stringify({ format: JSON_EXPORT_FORMAT, version: JSON_EXPORT_VERSION, reviewer: data.reviewer, exportedAt: data.exportedAt, records }, null, 2)}\n`;
}
