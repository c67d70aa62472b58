import 'i18next';
import type en from './locales/en.json';

// Typed keys: `t('list.headng')` fails the type check instead of showing the raw key at run time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    keySeparator: false;
    nsSeparator: false;
  }
}
