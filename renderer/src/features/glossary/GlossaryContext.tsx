import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { GlossaryEntry } from '../../../../shared/contract/annotations.ts';
import type { GlossaryEntryInput, GlossaryExport, GlossaryImportResult } from '../../../../shared/contract/glossary.ts';
import { toCheckGlossary } from '../../../../shared/contract/glossaryEntries.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import type { GlossaryEntry as CheckGlossaryEntry } from '../../../../shared/terms/glossary.ts';
import { useReviewApi } from '../../api/ReviewApiContext.tsx';

export interface GlossaryContextValue {
  /** The stored glossary, sorted by term; null until the first answer arrives. */
  entries: GlossaryEntry[] | null;
  /** Why the glossary could not be read, if it could not. */
  loadError: string | null;
  /** The same entries as the `glossary` check reads them (one array per change, for effect deps). */
  checkGlossary: readonly CheckGlossaryEntry[];
  save(entry: GlossaryEntryInput, previousTerm?: string): Promise<Result<GlossaryEntry>>;
  remove(term: string): Promise<Result<{ term: string; deleted: boolean }>>;
  importTsv(text: string): Promise<Result<GlossaryImportResult>>;
  exportTsv(): Promise<Result<GlossaryExport>>;
}

/** One empty glossary for everyone, so "no entries" never looks like a change to an effect. */
const NO_GLOSSARY: readonly CheckGlossaryEntry[] = Object.freeze([]);

const GlossaryContext = createContext<GlossaryContextValue | null>(null);

/**
 * Holds the user glossary for the whole window: read once from the main side, read again after
 * every change there, and handed to the record analysis (`useCheckGlossary`) so an added or
 * removed entry re-runs the checks of the record on screen.
 */
export function GlossaryProvider({ children }: { children: ReactNode }) {
  const api = useReviewApi();
  const [entries, setEntries] = useState<GlossaryEntry[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const apply = useCallback((result: Result<GlossaryEntry[]>) => {
    if (result.ok) {
      setEntries(result.value);
      setLoadError(null);
    } else {
      setLoadError(result.error);
    }
  }, []);

  const reload = useCallback(async () => apply(await api.listGlossary({})), [api, apply]);

  useEffect(() => {
    let live = true;
    void api.listGlossary({}).then((result) => {
      if (live) apply(result);
    });
    return () => {
      live = false;
    };
  }, [api, apply]);

  /** Runs a change on the main side, then re-reads the list whatever the outcome (an import may have half-applied rows). */
  const change = useCallback(
    async <T,>(request: () => Promise<Result<T>>): Promise<Result<T>> => {
      const result = await request();
      await reload();
      return result;
    },
    [reload],
  );

  const checkGlossary = useMemo(() => (entries && entries.length > 0 ? toCheckGlossary(entries) : NO_GLOSSARY), [entries]);

  const value = useMemo<GlossaryContextValue>(
    () => ({
      entries,
      loadError,
      checkGlossary,
      save: (entry, previousTerm) => change(() => api.saveGlossaryEntry(previousTerm === undefined ? { entry } : { entry, previousTerm })),
      remove: (term) => change(() => api.deleteGlossaryEntry({ term })),
      importTsv: (text) => change(() => api.importGlossaryTsv({ text })),
      exportTsv: () => api.exportGlossaryTsv({}),
    }),
    [api, change, checkGlossary, entries, loadError],
  );

  return <GlossaryContext.Provider value={value}>{children}</GlossaryContext.Provider>;
}

/** The glossary and its actions; needs a `GlossaryProvider` above. */
export function useGlossary(): GlossaryContextValue {
  const value = useContext(GlossaryContext);
  if (!value) throw new Error('useGlossary needs a <GlossaryProvider> above it');
  return value;
}

/** The glossary as the checks read it; empty where no provider is mounted (component tests of the review view). */
export function useCheckGlossary(): readonly CheckGlossaryEntry[] {
  return useContext(GlossaryContext)?.checkGlossary ?? NO_GLOSSARY;
}
