import { StrictMode } from 'react';
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import type { ReviewApi } from '../../shared/contract/channels.ts';
import { App } from './App.tsx';
import { ReviewApiProvider } from './api/ReviewApiContext.tsx';

/** The app with its providers; main.tsx passes the real `ReviewApi`, tests a fake. */
export function AppRoot({ api, i18n }: { api: ReviewApi; i18n: i18n }) {
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ReviewApiProvider api={api}>
          <App />
        </ReviewApiProvider>
      </I18nextProvider>
    </StrictMode>
  );
}
