import { useTranslation } from 'react-i18next';
import { correctionDiff } from '../../../../shared/annotations/correctionDiff.ts';

/**
 * The corrected translation against the machine translation, character by character: removed MT
 * text struck through, added text underlined (and named for screen readers), with the edit rate.
 */
export function CorrectionDiffView({ machine, corrected }: { machine: string; corrected: string }) {
  const { t } = useTranslation('review');
  const diff = correctionDiff(machine, corrected);
  return (
    <span className="correction">
      <span className="correction__text cjk" lang="zh-CN">
        {diff.parts.map((part, k) =>
          part.kind === 'same' ? (
            <span key={k}>{part.value}</span>
          ) : part.kind === 'added' ? (
            <ins key={k} aria-label={t('correction.added', { text: part.value })}>
              {part.value}
            </ins>
          ) : (
            <del key={k} aria-label={t('correction.removed', { text: part.value })}>
              {part.value}
            </del>
          ),
        )}
      </span>
      <span className="correction__rate">{t('correction.editRate', { rate: (diff.editRate * 100).toFixed(1), edits: diff.edits })}</span>
    </span>
  );
}
