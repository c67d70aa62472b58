import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadError } from '../../../shared/records/model.ts';
import { baseName } from './baseName.ts';

/**
 * Records or files that could not be read, each with where (file, line) and why. The reason comes
 * from the parser in English and is shown as is: it names the format problem precisely.
 */
export function ErrorEntries({ errors }: { errors: LoadError[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="error-entries" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-heading">
        {t('errors.heading', { count: errors.length })}
      </h2>
      {errors.length === 0 ? (
        <p className="muted">{t('errors.none')}</p>
      ) : (
        <ul className="error-entries__list">
          {errors.map((error, index) => (
            <li key={`${error.source.file}:${error.source.line ?? ''}:${index}`} className="error-entries__item">
              <span className="error-entries__where" title={error.source.file}>
                {baseName(error.source.file)}
                {error.source.line !== undefined && <>, {t('errors.line', { line: error.source.line })}</>}
              </span>
              <span className="error-entries__reason">{error.message}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
