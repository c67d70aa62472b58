import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../../shared/contract/channels.ts';
import { useReviewApi } from '../../api/ReviewApiContext.tsx';
import { isUiLanguage } from '../../i18n/i18n.ts';

/**
 * The UI language: restored from the settings at start, changed from the header's control or the
 * application menu (View ▸ Language), saved with `setSettings` so the next launch opens in it, and
 * mirrored on `<html lang>` so screen readers and font selection follow.
 */
export function useUiLanguage(): { language: UiLanguage; setLanguage: (language: UiLanguage) => void } {
  const api = useReviewApi();
  const { i18n, t } = useTranslation();
  const [language, setLanguageState] = useState<UiLanguage>(isUiLanguage(i18n.language) ? i18n.language : 'en');
  // A choice made before the stored settings arrive must not be overwritten by them.
  const chosenByUser = useRef(false);

  const apply = useCallback(
    (next: UiLanguage) => {
      void i18n.changeLanguage(next);
      setLanguageState(next);
    },
    [i18n],
  );

  const setLanguage = useCallback(
    (next: UiLanguage) => {
      chosenByUser.current = true;
      apply(next);
      void api.setSettings({ uiLanguage: next });
    },
    [api, apply],
  );

  useEffect(() => {
    let live = true;
    void api.getSettings({}).then((result) => {
      if (live && result.ok && !chosenByUser.current && isUiLanguage(result.value.uiLanguage)) apply(result.value.uiLanguage);
    });
    return () => {
      live = false;
    };
  }, [api, apply]);

  useEffect(
    () =>
      api.onMenuCommand((command) => {
        if (command.type === 'set-language') setLanguage(command.language);
      }),
    [api, setLanguage],
  );

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.name');
  }, [language, t]);

  return { language, setLanguage };
}
