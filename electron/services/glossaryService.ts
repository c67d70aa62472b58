import type { RequestOf, ResponseOf } from '../../shared/contract/channels.ts';
import { glossaryToTsv, readGlossaryTsv, type glossaryRequestSchemas } from '../../shared/contract/glossary.ts';
import { fail, ok, type Result } from '../../shared/contract/result.ts';
import type { SqliteAnnotationRepository } from './annotationStore.ts';
import { inTransaction } from './storeTransaction.ts';

type GlossaryChannel = keyof typeof glossaryRequestSchemas;

/** The glossary channels' handlers, in the shape `createHandlers` spreads into its table. */
export type GlossaryHandlers = {
  [C in GlossaryChannel]: (request: RequestOf<C>) => Result<ResponseOf<C>>;
};

export interface GlossaryServiceDeps {
  store: SqliteAnnotationRepository;
}

/**
 * The user glossary on the main side: the `glossary` table of the review database, read and
 * written one request at a time. Requests arrive validated by `handleRequest` (terms non-empty,
 * lengths capped, no tabs or line breaks); this layer adds what a schema cannot see, namely the
 * table's current contents.
 *
 * Terms are the table's key with `COLLATE NOCASE`, so "mdma" and "MDMA" are one entry. An upsert
 * would keep the stored spelling of the key; a save deletes the old row first so the spelling the
 * reviewer typed wins (it matters: the check treats an all-capital term as a case-sensitive acronym).
 */
export function createGlossaryHandlers({ store }: GlossaryServiceDeps): GlossaryHandlers {
  const transaction = <T>(write: () => T): T => inTransaction(store.db, write);

  const existingTerms = () => new Set(store.listGlossary().map((entry) => entry.term.toLowerCase()));

  return {
    'glossary:list': () => ok(store.listGlossary()),

    'glossary:save': ({ entry, previousTerm }) => {
      const terms = existingTerms();
      const renaming = previousTerm !== undefined && previousTerm.toLowerCase() !== entry.term.toLowerCase();
      if (previousTerm !== undefined && !terms.has(previousTerm.toLowerCase())) return fail(`No glossary entry for "${previousTerm}"`);
      // Renaming onto another existing term would silently drop that entry.
      if (renaming && terms.has(entry.term.toLowerCase())) return fail(`The glossary already has an entry for "${entry.term}"`);
      return ok(
        transaction(() => {
          if (previousTerm !== undefined) store.deleteGlossaryEntry(previousTerm);
          store.deleteGlossaryEntry(entry.term);
          return store.upsertGlossaryEntry(entry);
        }),
      );
    },

    'glossary:delete': ({ term }) => ok({ term, deleted: store.deleteGlossaryEntry(term) }),

    'glossary:importTsv': ({ text }) => {
      const { entries, errors } = readGlossaryTsv(text);
      const terms = existingTerms();
      let added = 0;
      let updated = 0;
      transaction(() => {
        for (const entry of entries) {
          if (terms.has(entry.term.toLowerCase())) updated++;
          else added++;
          store.deleteGlossaryEntry(entry.term);
          store.upsertGlossaryEntry(entry);
        }
      });
      return ok({ added, updated, errors });
    },

    'glossary:exportTsv': () => {
      const entries = store.listGlossary();
      return ok({ text: glossaryToTsv(entries), fileName: 'glossary.tsv', entries: entries.length });
    },
  };
}
