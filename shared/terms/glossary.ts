/**
 * The user's glossary: English term → preferred and forbidden Chinese renderings, its TSV form
 * (import and export as pure functions; storage belongs to the main side), and the `glossary`
 * check that applies it to aligned pairs.
 */
import { pairFinding } from '../checks/findingFactory.ts';
import type { AlignedPair, EvidenceSpan, Finding } from '../checks/types.ts';
import { containsTerm } from './termCandidates.ts';

export interface GlossaryEntry {
  en: string;
  preferred: string[];
  forbidden: string[];
  note?: string;
}

/** A TSV line that could not be read: 1-based line number and why. */
export interface GlossaryError {
  line: number;
  message: string;
}

const HEADER = ['english', 'preferred', 'forbidden', 'note'];

const splitList = (cell: string | undefined) => (cell ?? '').split(/[|;；]/).map((s) => s.trim()).filter(Boolean);

/**
 * Reads a glossary from TSV: columns english, preferred, forbidden, note; several renderings in
 * one cell are separated by "|". A header row is recognised and skipped; blank lines and lines
 * starting with # are ignored. Bad lines become errors, the rest is kept.
 */
export function parseGlossaryTsv(text: string): { entries: GlossaryEntry[]; errors: GlossaryError[] } {
  const entries: GlossaryEntry[] = [];
  const errors: GlossaryError[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, k) => {
    const line = k + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const cells = raw.split('\t');
    if (k === 0 && cells[0]?.trim().toLowerCase() === HEADER[0]) return;
    const en = cells[0]?.trim() ?? '';
    if (!en) {
      errors.push({ line, message: 'The English term (first column) is empty.' });
      return;
    }
    const preferred = splitList(cells[1]);
    const forbidden = splitList(cells[2]);
    if (preferred.length === 0 && forbidden.length === 0) {
      errors.push({ line, message: `"${en}" has neither a preferred nor a forbidden rendering.` });
      return;
    }
    const note = cells[3]?.trim();
    entries.push(note ? { en, preferred, forbidden, note } : { en, preferred, forbidden });
  });
  return { entries, errors };
}

/** Writes a glossary as TSV with a header row; the inverse of `parseGlossaryTsv`. */
export function formatGlossaryTsv(entries: readonly GlossaryEntry[]): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  const rows = entries.map((e) => [clean(e.en), e.preferred.map(clean).join('|'), e.forbidden.map(clean).join('|'), clean(e.note ?? '')].join('\t'));
  return [HEADER.join('\t'), ...rows].join('\n') + '\n';
}

function spansIn(pair: AlignedPair, side: 'en' | 'zh', needle: string, caseless: boolean): EvidenceSpan[] {
  const out: EvidenceSpan[] = [];
  for (const s of pair[side]) {
    const hay = caseless ? s.text.toLowerCase() : s.text;
    const n = caseless ? needle.toLowerCase() : needle;
    for (let at = hay.indexOf(n); at >= 0; at = hay.indexOf(n, at + n.length)) {
      out.push({ side, sentence: s.index, start: at, end: at + n.length, text: s.text.slice(at, at + n.length) });
    }
  }
  return out;
}

/**
 * Applies the glossary to one aligned pair: a forbidden rendering in the Chinese is major; the
 * English term present with none of its preferred renderings (nor the term kept verbatim) is
 * minor. Terms match case-insensitively as whole words, except all-capital acronyms.
 */
export function findGlossaryViolations(pair: AlignedPair, glossary: readonly GlossaryEntry[]): Finding[] {
  if (pair.en.length === 0 || pair.zh.length === 0) return [];
  const en = pair.en.map((s) => s.text).join(' ');
  const zh = pair.zh.map((s) => s.text).join('');
  const findings: Finding[] = [];
  for (const entry of glossary) {
    const acronym = entry.en === entry.en.toUpperCase();
    const present = acronym ? containsTerm(en, entry.en) : containsTerm(en.toLowerCase(), entry.en.toLowerCase());
    if (!present) continue;
    const enSpans = spansIn(pair, 'en', entry.en, !acronym);
    const forbidden = entry.forbidden.filter((f) => zh.includes(f));
    if (forbidden.length) {
      findings.push(pairFinding('glossary', 'major', pair,
        `"${entry.en}" is rendered ${forbidden.join(', ')}, which the glossary forbids${entry.preferred.length ? `; use ${entry.preferred.join(' or ')}` : ''}.`,
        `“${entry.en}”译为${forbidden.join('、')}，术语表禁止该译法${entry.preferred.length ? `，应使用${entry.preferred.join('或')}` : ''}。`,
        [...enSpans, ...forbidden.flatMap((f) => spansIn(pair, 'zh', f, false))]));
    } else if (entry.preferred.length && !entry.preferred.some((p) => zh.includes(p)) && !zh.includes(entry.en)) {
      findings.push(pairFinding('glossary', 'minor', pair,
        `"${entry.en}" is not rendered with the glossary's ${entry.preferred.join(' or ')}.`,
        `“${entry.en}”未使用术语表规定的译法${entry.preferred.join('或')}。`, enSpans));
    }
  }
  return findings;
}
