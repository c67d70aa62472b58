import { useCallback, useEffect, useState } from 'react';
import { useReviewApi } from '../../api/ReviewApiContext.tsx';

/** The recent-files list of the main side (File ▸ Recent in Electron), fetched at start and on `refresh`. */
export function useRecentPaths(): { recentPaths: string[]; refresh: () => void } {
  const api = useReviewApi();
  const [recentPaths, setRecentPaths] = useState<string[]>([]);
  const refresh = useCallback(() => {
    void api.recentFiles({}).then((result) => {
      if (result.ok) setRecentPaths(result.value);
    });
  }, [api]);
  useEffect(refresh, [refresh]);
  return { recentPaths, refresh };
}
