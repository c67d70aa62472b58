import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RECORD_FORMATS } from '../../../shared/contract/vocabulary.ts';
import type { RecordFormat } from '../../../shared/records/model.ts';

/** The user's choice of record format: a format, or 'auto' to let the parser detect it per file. */
export type FormatChoice = RecordFormat | 'auto';

export interface FormatSelectProps {
  value: FormatChoice;
  onChange: (value: FormatChoice) => void;
}

/**
 * How the next files are read. Detection looks at content and extension and is right for almost
 * every file; the override is for the rest (a `.txt` that is really TSV, a JSON export named `.dat`).
 */
export function FormatSelect({ value, onChange }: FormatSelectProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="format-select">
      <label htmlFor={id}>{t('open.format')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as FormatChoice)}>
        <option value="auto">{t('open.formatAuto')}</option>
        {RECORD_FORMATS.map((format) => (
          <option key={format} value={format}>
            {t(`format.${format}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
