import { useTranslation } from 'react-i18next';
import type { GlossaryEntry } from '../../../../shared/contract/annotations.ts';

export interface GlossaryTableProps {
  entries: GlossaryEntry[];
  busy: boolean;
  onEdit(entry: GlossaryEntry): void;
  onDelete(term: string): void;
}

/** The glossary as a table, one row per term, with Edit and Delete per row. Entry text is React text only. */
export function GlossaryTable({ entries, busy, onEdit, onDelete }: GlossaryTableProps) {
  const { t } = useTranslation('glossary');
  return (
    <table className="glossary-table" aria-label={t('list.label')}>
      <thead>
        <tr>
          <th scope="col">{t('column.term')}</th>
          <th scope="col">{t('column.preferred')}</th>
          <th scope="col">{t('column.forbidden')}</th>
          <th scope="col">{t('column.note')}</th>
          <th scope="col">{t('column.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.term}>
            <th scope="row">{entry.term}</th>
            <td lang="zh-CN">{entry.preferred}</td>
            <td lang="zh-CN">{entry.forbidden.join(' | ')}</td>
            <td>{entry.note}</td>
            <td className="glossary-table__actions">
              <button type="button" className="button button--small" aria-label={t('entry.editLabel', { term: entry.term })} onClick={() => onEdit(entry)}>
                {t('entry.edit')}
              </button>
              <button type="button" className="button button--small" aria-label={t('entry.deleteLabel', { term: entry.term })} disabled={busy} onClick={() => onDelete(entry.term)}>
                {t('entry.delete')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
