import { useTranslation } from 'react-i18next';
import { isMqmCategory, type Annotation } from '../../../../shared/annotations/model.ts';
import { CorrectionDiffView } from './CorrectionDiffView.tsx';

/** One saved annotation under its row: severity, category, the marked text, comment and correction. */
export function AnnotationItem({ annotation, machine, onEdit, onDelete }: { annotation: Annotation; machine: string; onEdit(annotation: Annotation): void; onDelete(id: string): void }) {
  const { t } = useTranslation('review');
  const category = isMqmCategory(annotation.category) ? t(`category.${annotation.category}`) : annotation.category;
  return (
    <li className={`annotation annotation--${annotation.severity}`} data-annotation-id={annotation.id}>
      <span className="annotation__severity">{t(`severity.${annotation.severity}`)}</span>
      <span className="annotation__category">{category}</span>
      {annotation.comment && <span className="annotation__comment">{annotation.comment}</span>}
      {annotation.correction !== null && <CorrectionDiffView machine={machine} corrected={annotation.correction} />}
      <button type="button" className="button button--small" onClick={() => onEdit(annotation)} aria-label={t('annotation.editLabel', { category })}>
        {t('annotation.edit')}
      </button>
      <button type="button" className="button button--small" onClick={() => onDelete(annotation.id)} aria-label={t('annotation.deleteLabel', { category })}>
        {t('annotation.delete')}
      </button>
    </li>
  );
}
