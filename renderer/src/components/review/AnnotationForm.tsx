import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MQM_CATEGORIES, type MqmCategory, type Severity } from '../../../../shared/annotations/model.ts';
import { CorrectionDiffView } from './CorrectionDiffView.tsx';

export interface AnnotationDraft {
  category: MqmCategory;
  severity: Severity;
  comment: string;
  /** Null when the reviewer gave no corrected translation. */
  correction: string | null;
}

export interface AnnotationFormProps {
  /** The text being annotated (a sentence or the selected span of it), shown for reference. */
  targetText: string;
  targetLang: 'en' | 'zh-CN';
  whole: boolean;
  /** The machine translation of the row, which a corrected translation is diffed against. */
  machine: string;
  initialSeverity: Severity;
  /** The fields of an annotation being edited; absent for a new one. */
  initial?: AnnotationDraft;
  onSubmit(draft: AnnotationDraft): void;
  onCancel(): void;
}

const SEVERITIES: readonly Severity[] = ['minor', 'major', 'critical'];

/**
 * The annotation form: MQM category, severity (also keys 1, 2, 3 while focus is not in a text
 * field), comment and an optional corrected translation shown as a live character diff with its
 * edit rate. Escape cancels.
 */
export function AnnotationForm({ targetText, targetLang, whole, machine, initialSeverity, initial, onSubmit, onCancel }: AnnotationFormProps) {
  const { t } = useTranslation('review');
  const titleId = useId();
  const commentId = useId();
  const correctionId = useId();
  const [category, setCategory] = useState<MqmCategory>(initial?.category ?? 'Accuracy/Mistranslation');
  const [severity, setSeverity] = useState<Severity>(initial?.severity ?? initialSeverity);
  const [comment, setComment] = useState(initial?.comment ?? '');
  const [correcting, setCorrecting] = useState(initial?.correction != null);
  const [correction, setCorrection] = useState(initial?.correction ?? machine);
  const first = useRef<HTMLSelectElement>(null);

  useEffect(() => first.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ category, severity, comment: comment.trim(), correction: correcting ? correction : null });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
      return;
    }
    const inText = event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement;
    const picked = { '1': 'minor', '2': 'major', '3': 'critical' }[event.key] as Severity | undefined;
    if (picked && !inText && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      event.stopPropagation();
      setSeverity(picked);
    }
  };

  return (
    <form className="annotation-form" role="dialog" aria-labelledby={titleId} onSubmit={submit} onKeyDown={onKeyDown}>
      <h3 id={titleId}>{initial ? t('form.editTitle') : t('form.title')}</h3>
      <p className="annotation-form__target">
        <span className="muted">{whole ? t('form.targetSentence') : t('form.targetSpan')}</span>{' '}
        <q lang={targetLang} className={targetLang === 'zh-CN' ? 'cjk' : undefined}>
          {targetText}
        </q>
      </p>
      <label className="field">
        <span>{t('form.category')}</span>
        <select ref={first} value={category} onChange={(event) => setCategory(event.target.value as MqmCategory)}>
          {MQM_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field field--inline">
        <legend>{t('form.severity')}</legend>
        {SEVERITIES.map((s, k) => (
          <label key={s}>
            <input type="radio" name="severity" value={s} checked={severity === s} onChange={() => setSeverity(s)} />
            {t(`severity.${s}`)} <kbd>{k + 1}</kbd>
          </label>
        ))}
      </fieldset>
      {/* Labels point at their text areas rather than wrap them: a wrapping label would fold the
          typed text into the field's accessible name. */}
      <div className="field">
        <label htmlFor={commentId}>{t('form.comment')}</label>
        <textarea id={commentId} value={comment} rows={2} onChange={(event) => setComment(event.target.value)} />
      </div>
      <label className="field field--inline">
        <input type="checkbox" checked={correcting} onChange={(event) => setCorrecting(event.target.checked)} />
        {t('form.addCorrection')}
      </label>
      {correcting && (
        <>
          <div className="field">
            <label htmlFor={correctionId}>{t('form.correction')}</label>
            <textarea id={correctionId} lang="zh-CN" className="cjk" value={correction} rows={3} onChange={(event) => setCorrection(event.target.value)} />
          </div>
          <div className="field" aria-live="polite">
            <span>{t('form.diff')}</span>
            <CorrectionDiffView machine={machine} corrected={correction} />
          </div>
        </>
      )}
      <div className="annotation-form__buttons">
        <button type="submit" className="button button--primary">
          {t('form.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
