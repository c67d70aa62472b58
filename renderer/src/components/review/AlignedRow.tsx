import { memo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { TFunction } from 'i18next';
import type { AlignmentEdit } from '../../../../shared/annotations/alignmentEdits.ts';
import type { Annotation, FlagDecisionKind } from '../../../../shared/annotations/model.ts';
import type { UiLanguage } from '../../../../shared/contract/channels.ts';
import type { RowView, SentenceView } from '../../features/review/reviewRows.ts';
import { AnnotationItem } from './AnnotationItem.tsx';
import { FlagChip } from './FlagChip.tsx';
import { HighlightedText } from './HighlightedText.tsx';
import { selectionOffsetsIn, type SelectionTarget } from './selectionTarget.ts';

/** The moves of one sentence across the boundary with the next row, as the row's tools offer them. */
const RELINKS = [
  { side: 'zh', delta: 1, label: 'align.pullZh' },
  { side: 'zh', delta: -1, label: 'align.pushZh' },
  { side: 'en', delta: 1, label: 'align.pullEn' },
  { side: 'en', delta: -1, label: 'align.pushEn' },
] as const;

/** What a row shares with the whole view: the UI language, the selection and the reviewer's actions. */
export interface RowContext {
  language: UiLanguage;
  selected: SelectionTarget | null;
  currentFlag: string | null;
  onSelect(target: SelectionTarget): void;
  onAnnotate(target: SelectionTarget): void;
  onDecide(flagKey: string, decision: FlagDecisionKind): void;
  onAlignEdit(edit: AlignmentEdit): void;
  onEditAnnotation(annotation: Annotation): void;
  onDeleteAnnotation(id: string): void;
}

export interface AlignedRowProps extends RowContext {
  row: RowView;
  /** 1-based position for people (row numbers in labels). */
  number: number;
  isLast: boolean;
  /** The view's translations: one subscription for every row, not one each. */
  t: TFunction<'review'>;
}

/** One alignment link: its English sentences left, their Chinese right, then its flags and annotations. */
export const AlignedRow = memo(function AlignedRow(props: AlignedRowProps) {
  const { row, number, language, selected, currentFlag, t } = props;
  // The row's alignment tools are drawn once opened: closed, they are seven buttons a row that a
  // record switch would build for nothing.
  const [toolsOpen, setToolsOpen] = useState(false);
  const confidence = Math.round(row.confidence * 100);
  const flagged = row.flags.length > 0;
  const open = row.flags.some((f) => f.decision !== 'dismissed');
  const classes = ['review-row'];
  if (flagged) classes.push(open ? 'review-row--flagged' : 'review-row--settled');
  if (row.flags.some((f) => f.key === currentFlag)) classes.push('review-row--current');
  if (row.confidence < 0.5) classes.push('review-row--doubtful');
  const kinds = [...new Set(row.flags.map((f) => t(`flag.kind.${f.finding.kind}`)))].join(', ');
  const label = flagged ? t('row.labelFlagged', { row: number, confidence, kinds }) : t('row.label', { row: number, confidence });
  const rowText = row.zh.map((s) => s.text).join('');

  const sentence = (s: SentenceView) => {
    const isSelected = selected !== null && selected.side === s.side && selected.sentence === s.index;
    const target = (element: HTMLElement | null): SelectionTarget => {
      const offsets = element ? selectionOffsetsIn(element) : null;
      return offsets
        ? { side: s.side, sentence: s.index, link: row.link, ...offsets, whole: false }
        : { side: s.side, sentence: s.index, link: row.link, start: 0, end: s.text.length, whole: true };
    };
    return (
      <span
        key={s.index}
        role="button"
        tabIndex={0}
        aria-pressed={isSelected}
        data-side={s.side}
        data-sentence={s.index}
        className={isSelected ? 'sentence sentence--selected' : 'sentence'}
        onMouseUp={(event: MouseEvent<HTMLSpanElement>) => props.onSelect(target(event.currentTarget))}
        onKeyDown={(event: KeyboardEvent<HTMLSpanElement>) => {
          if (event.key === ' ') {
            event.preventDefault();
            props.onSelect(target(null));
          }
        }}
      >
        <HighlightedText text={s.text} highlights={s.highlights} activeSource={currentFlag} />
      </span>
    );
  };

  const edit = (e: AlignmentEdit) => () => props.onAlignEdit(e);
  const canSplit = row.en.length + row.zh.length > 1;
  const splitAt = { en: Math.min(1, row.en.length), zh: row.en.length === 0 ? 1 : Math.min(1, row.zh.length) };
  if (splitAt.en === row.en.length && splitAt.zh === row.zh.length) splitAt.zh = 0;

  return (
    <div role="group" aria-label={label} className={classes.join(' ')} data-link={row.link} id={`review-row-${row.link}`} tabIndex={-1}>
      <div className="review-row__number" aria-hidden="true">
        {number}
      </div>
      <div className="review-row__text review-row__en" lang="en">
        {row.en.length > 0 ? row.en.map(sentence) : <span className="muted">{t('row.noEnglish')}</span>}
      </div>
      <div className="review-row__text review-row__zh cjk" lang="zh-CN">
        {row.zh.length > 0 ? row.zh.map(sentence) : <span className="muted">{t('row.noChinese')}</span>}
      </div>
      <div className="review-row__confidence" title={t('row.confidenceTitle')}>
        <meter min={0} max={100} low={50} high={80} optimum={100} value={confidence} aria-label={t('row.confidenceTitle')} />
        <span>{confidence}%</span>
      </div>
      {flagged && (
        <ul className="review-row__flags" aria-label={t('flag.listLabel')}>
          {row.flags.map((flag) => (
            <FlagChip key={flag.key} flag={flag} language={language} current={flag.key === currentFlag} onDecide={props.onDecide} t={t} />
          ))}
        </ul>
      )}
      {row.annotations.length > 0 && (
        <ul className="review-row__annotations" aria-label={t('annotation.listLabel')}>
          {row.annotations.map((annotation) => (
            <AnnotationItem key={annotation.id} annotation={annotation} machine={rowText} onEdit={props.onEditAnnotation} onDelete={props.onDeleteAnnotation} />
          ))}
        </ul>
      )}
      <details className="review-row__tools" onToggle={(event) => setToolsOpen(event.currentTarget.open)}>
        <summary>{t('align.tools')}</summary>
        {toolsOpen && (
          <div className="review-row__tool-buttons">
            <button type="button" className="button button--small" onClick={() => props.onAnnotate({ side: row.zh.length ? 'zh' : 'en', sentence: (row.zh[0] ?? row.en[0])?.index ?? 0, link: row.link, start: 0, end: (row.zh[0] ?? row.en[0])?.text.length ?? 0, whole: true })}>
              {t('row.annotate')}
            </button>
            <button type="button" className="button button--small" disabled={props.isLast} onClick={edit({ kind: 'merge', link: row.link })}>
              {t('align.merge')}
            </button>
            <button type="button" className="button button--small" disabled={!canSplit} onClick={edit({ kind: 'split', link: row.link, ...splitAt })}>
              {t('align.split')}
            </button>
            {RELINKS.map(({ side, delta, label }) => (
              <button
                key={label}
                type="button"
                className="button button--small"
                disabled={props.isLast || (delta < 0 && row[side].length === 0)}
                onClick={edit({ kind: 'relink', link: row.link, side, delta })}
              >
                {t(label)}
              </button>
            ))}
          </div>
        )}
      </details>
    </div>
  );
});
