import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReviewApi } from '../../api/ReviewApiContext.tsx';
import type { ExportRequest } from '../../components/review/ExportDialog.tsx';
import { reviewSessionStoreFor } from './reviewSessionStore.ts';

/** Offers `content` as a file download (the browser host): a Blob URL on a temporary link. */
export function downloadText(content: string, fileName: string, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mediaType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Export and MQM import for the export dialog: calls the main side, downloads or reports. */
export function useExport(recordId: string) {
  const api = useReviewApi();
  const { t } = useTranslation('review');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const runExport = useCallback(
    async (request: ExportRequest) => {
      setBusy(true);
      // Everything acknowledged is in the store before it is read for the export.
      await reviewSessionStoreFor(api).idle();
      const result = await api.writeExport({
        format: request.format,
        ...(request.path !== undefined ? { path: request.path } : {}),
        ...(request.scope === 'record' ? { recordIds: [recordId] } : {}),
      });
      setBusy(false);
      if (!result.ok) {
        setMessage(t('export.failed', { error: result.error }));
        return;
      }
      const { content, fileName, mediaType, path, records } = result.value;
      if (content !== null) downloadText(content, fileName, mediaType);
      setMessage(t('export.done', { records, file: path ?? fileName }));
    },
    [api, recordId, t],
  );

  const runImport = useCallback(
    async (file: File) => {
      setBusy(true);
      const result = await api.importMqm({ name: file.name, text: await file.text() });
      setBusy(false);
      if (!result.ok) {
        setMessage(t('export.failed', { error: result.error }));
        return;
      }
      const { imported, duplicates, clean, errors } = result.value;
      setMessage(t('export.imported', { imported, duplicates, clean, errors: errors.length }));
      await reviewSessionStoreFor(api).refresh(recordId);
    },
    [api, recordId, t],
  );

  return { busy, message, runExport, runImport, canWritePaths: api.host === 'electron' };
}
