import { z } from 'zod';
import { formatGlossaryTsv, parseGlossaryTsv, type GlossaryError } from '../terms/glossary.ts';
import type { GlossaryEntry } from './annotations.ts';
import { splitRenderings, toCheckGlossary } from './glossaryEntries.ts';

/**
 * The glossary channels (issue 5: a user glossary kept in the database, edited in the UI, imported
 * and exported as TSV). The stored entry becomes the entry the `glossary` check reads in
 * glossaryEntries.ts.
 */

/** One rendering or term: no tabs or line breaks, which would break the TSV row it is exported in. */
const singleLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\t\r\n]*$/, { message: 'must not contain tabs or line breaks' });

export const glossaryEntryInputSchema = z
  .object({
    term: singleLine(200),
    /** Preferred Chinese rendering(s), several separated by "|"; may be empty when `forbidden` is not. */
    preferred: z.string().trim().max(1000).regex(/^[^\t\r\n]*$/, { message: 'must not contain tabs or line breaks' }),
    forbidden: z.array(singleLine(200)).max(50),
    note: z.string().trim().max(2000),
  })
  .strict()
  .refine((entry) => splitRenderings(entry.preferred).length > 0 || entry.forbidden.length > 0, {
    message: 'give a preferred or a forbidden rendering',
    path: ['preferred'],
  });
export type GlossaryEntryInput = z.infer<typeof glossaryEntryInputSchema>;

export const glossaryRequestSchemas = {
  /** The whole glossary, sorted by term. */
  'glossary:list': z.object({}).strict(),
  /**
   * Adds or replaces one entry (terms are matched without regard to case). With `previousTerm`
   * the entry of that term is replaced, so a term can be renamed in one step.
   */
  'glossary:save': z.object({ entry: glossaryEntryInputSchema, previousTerm: z.string().min(1).max(200).optional() }).strict(),
  'glossary:delete': z.object({ term: z.string().min(1).max(200) }).strict(),
  /** Adds the rows of a TSV file (english, preferred, forbidden, note); rows that cannot be read come back as errors. */
  'glossary:importTsv': z.object({ text: z.string().max(16 * 1024 * 1024) }).strict(),
  /** The whole glossary as TSV, in the layout `glossary:importTsv` and `check --glossary` read. */
  'glossary:exportTsv': z.object({}).strict(),
} as const;

/** The answer to `glossary:importTsv`. */
export interface GlossaryImportResult {
  /** Terms that were not in the glossary before. */
  added: number;
  /** Terms already there whose entry the file replaced. */
  updated: number;
  /** Lines left out, 1-based, with the reason. */
  errors: GlossaryError[];
}

/** The answer to `glossary:exportTsv`. */
export interface GlossaryExport {
  text: string;
  fileName: string;
  entries: number;
}

export interface GlossaryResponseTypes {
  'glossary:list': GlossaryEntry[];
  'glossary:save': GlossaryEntry;
  'glossary:delete': { term: string; deleted: boolean };
  'glossary:importTsv': GlossaryImportResult;
  'glossary:exportTsv': GlossaryExport;
}

export { glossaryMethodOfChannel } from './vocabulary.ts';

/** The stored glossary as TSV (header row, "|" between renderings in a cell). */
export function glossaryToTsv(entries: readonly GlossaryEntry[]): string {
  return formatGlossaryTsv(toCheckGlossary(entries));
}

/**
 * Reads a glossary TSV into entries ready to store, each validated like a `glossary:save` request.
 * Errors carry the 1-based line: those of the TSV reader, and rows it accepted that break a limit
 * (a term over 200 characters, say). A term repeated in the file keeps its last row.
 */
export function readGlossaryTsv(text: string): { entries: GlossaryEntryInput[]; errors: GlossaryError[] } {
  const parsed = parseGlossaryTsv(text);
  const errors = [...parsed.errors];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const errorLines = new Set(parsed.errors.map((error) => error.line));
  const byTerm = new Map<string, GlossaryEntryInput>();
  // The reader returns entries in line order without their lines; each comes from the next line
  // (not already an error) whose first cell is its term, so a cursor recovers the line numbers.
  let cursor = 0;
  for (const entry of parsed.entries) {
    while (cursor < lines.length && (errorLines.has(cursor + 1) || lines[cursor]!.split('\t')[0]!.trim() !== entry.en)) cursor++;
    const line = cursor + 1;
    cursor++;
    const candidate = { term: entry.en, preferred: entry.preferred.join('|'), forbidden: entry.forbidden, note: entry.note ?? '' };
    const checked = glossaryEntryInputSchema.safeParse(candidate);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      errors.push({ line, message: `${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'}` });
      continue;
    }
    const key = checked.data.term.toLowerCase();
    byTerm.delete(key);
    byTerm.set(key, checked.data);
  }
  errors.sort((a, b) => a.line - b.line);
  return { entries: [...byTerm.values()], errors };
}
