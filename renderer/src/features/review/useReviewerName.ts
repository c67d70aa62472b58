import { useCallback, useEffect, useState } from 'react';
import type { ReviewApi } from '../../../../shared/contract/channels.ts';
import { useReviewApi } from '../../api/ReviewApiContext.tsx';

/** The name as last read or set, per window: the review view comes anew with every record. */
const knownNames = new WeakMap<ReviewApi, string>();

/**
 * The reviewer's name from the settings (set once, remembered between launches). The main side
 * stamps decisions and statuses with the stored name; the view shows it and lets it be changed.
 * Read from the main side once per window, not on every record switch.
 */
export function useReviewerName(): { reviewer: string; setReviewer(name: string): void } {
  const api = useReviewApi();
  const [reviewer, setName] = useState(() => knownNames.get(api) ?? '');
  useEffect(() => {
    if (knownNames.has(api)) return;
    let live = true;
    void api.getSettings({}).then((result) => {
      if (!result.ok) return;
      knownNames.set(api, result.value.reviewerName);
      if (live) setName(result.value.reviewerName);
    });
    return () => {
      live = false;
    };
  }, [api]);
  const setReviewer = useCallback(
    (name: string) => {
      setName(name);
      knownNames.set(api, name);
      void api.setSettings({ reviewerName: name }).then((result) => {
        if (!result.ok) return;
        knownNames.set(api, result.value.reviewerName);
        setName(result.value.reviewerName);
      });
    },
    [api],
  );
  return { reviewer, setReviewer };
}
