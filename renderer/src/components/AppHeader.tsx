import { useId, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../shared/contract/channels.ts';
import { uiLanguages } from '../i18n/i18n.ts';
import { FormatSelect, type FormatChoice } from './FormatSelect.tsx';
import { OpenPathForm } from './OpenPathForm.tsx';

export interface AppHeaderProps {
  language: UiLanguage;
  onLanguageChange: (language: UiLanguage) => void;
  onOpenFiles: (files: File[]) => void;
  /** How the next files are read: 'auto' detects each file's format. */
  format: FormatChoice;
  onFormatChange: (format: FormatChoice) => void;
  recentPaths: readonly string[];
  onOpenPath: (path: string) => void;
  /** Further header controls from feature containers (the glossary's button), drawn after the file picker. */
  actions?: ReactNode;
}

/** The application name, the file picker with its format choice, the path field and the UI language control. */
export function AppHeader({ language, onLanguageChange, onOpenFiles, format, onFormatChange, recentPaths, onOpenPath, actions }: AppHeaderProps) {
  const { t } = useTranslation();
  const languageId = useId();

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    // Clear the input so choosing the same file again fires `change` again.
    event.target.value = '';
    if (files.length > 0) onOpenFiles(files);
  };

  return (
    <header className="app-header">
      <div className="app-header__name">
        <h1 className="app-header__title">{t('app.name')}</h1>
        <p className="app-header__tagline">{t('app.tagline')}</p>
      </div>
      {/* A label around a visually hidden input: the label is the visible button, the input keeps
          its keyboard focus and its accessible name, and no script has to call input.click(). */}
      <label className="button">
        <input type="file" multiple className="visually-hidden" onChange={onPick} />
        {t('header.openFiles')}
      </label>
      <FormatSelect value={format} onChange={onFormatChange} />
      <OpenPathForm recentPaths={recentPaths} onOpenPath={onOpenPath} />
      {actions}
      <div className="app-header__language">
        <label htmlFor={languageId}>{t('header.language')}</label>
        <select id={languageId} value={language} onChange={(event) => onLanguageChange(event.target.value as UiLanguage)}>
          {uiLanguages.map((code) => (
            <option key={code} value={code} lang={code}>
              {t(`language.${code}`)}
            </option>
          ))}
        </select>
      </div>
    </header>
  );
}
