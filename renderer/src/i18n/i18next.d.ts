import 'i18next';
import type en from './locales/en.json';
import type reviewEn from './locales/review.en.json';
import type glossaryEn from './locales/glossary.en.json';
import type { LoadErrorCode } from '../../../shared/records/loadErrorCodes.ts';

// Load error texts are filled with values that arrive with each error (their code's params), so the
// keys are typed but not the placeholders: the catalog in shared/records/loadErrorCodes.ts checks those.
type LoadErrorTexts = Record<LoadErrorCode, string>;

// Typed keys: `t('list.headng')` fails the type check instead of showing the raw key at run time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en; review: typeof reviewEn; glossary: typeof glossaryEn; loadErrors: LoadErrorTexts };
    keySeparator: false;
    nsSeparator: false;
  }
}
