import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FilePickButton } from '../FilePickButton.tsx';
import { ModalDialog } from '../ModalDialog.tsx';
import { EXPORT_FORMATS, type ExportFormat } from '../../../../shared/export/formats.ts';

export interface ExportRequest {
  format: ExportFormat;
  scope: 'record' | 'all';
  /** Where to write, for the Electron host; absent in the browser (the file is downloaded). */
  path?: string;
}

export interface ExportDialogProps {
  /** True where the main side can write to a path (Electron); false in the browser host. */
  canWritePaths: boolean;
  busy: boolean;
  /** The outcome of the last export or import, already translated. */
  message: string | null;
  onExport(request: ExportRequest): void;
  onImport(file: File): void;
  onClose(): void;
}

/** Export in one of the six formats (this record or all loaded ones), and MQM TSV import. */
export function ExportDialog({ canWritePaths, busy, message, onExport, onImport, onClose }: ExportDialogProps) {
  const { t } = useTranslation('review');
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [scope, setScope] = useState<'record' | 'all'>('all');
  const [path, setPath] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onExport(canWritePaths && path.trim() ? { format, scope, path: path.trim() } : { format, scope });
  };

  return (
    <ModalDialog title={t('export.title')} onClose={onClose} onSubmit={submit}>
      <label className="field">
        <span>{t('export.format')}</span>
        <select value={format} onChange={(event) => setFormat(event.target.value as ExportFormat)}>
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`export.formatName.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field field--inline">
        <legend>{t('export.scope')}</legend>
        <label>
          <input type="radio" name="scope" checked={scope === 'record'} onChange={() => setScope('record')} /> {t('export.scopeRecord')}
        </label>
        <label>
          <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} /> {t('export.scopeAll')}
        </label>
      </fieldset>
      {canWritePaths && (
        <label className="field">
          <span>{t('export.path')}</span>
          <input value={path} onChange={(event) => setPath(event.target.value)} placeholder="/home/…/review.csv" />
        </label>
      )}
      <div className="annotation-form__buttons">
        <button type="submit" className="button button--primary" disabled={busy}>
          {canWritePaths && path.trim() ? t('export.write') : t('export.download')}
        </button>
        <FilePickButton accept=".tsv,text/tab-separated-values" disabled={busy} onPick={([file]) => onImport(file)}>
          {t('export.import')}
        </FilePickButton>
        <button type="button" className="button" onClick={onClose}>
          {t('help.close')}
        </button>
      </div>
      <p role="status" className="export-dialog__message">
        {message}
      </p>
    </ModalDialog>
  );
}
