import type { RecordFormat, RecordMetadata, ReviewRecord, SourceLocation, TranslationOrigin } from './model.ts';
import { assembleSide, parseAbstractHtml, type Paragraph } from './side.ts';

/**
 * The metadata objects academic search sites put in their pages and exports (the JSON line of a
 * page dump, a JSON/JSONL export): field names differ by site and by version, so each field is
 * looked up under the spellings seen in the wild, case-insensitively.
 */

/** What a site object says about one record, before it is merged with any page text. */
export interface SiteFields {
  title: string;
  /** English abstract paragraphs (from the `abstract` HTML). */
  abstract: Paragraph[];
  /** The abstract as given (HTML or text), for disagreement reports. */
  abstractRaw: string;
  zhTitle: string;
  zhAbstract: Paragraph[];
  zhAbstractRaw: string;
  metadata: RecordMetadata;
  translation: TranslationOrigin;
}

const KEYS = {
  title: ['title', 'articletitle', 'title_en', 'titleen', 'entitle', 'englishtitle'],
  abstract: ['abstract', 'abstracttext', 'abstract_en', 'abstracten', 'enabstract', 'englishabstract', 'abstracttexten', 'en', 'english', 'src'],
  zhTitle: ['titlecn', 'title_cn', 'titlezh', 'title_zh', 'zhtitle', 'cntitle', 'chinesetitle', 'translatedtitle', 'title_translation'],
  zhAbstract: [
    'abstracttextcn', 'abstractcn', 'abstract_cn', 'abstractzh', 'abstract_zh', 'zhabstract', 'cnabstract',
    'chineseabstract', 'translatedabstract', 'abstract_translation', 'zh', 'chinese', 'mt', 'tgt',
  ],
  doi: ['doi'],
  url: ['url', 'listurlmain', 'doiurl', 'link'],
  journal: ['journal', 'periodicalname', 'journalname', 'venue'],
  authors: ['authors', 'author', 'authorlist'],
  date: ['publicationdate', 'pubdate', 'date', 'epubdate', 'year', 'published'],
  translation: ['translation', 'translationorigin', 'translation_origin'],
} as const;

/*
 * Lower-cased key index of the last two objects read: a record's fields are looked up a dozen
 * times in a row (`isSiteObject`, then `readSiteObject`), with at most one nested object (a
 * journal `{name}`) in between. Two slots, rather than a WeakMap of every object, cost nothing
 * to look up and leave nothing for the garbage collector to trace.
 */
let recentObjects: [object | undefined, object | undefined] = [undefined, undefined];
let recentIndexes: [Map<string, string> | undefined, Map<string, string> | undefined] = [undefined, undefined];

/*
 * The objects of one export share their keys, in the same order: an index is built once per such
 * shape and found again by comparing key lists (JSON.parse interns short keys, so the compares
 * are cheap). A few shapes are kept: the record's, its journal object's, a second site's.
 */
const SHAPES_KEPT = 4;
const shapes: { keys: string[]; index: Map<string, string> }[] = [];

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function shapeIndex(keys: string[]): Map<string, string> {
  for (const known of shapes) if (sameKeys(known.keys, keys)) return known.index;
  // Later spellings win, as when one object has both "Title" and "title".
  const index = new Map<string, string>();
  for (const key of keys) index.set(key.toLowerCase(), key);
  shapes.unshift({ keys, index });
  if (shapes.length > SHAPES_KEPT) shapes.pop();
  return index;
}

function keyIndex(obj: Record<string, unknown>): Map<string, string> {
  if (recentObjects[0] === obj) return recentIndexes[0]!;
  if (recentObjects[1] === obj) return recentIndexes[1]!;
  const lower = shapeIndex(Object.keys(obj));
  recentObjects = [obj, recentObjects[0]];
  recentIndexes = [lower, recentIndexes[0]];
  return lower;
}

/** Case-insensitive field lookup, first non-empty spelling wins. */
function field(obj: Record<string, unknown>, names: readonly string[]): unknown {
  const lower = keyIndex(obj);
  for (const name of names) {
    const key = lower.get(name);
    const value = key === undefined ? undefined : obj[key];
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

// Module-level callbacks, not closures made on each call: V8 drops a per-call closure's optimised
// code at every major GC and compiles it again.
const nonEmpty = (s: string): boolean => s !== '';
const trimmed = (s: string): string => s.trim();

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(asText).filter(nonEmpty).join(', ');
  if (value !== null && typeof value === 'object') {
    const named = field(value as Record<string, unknown>, ['name', 'title', 'value', 'text']);
    return named === undefined ? '' : asText(named);
  }
  return '';
}

/** Splits an author string ("A, B and C", "A; B") into names. */
export function splitAuthors(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(asText).map(trimmed).filter(nonEmpty);
  return asText(value)
    .split(/\s*[;,，；]\s*|\s+and\s+|\s*&\s*/)
    .map(trimmed)
    .filter(nonEmpty);
}

/** The journal metrics kept: the field names sites use for each (first non-empty wins), and its name here. */
const METRIC_FIELDS: readonly (readonly [readonly string[], string])[] = [
  [['periodicalif', 'impactfactor', 'if'], 'IF'],
  [['regionnum', 'caszone'], 'casZone'],
  [['regioncategory'], 'casCategory'],
  [['jcr', 'jcrquartile'], 'jcrQuartile'],
  [['jcrname', 'jcrcategory'], 'jcrCategory'],
  [['citationcount', 'citations'], 'citations'],
];

function metrics(obj: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [from, to] of METRIC_FIELDS) {
    const value = field(obj, from);
    if (typeof value === 'number' || (typeof value === 'string' && value.trim() !== '')) out[to] = value;
  }
  return out;
}

function originOf(value: unknown): TranslationOrigin {
  const text = asText(value).toLowerCase();
  if (/machine|mt\b|auto/.test(text)) return 'machine';
  if (/human|manual|author|professional/.test(text)) return 'human';
  return 'unknown';
}

/** True when a parsed JSON value looks like a site record (has a title or an abstract). */
export function isSiteObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const obj = value as Record<string, unknown>;
  return field(obj, KEYS.title) !== undefined || field(obj, KEYS.abstract) !== undefined || field(obj, KEYS.zhAbstract) !== undefined;
}

/** Reads a site metadata object into fields. Unknown shapes give empty fields, never an exception. */
export function readSiteObject(obj: Record<string, unknown>): SiteFields {
  const abstractRaw = asText(field(obj, KEYS.abstract));
  const zhAbstractRaw = asText(field(obj, KEYS.zhAbstract));
  const metadata: RecordMetadata = {};
  const doi = asText(field(obj, KEYS.doi)).trim().replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
  if (doi !== '') metadata.doi = doi;
  const url = asText(field(obj, KEYS.url)).trim();
  if (url !== '') metadata.url = url;
  const journal = asText(field(obj, KEYS.journal)).trim();
  if (journal !== '') metadata.journal = journal;
  const authors = splitAuthors(field(obj, KEYS.authors));
  if (authors.length > 0) metadata.authors = authors;
  const date = asText(field(obj, KEYS.date)).trim();
  if (date !== '') metadata.date = date;
  const m = metrics(obj);
  if (Object.keys(m).length > 0) metadata.metrics = m;
  return {
    title: asText(field(obj, KEYS.title)).trim(),
    abstract: parseAbstractHtml(abstractRaw),
    abstractRaw,
    zhTitle: asText(field(obj, KEYS.zhTitle)).trim(),
    zhAbstract: parseAbstractHtml(zhAbstractRaw),
    zhAbstractRaw,
    metadata,
    translation: originOf(field(obj, KEYS.translation)),
  };
}

/** A stable record id: the DOI (lower case, as DOIs are case-insensitive), else file and position. */
export function recordId(doi: string | undefined, source: SourceLocation): string {
  if (doi !== undefined && doi.trim() !== '') return doi.trim().toLowerCase();
  const where = source.line !== undefined ? `L${source.line}` : `@${source.offset ?? 0}`;
  return `${source.file}#${where}`;
}

/**
 * One record from a site object (a JSON/JSONL export entry), or null when it has neither English
 * title nor abstract. Its translation comes from the Chinese fields when present.
 */
export function siteRecord(obj: Record<string, unknown>, source: SourceLocation, format: RecordFormat): ReviewRecord | null {
  const fields = readSiteObject(obj);
  if (fields.title === '' && fields.abstract.length === 0) return null;
  const hasZh = fields.zhTitle !== '' || fields.zhAbstract.length > 0;
  return {
    id: recordId(fields.metadata.doi, source),
    source,
    format,
    metadata: fields.metadata,
    en: assembleSide(fields.title, fields.abstract, 'en'),
    zh: hasZh ? assembleSide(fields.zhTitle, fields.zhAbstract, 'zh') : null,
    translation: fields.translation,
  };
}

/**
 * Makes record ids unique within one load: the same DOI twice in a file (two systems' translations
 * of one paper) must stay two records, so later ones get "#2", "#3". `seen` carries across the
 * chunks of a stream.
 */
export function makeIdsUnique(records: ReviewRecord[], seen: Map<string, number> = new Map()): ReviewRecord[] {
  for (const record of records) {
    const count = (seen.get(record.id) ?? 0) + 1;
    seen.set(record.id, count);
    if (count > 1) record.id = `${record.id}#${count}`;
  }
  return records;
}
