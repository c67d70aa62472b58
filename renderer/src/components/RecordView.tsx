import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewRecord } from '../../../shared/records/model.ts';
import { BilingualColumns } from './BilingualColumns.tsx';

/** One record: its bibliographic details, then English and Chinese side by side. */
export function RecordView({ record }: { record: ReviewRecord }) {
  const { t } = useTranslation();
  const headingId = useId();
  const unknown = <span className="muted">{t('meta.unknown')}</span>;
  const { doi, journal, authors } = record.metadata;
  return (
    <article className="record-view">
      <section className="record-meta" aria-labelledby={headingId}>
        <h2 id={headingId} className="visually-hidden">
          {t('meta.heading')}
        </h2>
        <dl className="record-meta__fields">
          <dt>{t('meta.title')}</dt>
          <dd lang="en" className="record-meta__title">
            {record.en.title}
          </dd>
          <dt>{t('meta.journal')}</dt>
          <dd>{journal ?? unknown}</dd>
          <dt>{t('meta.doi')}</dt>
          <dd>{doi ?? unknown}</dd>
          <dt>{t('meta.authors')}</dt>
          <dd>{authors && authors.length > 0 ? authors.join(', ') : unknown}</dd>
          <dt>{t('meta.file')}</dt>
          <dd>
            {record.source.file}
            {record.source.line !== undefined && <>, {t('errors.line', { line: record.source.line })}</>}
          </dd>
        </dl>
      </section>
      <BilingualColumns
        english={record.en}
        chinese={record.zh ? { title: record.zh.title, abstract: record.zh.abstract } : null}
      />
    </article>
  );
}
