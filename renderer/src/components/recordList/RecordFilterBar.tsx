import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewStatus } from '../../../../shared/contract/annotations.ts';
import type { FindingKind, Severity } from '../../../../shared/checks/types.ts';
import type { RecordQueryCounts } from '../../../../shared/contract/recordQuery.ts';
import { FINDING_KINDS, REVIEW_STATUSES, SEVERITIES } from '../../../../shared/contract/vocabulary.ts';

/** The filter bar's choices; '' is "any". */
export interface RecordFilterChoice {
  text: string;
  kind: FindingKind | '';
  severity: Severity | '';
  status: ReviewStatus | '';
}

export const noFilter: RecordFilterChoice = { text: '', kind: '', severity: '', status: '' };

export interface RecordFilterBarProps {
  filter: RecordFilterChoice;
  onChange: (filter: RecordFilterChoice) => void;
  /** How many records each choice would show (null until the first answer). */
  counts: RecordQueryCounts | null;
  shown: number;
  total: number;
  /** Records checked so far; below `total` a progress line says flag filters are still filling. */
  checked: number;
}

/**
 * Search box and kind / severity / status drop-downs above the record list, with the count of
 * records shown. Native controls with visible labels: keyboard and screen readers need nothing more.
 * Memoised: a record switch re-renders the list around it and changes nothing here.
 */
export const RecordFilterBar = memo(function RecordFilterBar({ filter, onChange, counts, shown, total, checked }: RecordFilterBarProps) {
  const { t } = useTranslation();
  const id = useId();
  const active = filter.text.trim() !== '' || filter.kind !== '' || filter.severity !== '' || filter.status !== '';
  const option = (label: string, count: number | undefined) => (count === undefined ? label : t('recordList.option', { label, count }));
  return (
    <div className="record-filters" role="group" aria-label={t('recordList.filters')}>
      <label className="record-filters__search" htmlFor={`${id}-text`}>
        <span className="visually-hidden">{t('recordList.search')}</span>
        <input
          id={`${id}-text`}
          type="search"
          value={filter.text}
          placeholder={t('recordList.searchPlaceholder')}
          onChange={(event) => onChange({ ...filter, text: event.target.value })}
        />
      </label>
      <div className="record-filters__selects">
        <label htmlFor={`${id}-kind`}>{t('recordList.kind')}</label>
        <select id={`${id}-kind`} value={filter.kind} onChange={(event) => onChange({ ...filter, kind: event.target.value as RecordFilterChoice['kind'] })}>
          <option value="">{t('recordList.any')}</option>
          {FINDING_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {option(t(`flag.kind.${kind}`, { ns: 'review' }), counts?.byKind[kind])}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-severity`}>{t('recordList.severity')}</label>
        <select id={`${id}-severity`} value={filter.severity} onChange={(event) => onChange({ ...filter, severity: event.target.value as RecordFilterChoice['severity'] })}>
          <option value="">{t('recordList.any')}</option>
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {option(t(`severity.${severity}`, { ns: 'review' }), counts?.bySeverity[severity])}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-status`}>{t('recordList.status')}</label>
        <select id={`${id}-status`} value={filter.status} onChange={(event) => onChange({ ...filter, status: event.target.value as RecordFilterChoice['status'] })}>
          <option value="">{t('recordList.any')}</option>
          {REVIEW_STATUSES.map((status) => (
            <option key={status} value={status}>
              {option(t(`status.${status}`, { ns: 'review' }), counts?.byStatus[status])}
            </option>
          ))}
        </select>
      </div>
      <div className="record-filters__footer">
        <span className="record-filters__count" aria-live="polite">
          {t('recordList.count', { shown, total })}
        </span>
        {active && (
          <button type="button" className="button button--small" onClick={() => onChange(noFilter)}>
            {t('recordList.clear')}
          </button>
        )}
      </div>
      {checked < total && <p className="record-filters__checking muted">{t('recordList.checking', { done: checked, total })}</p>}
    </div>
  );
});
