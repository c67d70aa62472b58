import { StrictMode } from 'react';
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import type { ReviewApi } from '../../shared/contract/channels.ts';
import { App } from './App.tsx';
import { ReviewApiProvider } from './api/ReviewApiContext.tsx';
import { GlossaryProvider } from './features/glossary/GlossaryContext.tsx';

/** The app with its providers (the glossary one feeds the record checks and the glossary dialog); main.tsx passes the real `ReviewApi`, tests a fake. */
export function AppRoot({ api, i18n }: { api: ReviewApi; i18n: i18n }) {
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ReviewApiProvider api={api}>
          <GlossaryProvider>
            <App />
          </GlossaryProvider>
        </ReviewApiProvider>
      </I18nextProvider>
    </StrictMode>
  );
}
