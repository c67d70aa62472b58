/**
 * The one record model every format is turned into.
 *
 * A record is one paper: its English abstract and the Chinese translation shown beside it.
 * Parsers (string in, records out) live beside this file; nothing here touches files.
 */

/** Canonical section kinds; every label variant in either language maps to one of these. */
export type SectionKind = 'background' | 'objective' | 'methods' | 'results' | 'conclusions' | 'other';

/** Where a record (or an error) came from, so the UI and the CLI can point at it. */
export interface SourceLocation {
  /** File path or name as the user gave it. */
  file: string;
  /** 1-based line of the record's first line in the file, when the format is line-based. */
  line?: number;
  /** Character offset of the record's start in the decoded file text (not given for TMX/XLIFF). */
  offset?: number;
}

/** A labelled (or unlabelled) part of an abstract. */
export interface Section {
  kind: SectionKind;
  /** The label exactly as written ("Background", "目的", "【结果】"), or null for an unlabelled section. */
  label: string | null;
  /** Body text without the label. */
  text: string;
  /** Character offset of the body in `Side.abstract`, so sentence offsets can be mapped back. */
  start: number;
}

export interface Side {
  title: string;
  /** The full abstract text as displayed (labels included, as the source has them). */
  abstract: string;
  /**
   * Sections found in `abstract`, in order (one unlabelled `other` section when there are no
   * labels, none when the abstract is empty). `abstract.slice(start, start + text.length) === text`.
   */
  sections: Section[];
}

export interface RecordMetadata {
  doi?: string;
  journal?: string;
  authors?: string[];
  date?: string;
  url?: string;
  /** Journal metrics as the site shows them (impact factor, quartile, CAS zone …). */
  metrics?: Record<string, string | number>;
}

/** A difference between two sources of the same record inside one file (e.g. JSON line vs page text). */
export interface SourceDisagreement {
  field: string;
  /** Human-readable summary, e.g. "JSON abstract has 3 words the page text lacks". */
  summary: string;
  /** The differing parts, from `diff` (added = only in `b`, removed = only in `a`). */
  parts: { value: string; added?: boolean; removed?: boolean }[];
  a: string;
  b: string;
}

export type TranslationOrigin = 'machine' | 'human' | 'unknown';

export interface ReviewRecord {
  /** Stable id: DOI when present, otherwise derived from source and position. */
  id: string;
  source: SourceLocation;
  format: RecordFormat;
  metadata: RecordMetadata;
  en: Side;
  /** Null when the file carries no translation for this record. */
  zh: Side | null;
  translation: TranslationOrigin;
  /** Pre-split sentences, when the format is sentence-aligned (TSV rows, TMX units, WMT lines). */
  presegmented?: {
    en: string[];
    zh: string[];
    /**
     * True when en[i] and zh[i] are a pair (TSV rows, TMX/XLIFF units; either may be '' for an
     * omission); false when each side was split on its own and the counts may differ (WMT).
     */
    aligned?: boolean;
  };
  disagreements?: SourceDisagreement[];
}

/** A malformed record or file: reported, never thrown, so the rest still loads. */
export interface LoadError {
  source: SourceLocation;
  /** The reason in English, with the place (`file:line: …`), for the CLI and logs. */
  message: string;
  /**
   * The reason as a stable code from `LOAD_ERROR_MESSAGES` (loadErrorCodes.ts), which the UI
   * shows in its own language; absent (or unknown to the UI) → the UI shows `message`.
   */
  code?: string;
  /** The values the code's template names (file sizes, counts, a parser's own detail text). */
  params?: Record<string, string | number>;
}

export type RecordFormat = 'page' | 'json' | 'jsonl' | 'tsv' | 'csv' | 'tmx' | 'xliff' | 'wmt';

export interface ParseResult {
  records: ReviewRecord[];
  errors: LoadError[];
}
