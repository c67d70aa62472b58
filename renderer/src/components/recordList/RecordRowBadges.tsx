import type { TFunction } from 'i18next';
import type { RecordFlagCounts, RecordListRow } from '../../../../shared/contract/recordQuery.ts';

/** The colour class of a flag count: its worst severity, or none. */
function severityClass(flags: RecordFlagCounts): string {
  if (flags.bySeverity.critical > 0) return 'record-badge--critical';
  if (flags.bySeverity.major > 0) return 'record-badge--major';
  if (flags.bySeverity.minor > 0) return 'record-badge--minor';
  return 'record-badge--clean';
}

/**
 * A row's flag count (coloured by its worst severity; the full split is its accessible name and
 * tooltip) and review status. Before the background check reaches the record, a dash. `t` comes
 * from the list, which draws many rows: one translation subscription for all of them.
 */
export function RecordRowBadges({ row, t }: { row: Pick<RecordListRow, 'flags' | 'status'> | undefined; t: TFunction }) {
  if (!row) return <span className="record-badges" />;
  const { flags, status } = row;
  const flagText = flags
    ? t('recordList.flags', { count: flags.total, critical: flags.bySeverity.critical, major: flags.bySeverity.major, minor: flags.bySeverity.minor })
    : t('recordList.flagsUnknown');
  return (
    <span className="record-badges">
      <span className={`record-badge ${flags ? severityClass(flags) : 'record-badge--unknown'}`} title={flagText}>
        <span aria-hidden="true">{flags ? flags.total : '–'}</span>
        <span className="visually-hidden">{flagText}</span>
      </span>
      <span className={`record-status record-status--${status}`}>{t(`status.${status}`, { ns: 'review' })}</span>
    </span>
  );
}
