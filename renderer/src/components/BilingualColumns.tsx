import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface EnglishSide {
  title: string;
  sections: { label: string | null; text: string }[];
}

export interface ChineseSide {
  title: string;
  abstract: string;
}

export interface BilingualColumnsProps {
  english: EnglishSide;
  /** Null when the record carries no translation. */
  chinese: ChineseSide | null;
}

/**
 * English on the left, Chinese on the right. Presentational: the aligned view of issue 6 replaces
 * the plain Chinese abstract with aligned rows but keeps this frame.
 *
 * Each side carries its own `lang`, whatever the UI language, so the browser picks CJK glyphs
 * (the Chinese forms of shared Han code points) and screen readers switch voice.
 */
export function BilingualColumns({ english, chinese }: BilingualColumnsProps) {
  const { t } = useTranslation();
  const englishHeading = useId();
  const chineseHeading = useId();
  return (
    <div className="bilingual">
      <section className="bilingual__column" aria-labelledby={englishHeading}>
        <h2 id={englishHeading} className="column-heading">
          {t('columns.english')}
        </h2>
        <div lang="en" className="bilingual__text">
          <h3 className="bilingual__title">{english.title}</h3>
          {english.sections.map((section, index) => (
            <div key={index} className="bilingual__section">
              {section.label !== null && <h4 className="bilingual__label">{section.label}</h4>}
              <p className="bilingual__body">{section.text}</p>
            </div>
          ))}
        </div>
      </section>
      <section className="bilingual__column" aria-labelledby={chineseHeading}>
        <h2 id={chineseHeading} className="column-heading">
          {t('columns.chinese')}
        </h2>
        {chinese === null ? (
          <p className="muted">{t('columns.noTranslation')}</p>
        ) : (
          <div lang="zh-CN" className="bilingual__text cjk">
            <h3 className="bilingual__title">{chinese.title}</h3>
            <p className="bilingual__body bilingual__body--whole">{chinese.abstract}</p>
          </div>
        )}
      </section>
    </div>
  );
}
