import i18next, { type i18n } from 'i18next';
import type { UiLanguage } from '../../../shared/contract/channels.ts';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import reviewEn from './locales/review.en.json';
import reviewZhCN from './locales/review.zh-CN.json';
import glossaryEn from './locales/glossary.en.json';
import glossaryZhCN from './locales/glossary.zh-CN.json';
import loadErrorsZhCN from './locales/loadErrors.zh-CN.json';
import { LOAD_ERROR_MESSAGES } from '../../../shared/records/loadErrorCodes.ts';

export const uiLanguages: readonly UiLanguage[] = ['en', 'zh-CN'];

/** The locale tables, by UI language; `descriptions.json` beside them explains every key to translators. */
export const localeMessages: Record<UiLanguage, Record<string, string>> = { en, 'zh-CN': zhCN };

/**
 * Creates an i18next instance holding both locales. One instance per app (and per test), never the
 * global singleton, so tests cannot leak a language into each other.
 *
 * Keys are flat ("list.heading"): `keySeparator: false` keeps them one level deep, which is what the
 * parallel descriptions file and the key-parity test rely on.
 */
export function createI18n(language: UiLanguage = 'en'): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...uiLanguages],
    resources: {
      // Load errors: the English is the catalog the parsers write their messages from.
      en: { translation: en, review: reviewEn, glossary: glossaryEn, loadErrors: LOAD_ERROR_MESSAGES },
      'zh-CN': { translation: zhCN, review: reviewZhCN, glossary: glossaryZhCN, loadErrors: loadErrorsZhCN },
    },
    keySeparator: false,
    nsSeparator: false,
    // React escapes text itself; escaping again would show "&amp;" in titles with ampersands.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

/** Narrows an arbitrary string (a stored setting, a menu command) to a UI language we ship. */
export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (uiLanguages as readonly string[]).includes(value);
}
