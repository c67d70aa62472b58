import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { REVIEW_STATUSES, type ReviewStatus } from '../../../../shared/annotations/model.ts';
import type { MqmScore } from '../../../../shared/annotations/mqmScore.ts';

export interface ReviewToolbarProps {
  status: ReviewStatus;
  onStatusChange(status: ReviewStatus): void;
  reviewer: string;
  onReviewerChange(name: string): void;
  score: MqmScore;
  flagCount: number;
  openFlagCount: number;
  /** 1-based position of the current flag, 0 when none is current. */
  flagPosition: number;
  onPreviousFlag(): void;
  onNextFlag(): void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
  saving: boolean;
  saveError: string | null;
  onHelp(): void;
  /** Absent where exporting is not offered. */
  onExport?: () => void;
}

/** The bar above the aligned view: status, reviewer, MQM score, flag navigation, undo/redo, save state. */
export function ReviewToolbar(props: ReviewToolbarProps) {
  const { t } = useTranslation('review');
  return (
    <div className="review-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <label className="review-toolbar__field">
        <span>{t('status.label')}</span>
        <select value={props.status} onChange={(event) => props.onStatusChange(event.target.value as ReviewStatus)}>
          {REVIEW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <ReviewerField name={props.reviewer} onChange={props.onReviewerChange} />
      <div className="review-toolbar__score" role="status" aria-label={t('score.label')}>
        <strong>
          {t('score.value', { penalty: props.score.penalty })}
        </strong>
        <span className="review-toolbar__formula">{t('score.formula', { formula: formulaText(props.score, t) })}</span>
      </div>
      <div className="review-toolbar__group">
        <button type="button" className="button button--small" onClick={props.onPreviousFlag} disabled={props.flagCount === 0} aria-keyshortcuts="K Shift+F8">
          {t('flags.previous')}
        </button>
        <span className="review-toolbar__count" aria-live="polite">
          {props.flagPosition > 0
            ? t('flags.position', { current: props.flagPosition, total: props.flagCount, open: props.openFlagCount })
            : t('flags.count', { total: props.flagCount, open: props.openFlagCount })}
        </span>
        <button type="button" className="button button--small" onClick={props.onNextFlag} disabled={props.flagCount === 0} aria-keyshortcuts="J F8">
          {t('flags.next')}
        </button>
      </div>
      <div className="review-toolbar__group">
        <button type="button" className="button button--small" onClick={props.onUndo} disabled={!props.canUndo} aria-keyshortcuts="Control+Z">
          {t('undo')}
        </button>
        <button type="button" className="button button--small" onClick={props.onRedo} disabled={!props.canRedo} aria-keyshortcuts="Control+Shift+Z Control+Y">
          {t('redo')}
        </button>
      </div>
      <span className={props.saveError ? 'review-toolbar__save review-toolbar__save--error' : 'review-toolbar__save'} role="status">
        {props.saveError ? t('save.failed', { error: props.saveError }) : props.saving ? t('save.saving') : t('save.saved')}
      </span>
      {props.onExport && (
        <button type="button" className="button button--small" onClick={props.onExport}>
          {t('export.open')}
        </button>
      )}
      <button type="button" className="button button--small" onClick={props.onHelp} aria-keyshortcuts="F1 ?">
        {t('help.open')}
      </button>
    </div>
  );
}

/** The reviewer's name: asked for once (it is remembered in the settings), then shown with a way to change it. */
function ReviewerField({ name, onChange }: { name: string; onChange(name: string): void }) {
  const { t } = useTranslation('review');
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  if (name && !editing) {
    return (
      <span className="review-toolbar__field">
        <span>{t('reviewer.label')}</span>
        <strong>{name}</strong>
        <button type="button" className="button button--small" onClick={() => { setDraft(name); setEditing(true); }}>
          {t('reviewer.change')}
        </button>
      </span>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) return;
    onChange(draft.trim());
    setEditing(false);
  };
  return (
    <form className="review-toolbar__field" onSubmit={submit}>
      <label>
        <span>{t('reviewer.label')}</span>
        <input value={draft} placeholder={t('reviewer.placeholder')} onChange={(event) => setDraft(event.target.value)} maxLength={200} />
      </label>
      <button type="submit" className="button button--small">
        {t('reviewer.save')}
      </button>
    </form>
  );
}

/** The MQM formula in the UI language, from the score's terms (shared/ keeps no UI strings). */
function formulaText(score: MqmScore, t: TFunction<'review'>): string {
  const terms = score.terms.map((term) => t(`score.term.${term.label}`, { weight: term.weight, count: term.count })).join(' + ');
  const sum = t('score.sum', { terms, penalty: score.penalty });
  if (score.perWord === null || score.sourceWords === null) return sum;
  return t('score.perWord', { sum, penalty: score.penalty, words: score.sourceWords, value: Math.round(score.perWord * 10000) / 10000 });
}
