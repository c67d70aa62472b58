import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewRecord } from '../../../../shared/records/model.ts';
import { ReviewView } from './ReviewView.tsx';
import '../../components/review/review.css';

type Tab = 'review' | 'text';

/**
 * The selected record as two tabs: the aligned review (the default, where the work happens) and
 * the full text as the file has it (the record panel's two columns, passed in as `fullText`).
 */
export function RecordReviewTabs({ record, fullText, onStepRecord }: { record: ReviewRecord; fullText: ReactNode; onStepRecord?: ((delta: 1 | -1) => void) | undefined }) {
  const { t } = useTranslation('review');
  const [tab, setTab] = useState<Tab>('review');
  const base = useId();
  const tabs: Tab[] = ['review', 'text'];
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = tab === 'review' ? 'text' : 'review';
    setTab(next);
    document.getElementById(`${base}-${next}-tab`)?.focus();
  };
  return (
    <div className="record-tabs">
      <div role="tablist" aria-label={t('tabs.label')} className="record-tabs__list" onKeyDown={onKeyDown}>
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`${base}-${name}-tab`}
            aria-selected={tab === name}
            aria-controls={`${base}-${name}-panel`}
            tabIndex={tab === name ? 0 : -1}
            className={tab === name ? 'record-tabs__tab record-tabs__tab--selected' : 'record-tabs__tab'}
            onClick={() => setTab(name)}
          >
            {t(`tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-${tab}-panel`} aria-labelledby={`${base}-${tab}-tab`} className="record-tabs__panel">
        {tab === 'review' ? <ReviewView record={record} onStepRecord={onStepRecord} /> : fullText}
      </div>
    </div>
  );
}
