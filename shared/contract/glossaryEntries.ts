/**
 * Stored glossary entries read as the check reads them: plain functions, apart from the zod
 * schemas of glossary.ts, so that the renderer's glossary form and context load without zod
 * (see vocabulary.ts).
 *
 * Two shapes, on purpose: the store keeps one `preferred` text per term (its column predates the
 * check), the check wants a list. Several preferred renderings are written in that one text
 * separated by "|" — the separator the TSV format already uses inside a cell — so a TSV row, a
 * stored row and an edited form field all read the same way.
 */
import type { GlossaryEntry as CheckGlossaryEntry } from '../terms/glossary.ts';
import type { GlossaryEntry } from './annotations.ts';

/** Separates several renderings in one field or TSV cell: "|", or ";" / "；" as the TSV reader also accepts. */
const renderingSeparator = /[|;；]/;

/** Splits a field of several renderings ("MDMA | 亚甲二氧基甲基苯丙胺") into trimmed, non-empty ones. */
export function splitRenderings(text: string): string[] {
  return text
    .split(renderingSeparator)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** The stored glossary as the `glossary` check (and `analyzeRecord`) reads it. */
export function toCheckGlossary(entries: readonly GlossaryEntry[]): CheckGlossaryEntry[] {
  return entries.map((entry) => ({
    en: entry.term,
    preferred: splitRenderings(entry.preferred),
    forbidden: [...entry.forbidden],
    ...(entry.note ? { note: entry.note } : {}),
  }));
}
