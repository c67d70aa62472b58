import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossaryEntryInput } from '../../../../shared/contract/glossary.ts';
import type { GlossaryError } from '../../../../shared/terms/glossary.ts';
import { downloadText } from '../review/useExport.ts';
import { useGlossary } from './GlossaryContext.tsx';

/**
 * The glossary dialog's actions: each calls the main side through the glossary context, which
 * re-reads the list (and so re-runs the record's checks), and leaves a translated outcome message.
 * The export is downloaded through a Blob link, which works in both hosts.
 */
export function useGlossaryEditor() {
  const glossary = useGlossary();
  const { t } = useTranslation('glossary');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [importErrors, setImportErrors] = useState<GlossaryError[]>([]);
  const { save: saveEntry, remove: removeEntry, importTsv, exportTsv } = glossary;

  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T> => {
    setBusy(true);
    try {
      return await action();
    } finally {
      setBusy(false);
    }
  }, []);

  const save = useCallback(
    (entry: GlossaryEntryInput, previousTerm?: string) =>
      run(async () => {
        const result = await saveEntry(entry, previousTerm);
        setMessage(result.ok ? t('status.saved', { term: result.value.term }) : t('status.failed', { error: result.error }));
        return result.ok;
      }),
    [run, saveEntry, t],
  );

  const remove = useCallback(
    (term: string) =>
      run(async () => {
        const result = await removeEntry(term);
        setMessage(result.ok ? t('status.deleted', { term }) : t('status.failed', { error: result.error }));
      }),
    [run, removeEntry, t],
  );

  const importFile = useCallback(
    (file: File) =>
      run(async () => {
        const result = await importTsv(await file.text());
        if (!result.ok) {
          setImportErrors([]);
          setMessage(t('status.failed', { error: result.error }));
          return;
        }
        const { added, updated, errors } = result.value;
        setImportErrors(errors);
        setMessage(t('status.imported', { added, updated, errors: errors.length }));
      }),
    [run, importTsv, t],
  );

  const exportFile = useCallback(
    () =>
      run(async () => {
        const result = await exportTsv();
        if (!result.ok) {
          setMessage(t('status.failed', { error: result.error }));
          return;
        }
        downloadText(result.value.text, result.value.fileName, 'text/tab-separated-values');
        setMessage(t('status.exported', { count: result.value.entries, file: result.value.fileName }));
      }),
    [run, exportTsv, t],
  );

  const clearMessages = useCallback(() => {
    setMessage(null);
    setImportErrors([]);
  }, []);

  return { entries: glossary.entries, busy, message, importErrors, save, remove, importFile, exportFile, clearMessages };
}
