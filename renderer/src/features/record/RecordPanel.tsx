import { useTranslation } from 'react-i18next';
import { RecordView } from '../../components/RecordView.tsx';
import { RecordReviewTabs } from '../review/RecordReviewTabs.tsx';
import { useRecord } from './useRecord.ts';

/** Fetches the selected record and shows it, or says why it cannot. */
export function RecordPanel({ recordId, onStepRecord }: { recordId: string | null; onStepRecord?: (delta: 1 | -1) => void }) {
  const { t } = useTranslation();
  const state = useRecord(recordId);
  switch (state.status) {
    case 'none':
      return <p className="placeholder">{t('record.none')}</p>;
    case 'loading':
      return <p className="placeholder" aria-busy="true">{t('record.loading')}</p>;
    case 'failed':
      return <p className="placeholder placeholder--error" role="alert">{t('record.failed', { error: state.error })}</p>;
    case 'ready':
      return <RecordReviewTabs record={state.record} fullText={<RecordView record={state.record} />} onStepRecord={onStepRecord} />;
  }
}
