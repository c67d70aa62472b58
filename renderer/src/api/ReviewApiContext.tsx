import { createContext, useContext, type ReactNode } from 'react';
import type { ReviewApi } from '../../../shared/contract/channels.ts';

const ReviewApiContext = createContext<ReviewApi | null>(null);

/** Makes a `ReviewApi` (preload, HTTP client or a test fake) available to every container below. */
export function ReviewApiProvider({ api, children }: { api: ReviewApi; children: ReactNode }) {
  return <ReviewApiContext.Provider value={api}>{children}</ReviewApiContext.Provider>;
}

/** The `ReviewApi` given to the nearest `ReviewApiProvider`. */
export function useReviewApi(): ReviewApi {
  const api = useContext(ReviewApiContext);
  if (!api) throw new Error('useReviewApi needs a <ReviewApiProvider> above it');
  return api;
}
