import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from './components/AppHeader.tsx';
import { ErrorEntries } from './components/ErrorEntries.tsx';
import { LoadProgressBar } from './components/LoadProgressBar.tsx';
import type { FormatChoice } from './components/FormatSelect.tsx';
import { useFileDrop } from './features/files/useFileDrop.ts';
import { useRecentPaths } from './features/files/useRecentPaths.ts';
import { GlossaryLauncher } from './features/glossary/GlossaryLauncher.tsx';
import { useUiLanguage } from './features/language/useUiLanguage.ts';
import { useLibrary } from './features/library/useLibrary.ts';
import { RecordPanel } from './features/record/RecordPanel.tsx';
import { markSwitchStart } from './features/record/switchTiming.ts';
import { RecordListPanel } from './features/recordList/RecordListPanel.tsx';

/**
 * The application frame: header, the record list and load errors on the left, the selected record
 * in the main area. Containers (hooks in features/) fetch; components/ draw.
 */
export function App() {
  const { t } = useTranslation();
  const { language, setLanguage } = useUiLanguage();
  const library = useLibrary();
  const [chosenId, setChosenId] = useState<string | null>(null);
  // The user's choice of record (list click or key, Alt+↓/↑), marked for the switch timing.
  const choose = useCallback((id: string) => {
    markSwitchStart(id);
    setChosenId(id);
  }, []);
  const listHeadingId = useId();

  const { records, errors } = library.state;
  // The shown record: the user's choice while it is still loaded, else the first record, so the
  // app opens on something to read.
  // Each record's place in the list, found once per list rather than by a scan on every switch.
  const positions = useMemo(() => new Map(records.map((record, index) => [record.id, index])), [records]);
  const selectedId = chosenId !== null && positions.has(chosenId) ? chosenId : (records[0]?.id ?? null);

  // Alt+Down / Alt+Up in the review view: the next or previous record in list order.
  const stepRecord = useCallback(
    (delta: 1 | -1) => {
      const next = records[(selectedId === null ? -1 : (positions.get(selectedId) ?? -1)) + delta];
      if (next) choose(next.id);
    },
    [records, positions, selectedId, choose],
  );

  const { openFiles, openPaths, openSample } = library;
  // The format the user chose for the next files (picked, dropped or typed); 'auto' detects it.
  const [format, setFormat] = useState<FormatChoice>('auto');
  const { recentPaths, refresh: refreshRecent } = useRecentPaths();
  const open = useCallback(
    async (files: File[]) => {
      const added = await openFiles(files, format === 'auto' ? undefined : format);
      if (added[0] !== undefined) setChosenId(added[0]);
    },
    [openFiles, format],
  );
  const onOpenFiles = useCallback((files: File[]) => void open(files), [open]);
  const onOpenPath = useCallback(
    (path: string) =>
      void openPaths([path], format === 'auto' ? undefined : format).then((added) => {
        if (added[0] !== undefined) setChosenId(added[0]);
        refreshRecent();
      }),
    [openPaths, format, refreshRecent],
  );
  const { dragging, dropHandlers } = useFileDrop(onOpenFiles);
  // One element for the header's whole life, so the memoised header is not drawn again on every
  // record switch (which re-renders the app) for a new but equal element.
  const headerActions = useMemo(() => <GlossaryLauncher />, []);

  return (
    <div className="app" {...dropHandlers}>
      <AppHeader
        language={language}
        onLanguageChange={setLanguage}
        onOpenFiles={onOpenFiles}
        format={format}
        onFormatChange={setFormat}
        recentPaths={recentPaths}
        onOpenPath={onOpenPath}
        actions={headerActions}
      />
      <div className="status-strip">
        {library.progress && <LoadProgressBar progress={library.progress} />}
        <div className={library.notice?.kind === 'error' ? 'notice notice--error' : 'notice'} role="status">
          {library.notice && t(library.notice.key, library.notice.values)}
        </div>
      </div>
      <div className="app-body">
        <div className="sidebar">
          <nav className="record-nav" aria-labelledby={listHeadingId}>
            <h2 id={listHeadingId} className="panel-heading">
              {t('list.heading')}
            </h2>
            {records.length === 0 ? (
              <div className="record-nav__empty">
                <p className="muted">{t('list.empty')}</p>
                <button type="button" className="button" onClick={() => void openSample()}>
                  {t('header.openSample')}
                </button>
              </div>
            ) : (
              <RecordListPanel records={records} selectedId={selectedId} onSelect={choose} />
            )}
          </nav>
          <ErrorEntries errors={errors} />
        </div>
        <main className="record-main" aria-label={t('record.regionLabel')}>
          <RecordPanel recordId={selectedId} onStepRecord={stepRecord} />
        </main>
      </div>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          {t('drop.hint')}
        </div>
      )}
    </div>
  );
}
