import { useTranslation } from 'react-i18next';
import type { LoadProgress } from '../../../shared/contract/channels.ts';
import { baseName } from './baseName.ts';

/** How far the file being loaded has been read, with the records and errors found so far. */
export function LoadProgressBar({ progress }: { progress: LoadProgress }) {
  const { t } = useTranslation();
  const file = baseName(progress.file);
  return (
    <div className="load-progress">
      <progress
        className="load-progress__bar"
        aria-label={t('progress.label', { file })}
        max={Math.max(progress.totalBytes, 1)}
        value={Math.min(progress.bytesRead, Math.max(progress.totalBytes, 1))}
      />
      <span className="load-progress__counts">
        {t('progress.label', { file })} — {t('progress.counts', { records: progress.records, errors: progress.errors })}
      </span>
    </div>
  );
}
