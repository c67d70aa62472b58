/**
 * Annotations and flags as one-line human-readable notes, the form XLIFF `<note>` and TMX `<note>`
 * take (both formats carry free text there, nothing structured).
 */
import { spanInSentence, type Annotation } from '../annotations/model.ts';
import type { Sentence } from '../segment/types.ts';
import type { DecidedFinding } from './segments.ts';

/**
 * "Major Accuracy/Mistranslation on “摇头丸”: comment. Correction: …" — severity, category, the
 * marked text when there is a span, then the comment and correction when given.
 */
export function annotationNote(annotation: Annotation, sentences: { en: readonly Sentence[]; zh: readonly Sentence[] }): string {
  const span = annotation.span ? spanInSentence(annotation.span, sentences[annotation.span.side]) : null;
  const severity = annotation.severity.charAt(0).toUpperCase() + annotation.severity.slice(1);
  let note = `${severity} ${annotation.category}${span ? ` on “${span.text}”` : ''}`;
  if (annotation.comment) note += `: ${annotation.comment}`;
  if (annotation.correction !== null) note += ` Correction: ${annotation.correction}`;
  return note;
}

/** "Flag term-inconsistency (major), confirmed: message — note". */
export function flagNote({ finding, decision }: DecidedFinding): string {
  const verdict = decision ? decision.decision : 'undecided';
  return `Flag ${finding.kind} (${finding.severity}), ${verdict}: ${finding.message.en}${decision?.note ? ` — ${decision.note}` : ''}`;
}

/** XLIFF note priority (1 = most important, 10 = least) for a severity. */
export function notePriority(severity: 'critical' | 'major' | 'minor'): number {
  return severity === 'critical' ? 1 : severity === 'major' ? 3 : 5;
}
