import type { GlossaryEntry } from '../../../../../shared/contract/annotations.ts';
import type { RequestOf, ResponseOf, ReviewApi } from '../../../../../shared/contract/channels.ts';
import { glossaryToTsv, readGlossaryTsv, type glossaryMethodOfChannel } from '../../../../../shared/contract/glossary.ts';
import { fail, ok, type Result } from '../../../../../shared/contract/result.ts';

type GlossaryMethods = Pick<ReviewApi, (typeof glossaryMethodOfChannel)[keyof typeof glossaryMethodOfChannel]>;

/**
 * The glossary channels of the fake `ReviewApi`: an in-memory imitation of the SQLite table with the
 * same observable behaviour (terms unique without regard to case, the typed spelling wins, sorted
 * by term, TSV through the same shared reader and writer). `record` logs each call.
 */
export function createFakeGlossaryMethods(record: (channel: string, request: unknown) => void, glossary: GlossaryEntry[] = []): GlossaryMethods & { glossary: GlossaryEntry[] } {
  let clock = Date.parse('2026-11-29T00:00:00.000Z');
  const stamp = () => new Date((clock += 1000)).toISOString();
  const find = (term: string) => glossary.findIndex((entry) => entry.term.toLowerCase() === term.toLowerCase());
  const remove = (term: string) => {
    const at = find(term);
    if (at >= 0) glossary.splice(at, 1);
    return at >= 0;
  };
  const put = (entry: Omit<GlossaryEntry, 'updated'>): GlossaryEntry => {
    remove(entry.term);
    const stored = { ...entry, forbidden: [...entry.forbidden], updated: stamp() };
    glossary.push(stored);
    glossary.sort((a, b) => a.term.toLowerCase().localeCompare(b.term.toLowerCase()));
    return stored;
  };
  const answer = <C extends keyof typeof glossaryMethodOfChannel>(channel: C, request: RequestOf<C>, value: () => Result<ResponseOf<C>>) => {
    record(channel, request);
    return Promise.resolve(value());
  };

  return {
    glossary,
    listGlossary: (request) => answer('glossary:list', request, () => ok(glossary.map((entry) => ({ ...entry })))),
    saveGlossaryEntry: (request) =>
      answer('glossary:save', request, () => {
        const { entry, previousTerm } = request;
        if (previousTerm !== undefined && find(previousTerm) < 0) return fail(`No glossary entry for "${previousTerm}"`);
        if (previousTerm !== undefined && previousTerm.toLowerCase() !== entry.term.toLowerCase() && find(entry.term) >= 0) {
          return fail(`The glossary already has an entry for "${entry.term}"`);
        }
        if (previousTerm !== undefined) remove(previousTerm);
        return ok(put(entry));
      }),
    deleteGlossaryEntry: (request) => answer('glossary:delete', request, () => ok({ term: request.term, deleted: remove(request.term) })),
    importGlossaryTsv: (request) =>
      answer('glossary:importTsv', request, () => {
        const { entries, errors } = readGlossaryTsv(request.text);
        let added = 0;
        for (const entry of entries) {
          if (find(entry.term) < 0) added++;
          put(entry);
        }
        return ok({ added, updated: entries.length - added, errors });
      }),
    exportGlossaryTsv: (request) => answer('glossary:exportTsv', request, () => ok({ text: glossaryToTsv(glossary), fileName: 'glossary.tsv', entries: glossary.length })),
  };
}
