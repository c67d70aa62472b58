import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilePickButton } from '../FilePickButton.tsx';
import { ModalDialog } from '../ModalDialog.tsx';
import type { GlossaryEntry } from '../../../../shared/contract/annotations.ts';
import type { GlossaryEntryInput } from '../../../../shared/contract/glossary.ts';
import type { GlossaryError } from '../../../../shared/terms/glossary.ts';
import { GlossaryEntryForm } from './GlossaryEntryForm.tsx';
import { GlossaryTable } from './GlossaryTable.tsx';
import './glossary.css';

export interface GlossaryDialogProps {
  /** The stored entries; null while they load. */
  entries: GlossaryEntry[] | null;
  busy: boolean;
  /** The outcome of the last action, already translated. */
  message: string | null;
  /** Lines of the last TSV import that were left out. */
  importErrors: GlossaryError[];
  onSave(entry: GlossaryEntryInput, previousTerm?: string): Promise<boolean>;
  onDelete(term: string): void;
  onImport(file: File): void;
  onExport(): void;
  onClose(): void;
}

/** The glossary editor: the entries, a form to add or edit one, TSV import and export. */
export function GlossaryDialog({ entries, busy, message, importErrors, onSave, onDelete, onImport, onExport, onClose }: GlossaryDialogProps) {
  const { t } = useTranslation('glossary');
  const errorsId = useId();
  const [editing, setEditing] = useState<GlossaryEntry | null>(null);

  const save = async (entry: GlossaryEntryInput, previousTerm?: string) => {
    const stored = await onSave(entry, previousTerm);
    if (stored) setEditing(null);
    return stored;
  };

  return (
    <ModalDialog title={t('title')} onClose={onClose} className="glossary" backdropClassName="glossary-backdrop">
      <p className="glossary__intro">{t('intro')}</p>
      {entries === null ? (
        <p aria-busy="true">{t('list.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="muted">{t('list.empty')}</p>
      ) : (
        <>
          <p className="glossary__count">{t('list.count', { count: entries.length })}</p>
          <div className="glossary__table-frame">
            <GlossaryTable
              entries={entries}
              busy={busy}
              onEdit={setEditing}
              onDelete={(term) => {
                if (editing?.term === term) setEditing(null);
                onDelete(term);
              }}
            />
          </div>
        </>
      )}
      <GlossaryEntryForm key={editing?.term ?? '(new)'} editing={editing} busy={busy} onSave={save} onCancelEdit={() => setEditing(null)} />
      <div className="glossary__buttons">
        <FilePickButton accept=".tsv,.txt,text/tab-separated-values,text/plain" disabled={busy} onPick={([file]) => onImport(file)}>
          {t('file.import')}
        </FilePickButton>
        <button type="button" className="button" disabled={busy || !entries?.length} onClick={onExport}>
          {t('file.export')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <p className="glossary-form__hint">{t('file.format')}</p>
      <p role="status" className="glossary__message">
        {message}
      </p>
      {importErrors.length > 0 && (
        <section aria-labelledby={errorsId} className="glossary__import-errors">
          <h3 id={errorsId}>{t('importErrors.label')}</h3>
          <ul>
            {importErrors.map((error) => (
              <li key={`${error.line}:${error.message}`}>{t('importErrors.line', { line: error.line, message: error.message })}</li>
            ))}
          </ul>
        </section>
      )}
    </ModalDialog>
  );
}
