/**
 * What the report builders consume: the `check` command's JSON output, as issue 5 fixes it.
 *
 * The reports depend on this wire shape rather than on the pipeline's internal types, so they
 * plug into the CLI (or read a saved `check --json` file) whatever the checks do inside.
 */
import type { FindingKind, Severity } from '../checks/types.ts';
import type { SectionKind } from '../records/model.ts';

/** Where a record or error came from: a path as given, or a location with a line. */
export type CheckSource = string | { file: string; line?: number; offset?: number };

/** One sentence of a record as the CLI prints it. */
export interface CheckSentence {
  text: string;
  section: SectionKind | string;
}

/** One alignment link: 0-based sentence indices on each side. */
export interface CheckAlignmentLink {
  en: number[];
  zh: number[];
  confidence: number;
}

/** One evidence span: character offsets into a sentence, for highlighting. */
export interface CheckEvidence {
  side: 'en' | 'zh';
  sentence: number;
  start: number;
  end: number;
  text: string;
}

/** A message in both UI languages, or a plain string when the CLI flattens it. */
export type CheckMessage = string | { en: string; 'zh-CN'?: string };

/** One finding of the divergence checks. */
export interface CheckFlag {
  kind: FindingKind | string;
  severity: Severity;
  en: number[];
  zh: number[];
  message: CheckMessage;
  evidence: CheckEvidence[];
}

/** One record's result: `records[i]` of `check --json`. */
export interface CheckRecordResult {
  id: string;
  source: CheckSource;
  sentences: { en: CheckSentence[]; zh: CheckSentence[] };
  alignment: CheckAlignmentLink[];
  flags: CheckFlag[];
}

/** A record or file that could not be loaded or checked. */
export interface CheckError {
  source: CheckSource;
  message: string;
}

/** The whole `check --json` document. */
export interface CheckResults {
  records: CheckRecordResult[];
  errors: CheckError[];
}

/** "file:line" (or the bare path) for a source, as reports and the terminal show it. */
export function formatSource(source: CheckSource): string {
  if (typeof source === 'string') return source;
  return source.line === undefined ? source.file : `${source.file}:${source.line}`;
}

/**
 * Where an error entry is and why. Load errors open their message with their place (so a log line
 * reads on its own); the reason here is without it, so reports do not write the place twice.
 */
export function errorParts(error: CheckError): { where: string; reason: string } {
  const where = formatSource(error.source);
  const file = typeof error.source === 'string' ? error.source : error.source.file;
  for (const prefix of [`${where}: `, `${file}: `]) {
    if (error.message.startsWith(prefix)) return { where, reason: error.message.slice(prefix.length) };
  }
  return { where, reason: error.message };
}

/** "file:line: reason", as the terminal and the text table show an error entry. */
export function formatError(error: CheckError): string {
  const { where, reason } = errorParts(error);
  return `${where}: ${reason}`;
}

/** The English text of a message (the reports are in English; the UI shows both). */
export function messageText(message: CheckMessage, lang: 'en' | 'zh-CN' = 'en'): string {
  if (typeof message === 'string') return message;
  return (lang === 'zh-CN' ? message['zh-CN'] : undefined) ?? message.en;
}
