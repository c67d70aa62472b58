/**
 * Corpus-level counts over `check` results: what the terminal table, the CSV and the HTML report
 * are built from.
 *
 * The summary is built incrementally (`SummaryBuilder`) so the CLI can fold 100,000 results as
 * they stream out of the worker pool without holding them: only the few worst records are kept.
 */
import type { Severity } from '../checks/types.ts';
import type { CheckError, CheckFlag, CheckRecordResult, CheckResults } from './types.ts';
import { SEVERITIES } from '../contract/vocabulary.ts';

/** Severities from worst to mildest: the order every table and chart uses (the contract's list). */
export { SEVERITIES };

/**
 * MQM-style penalty points per flag. MQM (Lommel et al.; the WMT expert evaluations) scores
 * minor 1, major 5, and critical 10 (some variants 25); we keep 10 so one critical does not
 * outweigh a record full of majors.
 */
export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = { critical: 10, major: 5, minor: 1 };

/** Flags counted per severity. */
export type SeverityCounts = Record<Severity, number>;

/** Section key used when a flag points at no sentence (record-level findings). */
export const NO_SECTION = 'record';

/** A record among the worst, with its full result so reports can show the evidence. */
export interface WorstRecord {
  id: string;
  weight: number;
  severities: SeverityCounts;
  record: CheckRecordResult;
}

/** Corpus-wide counts. Maps are plain objects with keys sorted by count, then name. */
export interface ReportSummary {
  records: number;
  recordsWithFlags: number;
  flags: number;
  /** Load or check errors (malformed records, unreadable files). */
  errors: number;
  /** The first few errors, for display; `errors` has the full count. */
  errorSamples: CheckError[];
  bySeverity: SeverityCounts;
  byKind: Record<string, SeverityCounts>;
  /** Flags by the section kind of the sentences they concern (`record` when none). */
  bySection: Record<string, SeverityCounts>;
  /** Sum of MQM-like weights over all flags. */
  totalWeight: number;
  /** Records with the highest weight, worst first (ties broken by id, so output is stable). */
  worst: WorstRecord[];
}

/** How many worst records and error samples a summary keeps. */
export interface SummaryOptions {
  worst?: number;
  errorSamples?: number;
}

function emptyCounts(): SeverityCounts {
  return { critical: 0, major: 0, minor: 0 };
}

function total(counts: SeverityCounts): number {
  return counts.critical + counts.major + counts.minor;
}

/** The MQM-like weight of a list of flags (unknown severities count as minor). */
export function flagsWeight(flags: readonly CheckFlag[]): number {
  let weight = 0;
  for (const flag of flags) weight += SEVERITY_WEIGHTS[flag.severity] ?? 1;
  return weight;
}

/**
 * The section a flag belongs to: that of its first English sentence, else its first Chinese
 * sentence (an addition has no English side), else `record` for record-wide findings.
 */
export function sectionOfFlag(flag: CheckFlag, record: CheckRecordResult): string {
  const en = flag.en[0];
  if (en !== undefined) {
    const sentence = record.sentences.en[en];
    if (sentence !== undefined) return sentence.section;
  }
  const zh = flag.zh[0];
  if (zh !== undefined) {
    const sentence = record.sentences.zh[zh];
    if (sentence !== undefined) return sentence.section;
  }
  return NO_SECTION;
}

function sortedByCount(map: Map<string, SeverityCounts>): Record<string, SeverityCounts> {
  const entries = [...map.entries()].sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0]));
  return Object.fromEntries(entries);
}

function worseThan(a: WorstRecord, b: WorstRecord): boolean {
  return a.weight > b.weight || (a.weight === b.weight && a.id < b.id);
}

/** Folds results one at a time into a `ReportSummary`; memory stays bounded by `options.worst`. */
export class SummaryBuilder {
  #records = 0;
  #recordsWithFlags = 0;
  #flags = 0;
  #errors = 0;
  #totalWeight = 0;
  readonly #errorSamples: CheckError[] = [];
  readonly #bySeverity = emptyCounts();
  readonly #byKind = new Map<string, SeverityCounts>();
  readonly #bySection = new Map<string, SeverityCounts>();
  readonly #worst: WorstRecord[] = [];
  readonly #worstLimit: number;
  readonly #errorLimit: number;

  constructor(options: SummaryOptions = {}) {
    this.#worstLimit = options.worst ?? 20;
    this.#errorLimit = options.errorSamples ?? 50;
  }

  /** Counts one record's flags and keeps the record if it is among the worst so far. */
  addRecord(record: CheckRecordResult): void {
    this.#records++;
    if (record.flags.length === 0) return;
    this.#recordsWithFlags++;
    const severities = emptyCounts();
    for (const flag of record.flags) {
      const severity: Severity = flag.severity in SEVERITY_WEIGHTS ? flag.severity : 'minor';
      this.#flags++;
      severities[severity]++;
      this.#bySeverity[severity]++;
      bump(this.#byKind, flag.kind, severity);
      bump(this.#bySection, sectionOfFlag(flag, record), severity);
    }
    const weight = flagsWeight(record.flags);
    this.#totalWeight += weight;
    this.#offerWorst({ id: record.id, weight, severities, record });
  }

  /** Counts one error, keeping the first few for display. */
  addError(error: CheckError): void {
    this.#errors++;
    if (this.#errorSamples.length < this.#errorLimit) this.#errorSamples.push(error);
  }

  /** The summary of everything added so far. */
  finish(): ReportSummary {
    return {
      records: this.#records,
      recordsWithFlags: this.#recordsWithFlags,
      flags: this.#flags,
      errors: this.#errors,
      errorSamples: [...this.#errorSamples],
      bySeverity: { ...this.#bySeverity },
      byKind: sortedByCount(this.#byKind),
      bySection: sortedByCount(this.#bySection),
      totalWeight: this.#totalWeight,
      worst: [...this.#worst],
    };
  }

  // Sorted insertion into a short list: K is ~20, so this beats a heap on simplicity at no cost.
  #offerWorst(entry: WorstRecord): void {
    if (this.#worstLimit <= 0) return;
    const last = this.#worst[this.#worst.length - 1];
    if (this.#worst.length >= this.#worstLimit && last !== undefined && !worseThan(entry, last)) return;
    let i = this.#worst.length;
    while (i > 0 && worseThan(entry, this.#worst[i - 1]!)) i--;
    this.#worst.splice(i, 0, entry);
    if (this.#worst.length > this.#worstLimit) this.#worst.pop();
  }
}

function bump(map: Map<string, SeverityCounts>, key: string, severity: Severity): void {
  let counts = map.get(key);
  if (counts === undefined) {
    counts = emptyCounts();
    map.set(key, counts);
  }
  counts[severity]++;
}

/**
 * Counts over a whole `check` result: records, flags by kind, severity and section, errors, and
 * the worst records by MQM-like weight. For streamed results use `SummaryBuilder` directly.
 */
export function summarize(results: CheckResults, options: SummaryOptions = {}): ReportSummary {
  const builder = new SummaryBuilder(options);
  for (const record of results.records) builder.addRecord(record);
  for (const error of results.errors) builder.addError(error);
  return builder.finish();
}

/** Total flags in a severity count. */
export function countTotal(counts: SeverityCounts): number {
  return total(counts);
}

/**
 * True when any flag is at `threshold` or worse (`--fail-on major` fails on major and critical),
 * so pipelines can gate on a summary.
 */
export function hasFlagsAtOrAbove(summary: ReportSummary, threshold: Severity): boolean {
  const limit = SEVERITIES.indexOf(threshold);
  return SEVERITIES.some((severity, i) => i <= limit && summary.bySeverity[severity] > 0);
}
