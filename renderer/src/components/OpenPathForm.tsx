import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface OpenPathFormProps {
  /** Recently opened files and folders, newest first, offered as suggestions. */
  recentPaths: readonly string[];
  onOpenPath: (path: string) => void;
}

/**
 * Opens a file or folder by its path on the machine running the app. The browser host has no
 * folder picker (a browser hands over file contents, never paths), so this is its Open folder…
 * and, with the suggestions, its File ▸ Recent.
 */
export function OpenPathForm({ recentPaths, onOpenPath }: OpenPathFormProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const listId = useId();
  const [path, setPath] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = path.trim();
    if (trimmed !== '') onOpenPath(trimmed);
  };

  return (
    <form className="open-path" onSubmit={onSubmit}>
      <label htmlFor={inputId}>{t('open.pathLabel')}</label>
      <input id={inputId} type="text" list={listId} value={path} placeholder={t('open.pathPlaceholder')} spellCheck={false} onChange={(event) => setPath(event.target.value)} />
      <datalist id={listId}>
        {recentPaths.map((recent) => (
          <option key={recent} value={recent} />
        ))}
      </datalist>
      <button type="submit" className="button">
        {t('open.pathButton')}
      </button>
    </form>
  );
}
