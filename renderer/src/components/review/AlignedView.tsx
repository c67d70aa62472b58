import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionView } from '../../features/review/reviewRows.ts';
import { AlignedRow, type RowContext } from './AlignedRow.tsx';

export interface AlignedViewProps extends RowContext {
  sections: readonly SectionView[];
}

/**
 * The record as aligned rows, English left and Chinese right, under section headers that say
 * whether the translation kept each section's label. Presentational: everything arrives as props.
 */
export function AlignedView({ sections, ...rowProps }: AlignedViewProps) {
  const { t } = useTranslation('review');
  const headingId = useId();
  const total = sections.reduce((n, s) => n + s.rows.length, 0);
  const last = sections.at(-1)?.rows.at(-1)?.link ?? -1;
  return (
    <section className="aligned-view" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t('view.heading')}
      </h2>
      <div className="aligned-view__columns" aria-hidden="true">
        <span />
        <span>{t('view.english')}</span>
        <span>{t('view.chinese')}</span>
        <span>{t('view.confidence')}</span>
      </div>
      {total === 0 && <p className="muted">{t('view.empty')}</p>}
      {sections.map((section) => (
        <section key={section.key} className="aligned-section" aria-label={section.enLabel ?? t('section.unlabelled')}>
          <h3 className={section.labelMissing ? 'aligned-section__header aligned-section__header--missing' : 'aligned-section__header'}>
            <span lang="en">{section.enLabel ?? t('section.unlabelled')}</span>
            {section.enLabel !== null &&
              (section.labelMissing ? (
                <span className="section-label section-label--missing" role="note">
                  {t('section.labelMissing')}
                </span>
              ) : (
                <span className="section-label section-label--kept">
                  {t('section.labelKept')} <span lang="zh-CN" className="cjk">{section.zhLabel}</span>
                </span>
              ))}
          </h3>
          {section.rows.map((row) => (
            <AlignedRow key={`${row.link}:${row.en.map((s) => s.index).join(',')}:${row.zh.map((s) => s.index).join(',')}`} row={row} number={row.link + 1} isLast={row.link === last} t={t} {...rowProps} />
          ))}
        </section>
      ))}
    </section>
  );
}
