import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlignmentEdit } from '../../../../shared/annotations/alignmentEdits.ts';
import { countSourceWords, mqmScore } from '../../../../shared/annotations/mqmScore.ts';
import { isMqmCategory, spanFromSentence, spanInSentence, type Annotation, type FlagDecisionKind, type Severity } from '../../../../shared/annotations/model.ts';
import type { ReviewRecord } from '../../../../shared/records/model.ts';
import { useReviewApi } from '../../api/ReviewApiContext.tsx';
import { AlignedView } from '../../components/review/AlignedView.tsx';
import { AnnotationForm, type AnnotationDraft } from '../../components/review/AnnotationForm.tsx';
import { ExportDialog } from '../../components/review/ExportDialog.tsx';
import { KeyboardHelp } from '../../components/review/KeyboardHelp.tsx';
import { RecordMetadataBar } from '../../components/review/RecordMetadataBar.tsx';
import { ReviewToolbar } from '../../components/review/ReviewToolbar.tsx';
import type { SelectionTarget } from '../../components/review/selectionTarget.ts';
import type { RecordAnalysis } from '../../workers/analysisTypes.ts';
import { markSwitchStage } from '../record/switchTiming.ts';
import { buildReviewRows, flagOrder } from './reviewRows.ts';
import { recordSessionSelector } from './recordSessionView.ts';
import { automaticAlignmentOf, reviewSessionStoreFor } from './reviewSessionStore.ts';
import { focusKindOf, shortcutOf, type ShortcutAction } from './shortcuts.ts';
import { useRecordAnalysis } from './useRecordAnalysis.ts';
import { mergeFindings, useCorpusFindings } from './useCorpusFindings.ts';
import { useExport } from './useExport.ts';
import { useReviewerName } from './useReviewerName.ts';

export interface ReviewViewProps {
  record: ReviewRecord;
  /** Moves the record selection (Alt+Down / Alt+Up); absent where the host has no list. */
  onStepRecord?: (delta: 1 | -1) => void;
}

/** The review workflow for one record: analysis in the worker, then the aligned view. */
export function ReviewView({ record, onStepRecord }: ReviewViewProps) {
  const { t } = useTranslation('review');
  const store = reviewSessionStoreFor(useReviewApi());
  const loadReview = useCallback((analysed: ReviewRecord, { alignment }: RecordAnalysis) => store.load(analysed.id, automaticAlignmentOf(alignment)), [store]);
  const analysis = useRecordAnalysis(record, loadReview);
  if (analysis.status === 'failed') {
    return (
      <p className="placeholder placeholder--error" role="alert">
        {t('view.analysisFailed', { error: analysis.error })}
      </p>
    );
  }
  if (analysis.status !== 'ready' || analysis.analysis.recordId !== record.id) {
    return (
      <div className="review">
        <RecordMetadataBar record={record} />
        <p className="placeholder" aria-busy="true">
          {t('view.analysing')}
        </p>
      </div>
    );
  }
  // Keyed by record: a switch to a record analysed ahead renders it at once, with no placeholder
  // in between, and the selection, current flag and open form belong to the record left behind.
  return <ReviewWorkspace key={record.id} record={record} analysis={analysis.analysis} onStepRecord={onStepRecord} />;
}

interface FormState {
  target: SelectionTarget;
  severity: Severity;
  /** The annotation being edited; absent for a new one. */
  editing?: Annotation;
}

function ReviewWorkspace({ record, analysis, onStepRecord }: { record: ReviewRecord; analysis: RecordAnalysis; onStepRecord?: ((delta: 1 | -1) => void) | undefined }) {
  const { t, i18n } = useTranslation('review');
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const api = useReviewApi();
  const store = reviewSessionStoreFor(api);
  // This record's part of the session (the workspace is keyed by record, so one selector each).
  const [selectView] = useState(() => recordSessionSelector(store.getSnapshot, record.id));
  const view = useSyncExternalStore(store.subscribe, selectView);
  const { reviewer, setReviewer } = useReviewerName();
  const [selected, setSelected] = useState<SelectionTarget | null>(null);
  const [currentFlag, setCurrentFlag] = useState<string | null>(null);
  const [form, setForm] = useState<FormState | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const exporter = useExport(record.id);
  const [notice, setNotice] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  // The application menu's File ▸ Export… opens the same dialog.
  useEffect(() => api.onMenuCommand((command) => {
    if (command.type === 'export') setExportOpen(true);
    if (command.type === 'show-help') setHelpOpen(true);
  }), [api]);

  const { alignment } = analysis;
  const recordId = record.id;
  useEffect(() => {
    void store.load(recordId, automaticAlignmentOf(alignment)).then(() => markSwitchStage('review', recordId));
  }, [store, recordId, alignment]);

  const { load, annotations } = view;
  const links = view.links ?? alignment.links;
  const decisions = useMemo(() => new Map(view.decisions), [view.decisions]);
  const corpusFindings = useCorpusFindings(recordId);
  const findings = useMemo(() => mergeFindings(analysis.findings, corpusFindings), [analysis.findings, corpusFindings]);
  const sections = useMemo(
    () => buildReviewRows({ alignment, links, findings, decisions, annotations }),
    [alignment, links, findings, decisions, annotations],
  );
  const flags = useMemo(() => flagOrder(sections), [sections]);
  const openFlags = findings.length - [...decisions.values()].filter((d) => d === 'dismissed').length;
  const score = useMemo(() => mqmScore(annotations, { sourceWords: countSourceWords(record.en.abstract) }), [annotations, record.en.abstract]);
  const { status } = view;
  const flagIndex = flags.findIndex((f) => f.key === currentFlag);
  const shown = load !== undefined && load.status !== 'loading';
  useEffect(() => {
    if (shown) markSwitchStage('shown', recordId);
  }, [shown, recordId]);

  const focusRow = useCallback((link: number) => {
    const row = rootRef.current?.querySelector<HTMLElement>(`#review-row-${link}`);
    row?.scrollIntoView?.({ block: 'nearest' });
    row?.focus({ preventScroll: true });
  }, []);

  const stepFlag = useCallback(
    (delta: 1 | -1) => {
      if (flags.length === 0) return;
      const next = flagIndex < 0 ? (delta > 0 ? 0 : flags.length - 1) : (flagIndex + delta + flags.length) % flags.length;
      const flag = flags[next]!;
      setCurrentFlag(flag.key);
      focusRow(flag.link);
    },
    [flags, flagIndex, focusRow],
  );

  const openForm = useCallback(
    (target: SelectionTarget | null, severity: Severity = 'major') => {
      const fromFlag = flagIndex >= 0 ? flags[flagIndex] : undefined;
      const link = target ? null : fromFlag ? links[fromFlag.link] : undefined;
      const chosen: SelectionTarget | null =
        target ??
        (link
          ? link.zh.length > 0
            ? { side: 'zh', sentence: link.zh[0]!, link: fromFlag!.link, start: 0, end: alignment.zh[link.zh[0]!]!.text.length, whole: true }
            : { side: 'en', sentence: link.en[0]!, link: fromFlag!.link, start: 0, end: alignment.en[link.en[0]!]!.text.length, whole: true }
          : null);
      if (!chosen) {
        setNotice(t('form.pickFirst'));
        return;
      }
      setNotice(null);
      setSelected(chosen);
      setForm({ target: chosen, severity });
    },
    [flagIndex, flags, links, alignment, t],
  );

  const decide = useCallback(
    (flagKey: string, decision: FlagDecisionKind) => store.decide(recordId, flagKey, decision, reviewer),
    [store, recordId, reviewer],
  );

  const alignEdit = useCallback(
    (edit: AlignmentEdit) => {
      const result = store.editAlignment(recordId, edit);
      setNotice(result.ok ? null : t('align.refused', { error: result.error }));
    },
    [store, recordId, t],
  );

  const deleteAnnotation = useCallback((id: string) => void store.deleteAnnotation(id), [store]);

  const editAnnotation = useCallback(
    (annotation: Annotation) => {
      const side = annotation.span?.side ?? (annotation.zhSentences.length > 0 ? 'zh' : 'en');
      const sentences = side === 'en' ? alignment.en : alignment.zh;
      const located = annotation.span ? spanInSentence(annotation.span, sentences) : null;
      const sentence = located?.sentence ?? (side === 'en' ? annotation.enSentences[0] : annotation.zhSentences[0]) ?? 0;
      const link = Math.max(0, links.findIndex((l) => l[side].includes(sentence)));
      const target: SelectionTarget = located
        ? { side, sentence, link, start: located.start, end: located.end, whole: false }
        : { side, sentence, link, start: 0, end: sentences[sentence]?.text.length ?? 0, whole: true };
      setForm({ target, severity: annotation.severity, editing: annotation });
    },
    [alignment, links],
  );

  const submit = async (draft: AnnotationDraft) => {
    if (!form) return;
    const { target, editing } = form;
    if (editing) {
      setForm(null);
      // An imported category the form does not offer shows as "Other"; left so, it stays as it was.
      const category = !isMqmCategory(editing.category) && draft.category === 'Other' ? editing.category : draft.category;
      const edited = store.editAnnotation(editing.id, { ...draft, category });
      setNotice(edited.ok ? null : t('save.failed', { error: edited.error }));
      focusRow(target.link);
      return;
    }
    const link = links[target.link];
    const sentences = target.side === 'en' ? alignment.en : alignment.zh;
    const span = target.whole ? null : spanFromSentence(target.side, target.sentence, target.start, target.end, sentences);
    setForm(null);
    const saved = await store.annotate({
      recordId,
      enSentences: link ? [...link.en] : target.side === 'en' ? [target.sentence] : [],
      zhSentences: link ? [...link.zh] : target.side === 'zh' ? [target.sentence] : [],
      span,
      category: draft.category,
      severity: draft.severity,
      comment: draft.comment,
      correction: draft.correction,
    });
    setNotice(saved.ok ? null : t('save.failed', { error: saved.error }));
    focusRow(target.link);
  };

  const run = useCallback(
    (action: ShortcutAction) => {
      switch (action) {
        case 'nextFlag':
          return stepFlag(1);
        case 'previousFlag':
          return stepFlag(-1);
        case 'nextRecord':
          return onStepRecord?.(1);
        case 'previousRecord':
          return onStepRecord?.(-1);
        case 'annotate':
          return openForm(selected);
        case 'severityMinor':
          return openForm(selected, 'minor');
        case 'severityMajor':
          return openForm(selected, 'major');
        case 'severityCritical':
          return openForm(selected, 'critical');
        case 'confirmFlag':
          if (currentFlag) decide(currentFlag, 'confirmed');
          return;
        case 'dismissFlag':
          if (currentFlag) decide(currentFlag, 'dismissed');
          return;
        case 'undo':
          store.undo();
          return;
        case 'redo':
          store.redo();
          return;
        case 'help':
          setHelpOpen(true);
          return;
      }
    },
    [stepFlag, onStepRecord, openForm, selected, currentFlag, decide, store],
  );

  // A layout effect, so the keys act on the view as soon as it is drawn: a passive effect runs
  // after the commit, in a later task, and a key pressed in between went to the previous view's
  // handler (or to none, on a record's first drawing) and was lost.
  useLayoutEffect(() => {
    if (form || helpOpen || exportOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = shortcutOf(event, focusKindOf(event.target));
      if (!action) return;
      event.preventDefault();
      run(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [run, form, helpOpen, exportOpen]);

  if (!load || load.status === 'loading') {
    return (
      <div className="review" ref={rootRef}>
        <RecordMetadataBar record={record} />
        <p className="placeholder" aria-busy="true">
          {t('view.loadingReview')}
        </p>
      </div>
    );
  }

  const formTarget = form?.target;
  const targetSentence = formTarget ? (formTarget.side === 'en' ? alignment.en : alignment.zh)[formTarget.sentence] : undefined;
  const machine = formTarget
    ? formTarget.side === 'zh'
      ? (targetSentence?.text ?? '')
      : (links[formTarget.link]?.zh ?? []).map((j) => alignment.zh[j]?.text ?? '').join('')
    : '';

  return (
    <div className="review" ref={rootRef}>
      <RecordMetadataBar record={record} />
      <ReviewToolbar
        status={status}
        onStatusChange={(next) => store.setStatus(recordId, next)}
        reviewer={reviewer}
        onReviewerChange={setReviewer}
        score={score}
        flagCount={flags.length}
        openFlagCount={openFlags}
        flagPosition={flagIndex + 1}
        onPreviousFlag={() => stepFlag(-1)}
        onNextFlag={() => stepFlag(1)}
        canUndo={view.canUndo}
        canRedo={view.canRedo}
        onUndo={() => store.undo()}
        onRedo={() => store.redo()}
        saving={view.saving}
        saveError={view.saveError}
        onHelp={() => setHelpOpen(true)}
        onExport={() => setExportOpen(true)}
      />
      <div className="review__notices" role="status">
        {notice}
        {load?.status === 'failed' && t('view.loadFailed', { error: load.error })}
        {load?.status === 'ready' && load.replayError && t('view.replayFailed')}
      </div>
      {form && targetSentence && (
        <AnnotationForm
          key={`${form.editing?.id ?? ''}${form.target.side}${form.target.sentence}:${form.target.start}-${form.target.end}`}
          targetText={targetSentence.text.slice(form.target.start, form.target.end)}
          targetLang={form.target.side === 'en' ? 'en' : 'zh-CN'}
          whole={form.target.whole}
          machine={machine}
          initialSeverity={form.severity}
          {...(form.editing
            ? {
                initial: {
                  category: isMqmCategory(form.editing.category) ? form.editing.category : 'Other',
                  severity: form.editing.severity,
                  comment: form.editing.comment,
                  correction: form.editing.correction,
                },
              }
            : {})}
          onSubmit={(draft) => void submit(draft)}
          onCancel={() => {
            setForm(null);
            focusRow(form.target.link);
          }}
        />
      )}
      <AlignedView
        sections={sections}
        language={language}
        selected={selected}
        currentFlag={currentFlag}
        onSelect={setSelected}
        onAnnotate={openForm}
        onDecide={decide}
        onAlignEdit={alignEdit}
        onEditAnnotation={editAnnotation}
        onDeleteAnnotation={deleteAnnotation}
      />
      {helpOpen && <KeyboardHelp onClose={() => setHelpOpen(false)} />}
      {exportOpen && (
        <ExportDialog
          canWritePaths={exporter.canWritePaths}
          busy={exporter.busy}
          message={exporter.message}
          onExport={(request) => void exporter.runExport(request)}
          onImport={(file) => void exporter.runImport(file)}
          onClose={() => setExportOpen(false)}
        />
      )}
    </div>
  );
}
