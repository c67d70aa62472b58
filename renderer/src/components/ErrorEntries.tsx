import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLoadErrorCode } from '../../../shared/records/loadErrorCodes.ts';
import type { LoadError } from '../../../shared/records/model.ts';
import { baseName } from './baseName.ts';

/**
 * Records or files that could not be read, each with where (file, line) and why. The reason is
 * the error's code in the UI language (the `loadErrors` namespace), filled with its values; an
 * entry without a code this build knows (from an older or a test service) shows its English
 * message instead, which is always there.
 */
export function ErrorEntries({ errors }: { errors: LoadError[] }) {
  const { t } = useTranslation();
  const { t: tReason } = useTranslation('loadErrors');
  // `replace`, not spread values: a param named like an i18next option (count, context) must stay a value.
  const reasonOf = (error: LoadError): string => (isLoadErrorCode(error.code) ? tReason(error.code, { replace: error.params ?? {} }) : error.message);
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
              <span className="error-entries__reason">{reasonOf(error)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
