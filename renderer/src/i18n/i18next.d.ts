import 'i18next';
import type en from './locales/en.json';
import type reviewEn from './locales/review.en.json';
import type glossaryEn from './locales/glossary.en.json';

// Typed keys: `t('list.headng')` fails the type check instead of showing the raw key at run time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en; review: typeof reviewEn; glossary: typeof glossaryEn };
    keySeparator: false;
    nsSeparator: false;
  }
}
