import { describe } from 'vitest';
import descriptions from '../../i18n/locales/glossary.descriptions.json';
import en from '../../i18n/locales/glossary.en.json';
import zhCN from '../../i18n/locales/glossary.zh-CN.json';
import { itKeepsLocalesInStep } from '../../testing/localeParity.ts';

describe('the glossary namespace', () => {
  itKeepsLocalesInStep(en, zhCN, descriptions);
});
