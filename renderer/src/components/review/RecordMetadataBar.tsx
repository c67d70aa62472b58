import { useTranslation } from 'react-i18next';
import type { ReviewRecord } from '../../../../shared/records/model.ts';

/** Title (both languages), journal and DOI of the record under review. */
export function RecordMetadataBar({ record }: { record: ReviewRecord }) {
  const { t } = useTranslation('review');
  const { doi, journal } = record.metadata;
  return (
    <header className="review-meta">
      <h2 className="review-meta__title" lang="en">
        {record.en.title}
      </h2>
      {record.zh && (
        <p className="review-meta__title-zh cjk" lang="zh-CN">
          {record.zh.title}
        </p>
      )}
      <dl className="review-meta__fields">
        <dt>{t('meta.journal')}</dt>
        <dd>{journal ?? t('meta.unknown')}</dd>
        <dt>{t('meta.doi')}</dt>
        <dd>{doi ?? t('meta.unknown')}</dd>
      </dl>
    </header>
  );
}
