// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../i18n/i18n.ts';
import { ReviewToolbar, type ReviewToolbarProps } from './ReviewToolbar.tsx';
import { mqmScore } from '../../../../shared/annotations/mqmScore.ts';

afterEach(cleanup);

const annotation = (severity: 'minor' | 'major' | 'critical') => ({ severity, category: 'Accuracy/Mistranslation', deleted: false });

function renderToolbar(language: 'en' | 'zh-CN') {
  const props: ReviewToolbarProps = {
    status: 'unreviewed', onStatusChange: () => {}, reviewer: 'R', onReviewerChange: () => {},
    score: mqmScore([annotation('minor'), annotation('minor'), annotation('major')], { sourceWords: 214 }),
    flagCount: 0, openFlagCount: 0, flagPosition: 0, onPreviousFlag: () => {}, onNextFlag: () => {},
    canUndo: false, canRedo: false, onUndo: () => {}, onRedo: () => {}, saving: false, saveError: null, onHelp: () => {},
  };
  render(<I18nextProvider i18n={createI18n(language)}><ReviewToolbar {...props} /></I18nextProvider>);
}

describe('ReviewToolbar MQM formula', () => {
  it('writes the formula in English', () => {
    renderToolbar('en');
    expect(screen.getByText(/1×2 minor \+ 5×1 major \+ 25×0 critical = 7; per source word: 7 \/ 214 = 0\.0327/)).toBeTruthy();
  });

  it('writes the formula in Chinese in the Chinese UI', () => {
    renderToolbar('zh-CN');
    const formula = screen.getByText(/1×2 个轻微错误 \+ 5×1 个严重错误 \+ 25×0 个致命错误 = 共 7 分；每个源词：7 \/ 214 = 0\.0327/);
    expect(formula.textContent).not.toMatch(/minor|major|critical/);
  });
});
