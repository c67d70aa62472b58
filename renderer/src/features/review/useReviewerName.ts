import { useCallback, useEffect, useState } from 'react';
import { useReviewApi } from '../../api/ReviewApiContext.tsx';

/**
 * The reviewer's name from the settings (set once, remembered between launches). The main side
 * stamps decisions and statuses with the stored name; the view shows it and lets it be changed.
 */
export function useReviewerName(): { reviewer: string; setReviewer(name: string): void } {
  const api = useReviewApi();
  const [reviewer, setName] = useState('');
  useEffect(() => {
    let live = true;
    void api.getSettings({}).then((result) => {
      if (live && result.ok) setName(result.value.reviewerName);
    });
    return () => {
      live = false;
    };
  }, [api]);
  const setReviewer = useCallback(
    (name: string) => {
      setName(name);
      void api.setSettings({ reviewerName: name }).then((result) => {
        if (result.ok) setName(result.value.reviewerName);
      });
    },
    [api],
  );
  return { reviewer, setReviewer };
}
