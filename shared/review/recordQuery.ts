import type { FindingKind, Severity } from '../checks/types.ts';
import type { ReviewStatus } from '../contract/annotations.ts';
import type { RequestOf } from '../contract/channels.ts';
import { FINDING_KINDS, REVIEW_STATUSES, SEVERITIES, type RecordFlagCounts, type RecordQueryCounts } from '../contract/recordQuery.ts';

/** What the record list's filters look at in one record. */
export interface QueryableRecord {
  /** Titles and abstracts, both languages, as loaded (searched case-folded). */
  texts: readonly string[];
  flags: RecordFlagCounts | null;
  status: ReviewStatus;
}

export type RecordFilter = Pick<RequestOf<'library:query'>, 'text' | 'kinds' | 'severities' | 'statuses'>;

/** Counts a record's findings by kind and severity. */
export function countFlags(findings: readonly { kind: FindingKind; severity: Severity }[]): RecordFlagCounts {
  const counts: RecordFlagCounts = { total: findings.length, bySeverity: { critical: 0, major: 0, minor: 0 }, byKind: {} };
  for (const finding of findings) {
    counts.bySeverity[finding.severity] += 1;
    counts.byKind[finding.kind] = (counts.byKind[finding.kind] ?? 0) + 1;
  }
  return counts;
}

/**
 * A test for "this text occurs in one of the texts", ignoring case; null for a blank query.
 * A query with no cased letters (Chinese, digits) is a plain `includes`; otherwise an escaped
 * case-insensitive expression, which folds case while scanning instead of copying every
 * abstract in lower case (100,000 abstracts are a few hundred MB of copies).
 */
export function textMatcher(query: string | undefined): ((texts: readonly string[]) => boolean) | null {
  const needle = query?.trim().replace(/\s+/gu, ' ') ?? '';
  if (needle === '') return null;
  if (needle.toLowerCase() === needle.toUpperCase()) return (texts) => texts.some((text) => text.includes(needle));
  const pattern = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'), 'iu');
  return (texts) => texts.some((text) => pattern.test(text));
}

function emptyCounts(): RecordQueryCounts {
  const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  return { byKind: zero(FINDING_KINDS), bySeverity: zero(SEVERITIES), byStatus: zero(REVIEW_STATUSES) };
}

/**
 * Filters records (OR within one filter, AND across filters) and counts, for each filter value,
 * the records matching the other filters that have that value. A record not yet checked has no
 * known flags, so a kind or severity filter leaves it out until it is checked.
 * Returns the positions of the matching records, in order.
 */
export function filterRecords(records: readonly QueryableRecord[], filter: RecordFilter): { matches: number[]; counts: RecordQueryCounts } {
  const text = textMatcher(filter.text);
  const kinds = filter.kinds?.length ? filter.kinds : null;
  const severities = filter.severities?.length ? filter.severities : null;
  const statuses = filter.statuses?.length ? new Set(filter.statuses) : null;
  const counts = emptyCounts();
  const matches: number[] = [];
  records.forEach((record, index) => {
    if (text && !text(record.texts)) return;
    const flags = record.flags;
    const kindOk = !kinds || (flags !== null && kinds.some((kind) => (flags.byKind[kind] ?? 0) > 0));
    const severityOk = !severities || (flags !== null && severities.some((severity) => flags.bySeverity[severity] > 0));
    const statusOk = !statuses || statuses.has(record.status);
    if (kindOk && severityOk) counts.byStatus[record.status] += 1;
    if (flags) {
      if (severityOk && statusOk) {
        for (const kind of FINDING_KINDS) if ((flags.byKind[kind] ?? 0) > 0) counts.byKind[kind] += 1;
      }
      if (kindOk && statusOk) {
        for (const severity of SEVERITIES) if (flags.bySeverity[severity] > 0) counts.bySeverity[severity] += 1;
      }
    }
    if (kindOk && severityOk && statusOk) matches.push(index);
  });
  return { matches, counts };
}
