import { describe, expect, it } from 'vitest';
import descriptions from '../../i18n/locales/review.descriptions.json';
import en from '../../i18n/locales/review.en.json';
import zhCN from '../../i18n/locales/review.zh-CN.json';
import { itKeepsLocalesInStep } from '../../testing/localeParity.ts';
import { REVIEW_SHORTCUTS } from './shortcuts.ts';
import { MQM_CATEGORIES } from '../../../../shared/annotations/model.ts';

describe('the review namespace', () => {
  itKeepsLocalesInStep(en, zhCN, descriptions);

  it('names every shortcut and every MQM category', () => {
    for (const shortcut of REVIEW_SHORTCUTS) expect(en).toHaveProperty([`help.action.${shortcut.action}`]);
    for (const category of MQM_CATEGORIES) expect(en).toHaveProperty([`category.${category}`]);
  });
});
