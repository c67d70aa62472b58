import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossaryEntry } from '../../../../shared/contract/annotations.ts';
import type { GlossaryEntryInput } from '../../../../shared/contract/glossary.ts';
import { splitRenderings } from '../../../../shared/contract/glossaryEntries.ts';

export interface GlossaryEntryFormProps {
  /** The entry being edited, or null to add a new one. The parent keys the form by it, so fields reset on change. */
  editing: GlossaryEntry | null;
  busy: boolean;
  /** Stores the entry; resolves true when it was stored (the form then empties itself). */
  onSave(entry: GlossaryEntryInput, previousTerm?: string): Promise<boolean>;
  onCancelEdit(): void;
}

/**
 * Adds or edits one glossary entry. Several renderings go in one field separated by "|", as in
 * the TSV file, so what the reviewer types here and what a file holds read the same way.
 */
export function GlossaryEntryForm({ editing, busy, onSave, onCancelEdit }: GlossaryEntryFormProps) {
  const { t } = useTranslation('glossary');
  const headingId = useId();
  const hintId = useId();
  const [term, setTerm] = useState(editing?.term ?? '');
  const [preferred, setPreferred] = useState(editing?.preferred ?? '');
  const [forbidden, setForbidden] = useState(editing?.forbidden.join(' | ') ?? '');
  const [note, setNote] = useState(editing?.note ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const termRef = useRef<HTMLInputElement>(null);
  useEffect(() => termRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const entry: GlossaryEntryInput = { term: term.trim(), preferred: preferred.trim(), forbidden: splitRenderings(forbidden), note: note.trim() };
    if (!entry.term) return setProblem(t('form.needTerm'));
    if (splitRenderings(entry.preferred).length === 0 && entry.forbidden.length === 0) return setProblem(t('form.needRendering'));
    setProblem(null);
    const stored = await onSave(entry, editing?.term);
    if (stored && !editing) {
      setTerm('');
      setPreferred('');
      setForbidden('');
      setNote('');
      termRef.current?.focus();
    }
  };

  return (
    <form className="glossary-form" aria-labelledby={headingId} onSubmit={(event) => void submit(event)}>
      <h3 id={headingId}>{editing ? t('form.editTitle', { term: editing.term }) : t('form.addTitle')}</h3>
      <label className="glossary-form__field">
        <span>{t('form.term')}</span>
        <input ref={termRef} value={term} maxLength={200} onChange={(event) => setTerm(event.target.value)} />
      </label>
      <label className="glossary-form__field">
        <span>{t('form.preferred')}</span>
        <input value={preferred} maxLength={1000} aria-describedby={hintId} onChange={(event) => setPreferred(event.target.value)} lang="zh-CN" />
      </label>
      <label className="glossary-form__field">
        <span>{t('form.forbidden')}</span>
        <input value={forbidden} maxLength={2000} aria-describedby={hintId} onChange={(event) => setForbidden(event.target.value)} lang="zh-CN" />
      </label>
      <p id={hintId} className="glossary-form__hint">
        {t('form.separatorHint')}
      </p>
      <label className="glossary-form__field">
        <span>{t('form.note')}</span>
        <input value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} />
      </label>
      {problem && (
        <p role="alert" className="glossary-form__problem">
          {problem}
        </p>
      )}
      <div className="glossary__buttons">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('form.save')}
        </button>
        {editing && (
          <button type="button" className="button" onClick={onCancelEdit}>
            {t('form.cancelEdit')}
          </button>
        )}
      </div>
    </form>
  );
}
