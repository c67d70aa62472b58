import { SaxesParser } from 'saxes';
import type { LoadError, ParseResult, ReviewRecord } from './model.ts';
import { countLines } from './lines.ts';
import { assembleSide } from './side.ts';
import { errorDetail, loadError } from './loadErrorCodes.ts';

/**
 * TMX 1.4 and XLIFF 1.2 / 2.x: translation memories and translation-tool exchange files. Read with
 * a streaming XML parser (saxes), so entities, CDATA and nesting follow the XML rules and a
 * malformed file fails at a line instead of being misread.
 *
 * One record per XLIFF `<file>`; for TMX, one per document when the units carry a document
 * property (`<prop type="x-doc">`, as Okapi and many CAT tools write), else one for the file.
 */

/*
 * Inline elements: those that mark up text (TMX <hi>, XLIFF <g>/<mrk>/<pc>) keep their text; those
 * that hold the *native code* of a formatting tag (TMX <bpt>/<ept>/<ph>/<it>/<ut>, XLIFF 2
 * <originalData>) are skipped, since their content is markup like "<b>", not words.
 */
const CODE_ELEMENTS = new Set(['bpt', 'ept', 'ph', 'it', 'ut', 'originaldata', 'data', 'sub-code']);
// Elements whose source/target are not the unit's own text (alternatives, notes, segmented copies).
const SKIPPED_CONTAINERS = new Set(['alt-trans', 'seg-source', 'notes', 'note', 'ignorable', 'header', 'matches', 'metadata']);
const MT_QUALIFIERS = new Set(['mt-suggestion', 'leveraged-mt']);
// CAT tools write the MT engine's name as the creator of machine-made variants ("MT!", "DeepL MT").
const MT_ID = /(^|[^a-z])(mt|machine[ _-]?translation)([^a-z]|$)/i;
const DOC_PROPS = new Set(['x-doc', 'doc', 'document', 'x-document', 'docid', 'x-docid', 'x-filename', 'filename']);

interface Doc {
  name: string;
  line: number;
  srcLang: string;
  trgLang: string;
  pairs: { id: string; en: string; zh: string; mt: boolean }[];
}

function isZh(lang: string): boolean {
  return /^(zh|cmn|chi|zho)\b/i.test(lang.trim());
}

function isEn(lang: string): boolean {
  return /^(en|eng)\b/i.test(lang.trim());
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return (colon >= 0 ? name.slice(colon + 1) : name).toLowerCase();
}

function attr(attributes: Record<string, unknown>, ...names: string[]): string {
  for (const name of names) {
    const value = attributes[name];
    if (typeof value === 'string') return value;
  }
  return '';
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function docRecord(doc: Doc, file: string, format: 'tmx' | 'xliff', single: boolean): ReviewRecord {
  // A unit named "title" (id or resname) is the record's title rather than a sentence of the abstract.
  const titlePair = doc.pairs.find((p) => /(^|[^a-z])title([^a-z]|$)/i.test(p.id));
  const pairs = doc.pairs.filter((p) => p !== titlePair);
  const en = pairs.map((p) => p.en);
  const zh = pairs.map((p) => p.zh);
  const zhText = zh.filter((s) => s !== '').join('');
  const source = { file, line: doc.line };
  return {
    id: single ? file : `${file}#${doc.name}`,
    source,
    format,
    metadata: {},
    en: assembleSide(titlePair?.en ?? '', [{ label: null, body: en.filter((s) => s !== '').join(' ') }], 'en'),
    zh: zhText === '' && (titlePair?.zh ?? '') === '' ? null : assembleSide(titlePair?.zh ?? '', [{ label: null, body: zhText }], 'zh'),
    // Machine only when the file marks every translated unit as MT (XLIFF state-qualifier, TMX props).
    translation: pairs.some((p) => p.zh !== '') && pairs.every((p) => p.zh === '' || p.mt) ? 'machine' : 'unknown',
    presegmented: { en, zh, aligned: true },
  };
}

/**
 * Parses a TMX or XLIFF document into records. Never throws: malformed XML becomes an error with
 * its line (documents read before it are kept, the one being read is kept as far as it got), and
 * a unit without English text is an error naming its line.
 */
export function parseXmlRecords(text: string, file: string): ParseResult {
  const records: ReviewRecord[] = [];
  const errors: LoadError[] = [];
  const docs: Doc[] = [];
  let format: 'tmx' | 'xliff' | null = null;
  let failed = false;
  let rootLangs = { src: '', trg: '' };
  let doc: Doc | null = null;
  let tmxDocs: Map<string, Doc> | null = null;
  // The unit being read: TMX <tu> (variants by language) or XLIFF unit/segment (source/target).
  let unit: { id: string; line: number; docKey: string; variants: { lang: string; text: string; mt: boolean }[]; source: string; target: string; mt: boolean } | null = null;
  let capture: { kind: 'source' | 'target' | 'seg'; lang: string; text: string; mt: boolean } | null = null;
  let skipDepth = 0;
  let propType: string | null = null;
  let propText = '';
  let startLine = 1;

  const parser = new SaxesParser({ xmlns: false, position: true });
  // saxes counts the position after the last character, one line past a final line break.
  const lastLine = countLines(text);
  const lineNow = (): number => Math.min(parser.line, lastLine);
  const docFor = (key: string, line: number): Doc => {
    if (format === 'xliff' && doc !== null) return doc;
    tmxDocs ??= new Map();
    let found = tmxDocs.get(key);
    if (found === undefined) {
      found = { name: key === '' ? file : key, line, srcLang: rootLangs.src, trgLang: rootLangs.trg, pairs: [] };
      tmxDocs.set(key, found);
      docs.push(found);
    }
    return found;
  };
  const finishUnit = (): void => {
    if (unit === null) return;
    let en = '';
    let zh = '';
    if (format === 'tmx') {
      const enVariant = unit.variants.find((v) => isEn(v.lang)) ?? unit.variants.find((v) => !isZh(v.lang));
      en = enVariant?.text ?? '';
      zh = unit.variants.find((v) => isZh(v.lang))?.text ?? '';
    } else {
      const target = doc?.trgLang ?? rootLangs.trg;
      const reversed = isZh(doc?.srcLang ?? rootLangs.src) && (target === '' || isEn(target));
      en = reversed ? unit.target : unit.source;
      zh = reversed ? unit.source : unit.target;
    }
    en = tidy(en);
    zh = tidy(zh);
    if (en === '' && zh === '') {
      // Empty units (placeholders) carry nothing to review.
    } else if (en === '') {
      errors.push(unit.id ? loadError('xml.unitWithoutEnglish', { file, line: unit.line }, { unit: unit.id }) : loadError('xml.unnamedUnitWithoutEnglish', { file, line: unit.line }, {}));
    } else {
      docFor(unit.docKey, unit.line).pairs.push({ id: unit.id, en, zh, mt: unit.mt || (format === 'tmx' && unit.variants.some((v) => isZh(v.lang) && v.mt)) });
    }
    unit = null;
  };

  parser.on('opentagstart', () => {
    startLine = lineNow();
  });
  parser.on('opentag', (tag) => {
    if (failed) return;
    const name = localName(tag.name);
    const attributes = tag.attributes as Record<string, unknown>;
    if (skipDepth > 0) {
      if (!tag.isSelfClosing) skipDepth++;
      return;
    }
    if (format === null) {
      if (name === 'tmx') format = 'tmx';
      else if (name === 'xliff') {
        format = 'xliff';
        rootLangs = { src: attr(attributes, 'srcLang', 'srclang'), trg: attr(attributes, 'trgLang', 'trglang') };
      } else {
        failed = true;
        errors.push(loadError('xml.unknownRoot', { file, line: startLine }, { element: tag.name }));
      }
      return;
    }
    if (CODE_ELEMENTS.has(name) || (SKIPPED_CONTAINERS.has(name) && !(name === 'header' && format === 'tmx'))) {
      if (!tag.isSelfClosing) skipDepth = 1;
      return;
    }
    if (name === 'header' && format === 'tmx') {
      rootLangs = { src: attr(attributes, 'srclang'), trg: '' };
    } else if (name === 'file' && format === 'xliff') {
      doc = {
        name: attr(attributes, 'original', 'id') || `file ${docs.length + 1}`,
        line: startLine,
        srcLang: attr(attributes, 'source-language') || rootLangs.src,
        trgLang: attr(attributes, 'target-language') || rootLangs.trg,
        pairs: [],
      };
      docs.push(doc);
    } else if (name === 'tu') {
      unit = { id: attr(attributes, 'tuid'), line: startLine, docKey: '', variants: [], source: '', target: '', mt: false };
    } else if (name === 'prop' && unit !== null) {
      propType = attr(attributes, 'type').toLowerCase();
      propText = '';
    } else if (name === 'tuv' && unit !== null) {
      capture = { kind: 'seg', lang: attr(attributes, 'xml:lang', 'lang'), text: '', mt: MT_ID.test(attr(attributes, 'creationid', 'changeid')) };
    } else if (name === 'seg' && capture !== null) {
      capture.text = '';
    } else if (name === 'trans-unit' || name === 'unit') {
      finishUnit();
      unit = { id: attr(attributes, 'resname', 'name', 'id'), line: startLine, docKey: '', variants: [], source: '', target: '', mt: false };
    } else if (name === 'segment' && unit !== null && format === 'xliff') {
      // XLIFF 2: each <segment> of a unit is its own sentence pair.
      if (unit.source !== '' || unit.target !== '') {
        const id = unit.id;
        finishUnit();
        unit = { id, line: startLine, docKey: '', variants: [], source: '', target: '', mt: false };
      }
    } else if ((name === 'source' || name === 'target') && unit !== null) {
      capture = { kind: name, lang: '', text: '', mt: false };
      if (name === 'target' && MT_QUALIFIERS.has(attr(attributes, 'state-qualifier').toLowerCase())) unit.mt = true;
    }
  });
  const onText = (t: string): void => {
    if (failed || skipDepth > 0) return;
    if (propType !== null) propText += t;
    else if (capture !== null) capture.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    if (failed) return;
    const name = localName(tag.name);
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    if (name === 'prop' && unit !== null && propType !== null) {
      if (DOC_PROPS.has(propType)) unit.docKey = tidy(propText);
      if ((propType === 'x-mt' || propType === 'x-origin') && /^(mt|machine|yes|true)/i.test(tidy(propText))) unit.mt = true;
      propType = null;
    } else if (name === 'tuv' && unit !== null && capture !== null) {
      unit.variants.push({ lang: capture.lang, text: capture.text, mt: capture.mt });
      capture = null;
    } else if ((name === 'source' || name === 'target') && unit !== null && capture !== null) {
      unit[name] += capture.text;
      capture = null;
    } else if (name === 'tu' || name === 'trans-unit' || name === 'unit') {
      finishUnit();
    } else if (name === 'file' && format === 'xliff') {
      finishUnit();
      doc = null;
    }
  });
  parser.on('error', (e) => {
    if (failed) return;
    failed = true;
    const line = lineNow();
    const detail = e.message.replace(/^[^:]*:\d+:\d+: /, '');
    errors.push(loadError(docs.length > 0 ? 'xml.malformedAfterUnits' : 'xml.malformed', { file, line }, { detail }));
  });

  try {
    parser.write(text.replace(/^\uFEFF/, '')).close();
  } catch (e) {
    if (!failed) errors.push(loadError('xml.malformed', { file, line: lineNow() }, { detail: errorDetail(e) }));
    failed = true;
  }
  if (!failed && format === null) {
    errors.push(loadError('xml.noRoot', { file, line: 1 }, {}));
  }
  const kept = docs.filter((d) => d.pairs.length > 0);
  for (const d of kept) records.push(docRecord(d, file, format ?? 'xliff', kept.length === 1 && format === 'tmx'));
  if (records.length === 0 && errors.length === 0) {
    errors.push(loadError('xml.noUnits', { file, line: 1 }, {}));
  }
  return { records, errors };
}
