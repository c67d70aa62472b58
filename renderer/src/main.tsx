import { createRoot } from 'react-dom/client';
import type { UiLanguage } from '../../shared/contract/channels.ts';
import { getReviewApi } from './api.ts';
import { AppRoot } from './AppRoot.tsx';
import { askFirstListPage } from './features/library/firstListPage.ts';
import { warmUpSharedAnalyzer } from './features/review/useRecordAnalysis.ts';
import { createI18n, isUiLanguage } from './i18n/i18n.ts';
import './styles/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('renderer/index.html lacks #root');

const api = getReviewApi();
askFirstListPage(api);
// The analysis worker loads (a 1.6 MB script to fetch and compile) while the page waits for its
// first answers, not after the first record has come.
warmUpSharedAnalyzer();
// Ask for the saved UI language before the first render, so a Chinese-language user never sees
// the English interface flash up first. A failed answer just means English. The record list's
// first page is asked for beside it (useLibrary takes that answer).
const saved = await api.getSettings({});
const language: UiLanguage = saved.ok && isUiLanguage(saved.value.uiLanguage) ? saved.value.uiLanguage : 'en';
document.documentElement.lang = language;
createRoot(container).render(<AppRoot api={api} i18n={createI18n(language)} />);
