import { memo, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../shared/contract/channels.ts';
import { uiLanguages } from '../i18n/i18n.ts';
import { FilePickButton } from './FilePickButton.tsx';
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

/**
 * The application name, the file picker with its format choice, the path field and the UI language
 * control. Memoised: nothing here changes when the user steps to another record, which re-renders
 * the app around it.
 */
export const AppHeader = memo(function AppHeader({ language, onLanguageChange, onOpenFiles, format, onFormatChange, recentPaths, onOpenPath, actions }: AppHeaderProps) {
  const { t } = useTranslation();
  const languageId = useId();

  return (
    <header className="app-header">
      <div className="app-header__name">
        <h1 className="app-header__title">{t('app.name')}</h1>
        <p className="app-header__tagline">{t('app.tagline')}</p>
      </div>
      <FilePickButton multiple onPick={onOpenFiles}>
        {t('header.openFiles')}
      </FilePickButton>
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
});
