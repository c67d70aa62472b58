import type { LoadError, ParseResult, RecordMetadata, ReviewRecord, SourceDisagreement, TranslationOrigin } from './model.ts';
import { compareCopies } from './disagreement.ts';
import { splitLines, type TextLine } from './lines.ts';
import { findSectionLabels, isAbstractHeading, sectionKindOfLabel } from './sectionLabels.ts';
import { assembleSide, collapseSpace, htmlToText, type Paragraph } from './side.ts';
import { isSiteObject, readSiteObject, recordId, splitAuthors, type SiteFields } from './siteObject.ts';
import { errorDetail, loadError } from './loadErrorCodes.ts';

/**
 * Page dumps: the text a reviewer copies (or saves) from an academic search site's article page.
 *
 * The layout of the example (`mdma-ptsd-military.page.txt`): English title; a journal metrics line
 * ("IF 1.7 4区 医学 Q3 CLINICAL NEUROLOGY"); authors; the site's JSON metadata on one line; a
 * citation line ("引用次数: 0"); "Abstract" and the English paragraphs; the Chinese title and
 * abstract; the machine-translation disclaimer; then site boilerplate. Any metadata line may be
 * missing and a file may hold several pages, so records are found from their header lines
 * (metrics, JSON, citation, "Abstract"), and every other line is read by what it looks like.
 */

type LineKind =
  | 'blank' | 'json' | 'brokenJson' | 'metrics' | 'citation' | 'heading' | 'zhHeading' | 'meta'
  | 'disclaimer' | 'boilerplate' | 'separator' | 'cjk' | 'latin';

interface ClassifiedLine extends TextLine {
  kind: LineKind;
  json?: Record<string, unknown>;
  jsonError?: string;
}

const HEADER_KINDS = new Set<LineKind>(['json', 'brokenJson', 'metrics', 'citation', 'heading']);

// The site's notice that the Chinese is machine translation, in either script, either punctuation.
const DISCLAIMER_RE =
  /本文章由(?:计算机|計算機)程序(?:翻译|翻譯)[,，]?\s*(?:如有差异|如有差異)[,，]?\s*(?:请|請)以英文原文(?:为|為)(?:准|準)[。.]?|(?:机器|機器|计算机|計算機)(?:翻译|翻譯)[^\n。]{0,12}(?:仅供参考|僅供參考)[。.]?/;
// Shorter notices other sites print on a line of their own: "（机器翻译）", "以下内容由AI翻译".
const SHORT_DISCLAIMER_RE = /(?:机器|機器|机|機|AI|人工智能|计算机|計算機|谷歌|百度|有道|DeepL)\s*(?:程序)?(?:翻译|翻譯|译|譯)|machine[- ]translat/i;
// Where a site's own furniture begins: download buttons, journal box, citation export, footer.
const BOILERPLATE_RE =
  /^\s*(?:求助全文|来源期刊|來源期刊|期刊介绍|期刊介紹|相关文献|相關文獻|推荐文献|推薦文獻|参考文献|參考文獻|全文获取|下载PDF|下載PDF|免费下载|约\s*\d+\s*分钟内获得全文|导出至|導出至|GB\/T\s*7714|联系我们|聯繫我們|Copyright\s*©|×\s*$)/;
const METRICS_RE = /^\s*(?:IF|影响因子|影響因子|Impact factor)\s*[:：]?\s*\d+(?:\.\d+)?(?:\s|$)/i;
const ZONE_RE = /^\s*(?:中科院|JCR|SCIE?|CAS)\b.{0,60}(?:[1-4]\s*区|\bQ[1-4]\b)/;
const CITATION_RE = /^\s*(?:引用次数|引用次數|被引次数|被引次數|被引用次数|被引量|被引频次|Cited by|Citations?)\s*[:：]?\s*(\d+)\s*$/i;
// Bibliographic lines some sites print under the title: journal, date, DOI, PMID.
const META_RE = /^\s*(?:DOI|PMID|PMCID|Pub(?:lication)?\s*Date|Published(?:\s+online)?|Epub|Received|Accepted|Journal|Source|Volume|Vol\.|出版日期|发表日期|期刊)\s*[:：]|\bdoi\s*[:：]\s*10\.\d{4,}\/|https?:\/\/(?:dx\.)?doi\.org\/10\./i;
const DOI_RE = /\b(10\.\d{4,9}\/[^\s"<>,;]+[^\s"<>,;.)])/;
const SEPARATOR_RE = /^\s*(?:-{3,}|={3,}|\*{3,}|_{3,}|\f+)\s*$/;

function hanShare(text: string): { han: number; share: number } {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return { han, share: han + latin === 0 ? 0 : han / (han + latin) };
}

function classify(line: TextLine): ClassifiedLine {
  const text = line.text.trim();
  if (text === '') return { ...line, kind: 'blank' };
  if (text.startsWith('{')) {
    try {
      const value: unknown = JSON.parse(text);
      if (isSiteObject(value)) return { ...line, kind: 'json', json: value };
    } catch (e) {
      // A JSON line cut short (a truncated copy) is still the record's header: report it, keep going.
      return { ...line, kind: 'brokenJson', jsonError: e instanceof Error ? e.message : String(e) };
    }
  }
  if (SEPARATOR_RE.test(line.text)) return { ...line, kind: 'separator' };
  if (METRICS_RE.test(text) || ZONE_RE.test(text) || (/[1-4]\s*区/.test(text) && /\bQ[1-4]\b/.test(text) && text.length < 200)) {
    return { ...line, kind: 'metrics' };
  }
  if (CITATION_RE.test(text)) return { ...line, kind: 'citation' };
  // Only the English heading marks a page's header; "摘要" over the Chinese abstract must not start a new page.
  if (text.length <= 20 && isAbstractHeading(text)) return { ...line, kind: /\p{Script=Han}/u.test(text) ? 'zhHeading' : 'heading' };
  if (DISCLAIMER_RE.test(text)) {
    // The notice alone on its line; otherwise it ends an abstract line and is cut off there.
    if (hanShare(text.replace(DISCLAIMER_RE, '')).han < 4) return { ...line, kind: 'disclaimer' };
  } else if (text.length <= 40 && SHORT_DISCLAIMER_RE.test(text) && hanShare(text.replace(SHORT_DISCLAIMER_RE, '')).han <= 8) {
    return { ...line, kind: 'disclaimer' };
  }
  if (BOILERPLATE_RE.test(text)) return { ...line, kind: 'boilerplate' };
  if (text.length <= 400 && META_RE.test(text)) return { ...line, kind: 'meta' };
  const { han, share } = hanShare(text);
  return { ...line, kind: han >= 2 && share >= 0.3 ? 'cjk' : 'latin' };
}

/** Header lines that belong to one page, from its first header line to its last. */
interface HeaderGroup {
  first: number;
  last: number;
}

/*
 * Header lines of one page sit together: only blank lines and at most two short Latin lines
 * (authors) between them, each kind at most once, and "Abstract" closes the header.
 */
function findHeaderGroups(lines: ClassifiedLine[]): HeaderGroup[] {
  const groups: HeaderGroup[] = [];
  let current: (HeaderGroup & { seen: Set<LineKind>; between: number; closed: boolean }) | null = null;
  lines.forEach((line, i) => {
    if (HEADER_KINDS.has(line.kind)) {
      const kind = line.kind === 'brokenJson' ? 'json' : line.kind;
      if (current === null || current.closed || current.seen.has(kind) || current.between > 2) {
        current = { first: i, last: i, seen: new Set(), between: 0, closed: false };
        groups.push(current);
      }
      current.seen.add(kind);
      current.last = i;
      current.between = 0;
      if (kind === 'heading') current.closed = true;
    } else if (current !== null && line.kind !== 'blank') {
      // A title or authors line may sit between header lines; a paragraph of prose may not.
      if (line.kind === 'meta') return;
      if (line.kind === 'latin' && line.text.length < 600 && !looksLikeProse(line.text)) current.between++;
      else current.between = 3;
    }
  });
  return groups.map(({ first, last }) => ({ first, last }));
}

/** Two or more sentences: the body of an abstract, not a title or an authors line. */
function looksLikeProse(text: string): boolean {
  return /[a-z0-9)]{2,}[.?!]\s+[A-Z]/.test(text) && text.length > 40;
}

function looksLikeAuthors(text: string): boolean {
  const t = text.trim();
  if (/[.?!]$/.test(t) && !/\b[A-Z]\.$|\bet al\.$/.test(t)) return false;
  const names = t.split(/\s*[,;]\s*|\s+and\s+/).filter((s) => s !== '');
  if (names.length < 2) return false;
  return names.every((n) => n.split(/\s+/).length <= 5 && /^\p{Lu}/u.test(n));
}

function startsWithLabel(text: string): boolean {
  return findSectionLabels(text, 'en').some((m) => m.start === 0);
}

/**
 * Where a page starts: its title just above the header, with the authors line and bibliographic
 * lines (DOI, journal) in between when present, and a Chinese title printed under the English one.
 * A second Latin line back is taken only when the nearer one is the authors line, so the end of
 * the previous page's abstract is never taken for a title.
 */
function recordStart(lines: ClassifiedLine[], group: HeaderGroup, floor: number): number {
  let start = group.first;
  let taken = 0;
  const previousNonBlank = (i: number): ClassifiedLine | undefined => {
    for (let j = i - 1; j >= floor; j--) if (lines[j]?.kind !== 'blank') return lines[j];
    return undefined;
  };
  for (let i = group.first - 1; i >= floor && taken < 2; i--) {
    const line = lines[i];
    if (line === undefined) break;
    if (line.kind === 'blank' || line.kind === 'meta') continue;
    if (line.kind === 'cjk' && line.text.length <= 150 && previousNonBlank(i)?.kind === 'latin') continue;
    if (line.kind !== 'latin' || line.text.length > 600 || startsWithLabel(line.text.trim())) break;
    if (taken === 1 && !looksLikeAuthors(lines[start]?.text ?? '')) break;
    start = i;
    taken++;
  }
  return start;
}

/** What the lines of one page say, before it is merged with its JSON line. */
interface PageText {
  titleLines: string[];
  authorsLine: string | null;
  metricsLine: string | null;
  citations: number | null;
  json: SiteFields | null;
  en: Paragraph[];
  /** Chinese lines in order; a label on a line of its own becomes the next line's label. */
  zh: Paragraph[];
  /** A Chinese title printed in the header, above the English abstract. */
  zhTitleEarly: string | null;
  doi: string | null;
  machine: boolean;
}

/** A line that is nothing but a section label ("Background", "METHODS:", "【目的】", "結果"). */
function labelOnly(text: string, lang: 'en' | 'zh'): boolean {
  const bare = text.replace(/[:：]\s*$/, '').trim();
  return bare.length > 0 && bare.length <= 40 && !/[.。!?！？,，]$/.test(bare) && sectionKindOfLabel(bare, lang) !== null;
}

function readPage(lines: ClassifiedLine[], from: number, to: number, file: string, errors: LoadError[]): PageText {
  const page: PageText = {
    titleLines: [], authorsLine: null, metricsLine: null, citations: null, json: null,
    en: [], zh: [], zhTitleEarly: null, doi: null, machine: false,
  };
  let phase: 'head' | 'en' | 'zh' | 'done' = 'head';
  let paragraph: string[] = [];
  let enLabel: string | null = null;
  let zhLabel: string | null = null;
  const endParagraph = (): void => {
    if (paragraph.length > 0) page.en.push({ label: enLabel, body: paragraph.join(' ') });
    paragraph = [];
    enLabel = null;
  };
  const pushZh = (text: string): void => {
    if (labelOnly(text, 'zh')) {
      zhLabel = text;
      return;
    }
    page.zh.push({ label: zhLabel, body: text });
    zhLabel = null;
  };
  const startEnglish = (text: string): void => {
    phase = 'en';
    if (labelOnly(text, 'en')) {
      endParagraph();
      enLabel = text;
    } else {
      paragraph.push(text);
    }
  };
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (line === undefined || phase === 'done') break;
    const text = line.text.trim();
    switch (line.kind) {
      case 'json':
        if (page.json === null && line.json !== undefined) page.json = readSiteObject(line.json);
        continue;
      case 'brokenJson':
        errors.push(loadError('page.brokenJsonLine', { file, line: line.line, offset: line.offset }, { detail: line.jsonError ?? 'invalid JSON' }));
        continue;
      case 'metrics':
        page.metricsLine ??= text;
        continue;
      case 'citation':
        page.citations ??= Number(CITATION_RE.exec(text)?.[1] ?? 'NaN');
        continue;
      case 'meta':
        page.doi ??= DOI_RE.exec(text)?.[1] ?? null;
        continue;
      case 'heading':
        if (phase === 'head') phase = 'en';
        continue;
      case 'zhHeading':
        endParagraph();
        if (phase !== 'zh') phase = 'zh';
        continue;
      case 'blank':
        endParagraph();
        continue;
      case 'disclaimer':
        page.machine = true;
        // A notice above the Chinese ("以下为机器翻译") announces it; one below closes the page.
        if (phase === 'zh') phase = 'done';
        continue;
      case 'boilerplate':
      case 'separator':
        phase = 'done';
        continue;
      case 'cjk': {
        endParagraph();
        const cut = DISCLAIMER_RE.exec(text);
        const content = cut === null ? text : text.slice(0, cut.index).trim();
        if (phase === 'head' && cut === null && page.zhTitleEarly === null && content.length <= 150 && !labelOnly(content, 'zh') && (content.match(/[。！？]/g) ?? []).length <= 1 && !findSectionLabels(content).some((m) => m.start === 0)) {
          // A Chinese title in the header block, above the English abstract.
          page.zhTitleEarly = content;
          continue;
        }
        phase = 'zh';
        if (content !== '') pushZh(content);
        if (cut !== null) {
          page.machine = true;
          phase = 'done';
        }
        continue;
      }
      case 'latin':
        if (phase === 'zh') pushZh(text);
        else if (phase === 'head') {
          // A page cut above its title starts with the metrics line; the next names are the authors.
          if (page.titleLines.length === 0 && !(page.metricsLine !== null && page.authorsLine === null && looksLikeAuthors(text))) page.titleLines.push(text);
          else if (page.titleLines.length === 0) page.authorsLine = text;
          else if (page.authorsLine === null && looksLikeAuthors(text)) page.authorsLine = text;
          // No "Abstract" heading: the English body starts at the first line that is neither title nor authors.
          else startEnglish(text);
        } else if (labelOnly(text, 'en')) {
          endParagraph();
          enLabel = text;
        } else paragraph.push(text);
        continue;
    }
  }
  endParagraph();
  if (zhLabel !== null) page.zh.push({ label: zhLabel, body: '' });
  return page;
}

function parseMetricsLine(line: string): Record<string, string | number> {
  const out: Record<string, string | number> = { raw: line };
  const impact = /(?:IF|影响因子|影響因子)\s*[:：]?\s*(\d+(?:\.\d+)?)/i.exec(line);
  if (impact?.[1] !== undefined) out['IF'] = Number(impact[1]);
  const zone = /([1-4])\s*区\s*(\p{Script=Han}+)?/u.exec(line);
  if (zone?.[1] !== undefined) out['casZone'] = Number(zone[1]);
  if (zone?.[2] !== undefined) out['casCategory'] = zone[2];
  const jcr = /\b(Q[1-4])\b\s*(.*)$/.exec(line);
  if (jcr?.[1] !== undefined) out['jcrQuartile'] = jcr[1];
  if (jcr?.[2] !== undefined && jcr[2].trim() !== '') out['jcrCategory'] = jcr[2].trim();
  return out;
}

/*
 * The Chinese lines: a title, then the abstract (one paragraph, or one per section). A lone line
 * is the title when it is short, has no label and at most one sentence end; otherwise it is the
 * abstract. A title printed in the header above the English wins.
 */
function splitChinese(lines: Paragraph[], early: string | null): { title: string; paragraphs: Paragraph[] } {
  const [first, ...rest] = lines;
  if (first === undefined) return { title: early ?? '', paragraphs: [] };
  if (early !== null) return { title: early, paragraphs: lines };
  const labelled = first.label !== null || findSectionLabels(first.body).some((m) => m.start === 0);
  const sentenceEnds = (first.body.match(/[。！？]/g) ?? []).length;
  const titleLike = !labelled && first.body.length <= 150 && (rest.length > 0 || (sentenceEnds <= 1 && first.body.length <= 80));
  return { title: titleLike ? first.body : '', paragraphs: titleLike ? rest : lines };
}

function paragraphsText(paragraphs: Paragraph[]): string {
  return paragraphs.map((p) => (p.label === null ? p.body : `${p.label} ${p.body}`)).join('\n');
}

function buildRecord(page: PageText, start: TextLine, file: string): ReviewRecord | null {
  const json = page.json;
  const disagreements: SourceDisagreement[] = [];
  const note = (d: SourceDisagreement | null): void => {
    if (d !== null) disagreements.push(d);
  };
  const pageTitle = collapseSpace(page.titleLines.join(' '));
  const title = pageTitle !== '' ? pageTitle : (json?.title ?? '');
  if (json !== null && pageTitle !== '' && json.title !== '') note(compareCopies('title', pageTitle, json.title, 'en'));
  let en = page.en;
  if (en.length === 0 && json !== null) en = json.abstract;
  else if (json !== null && json.abstract.length > 0) note(compareCopies('abstract', paragraphsText(en), htmlToText(json.abstractRaw), 'en'));
  if (title === '' && en.length === 0) return null;

  const zhPage = splitChinese(page.zh, page.zhTitleEarly);
  const zhTitle = zhPage.title !== '' ? zhPage.title : (json?.zhTitle ?? '');
  if (json !== null && zhPage.title !== '' && json.zhTitle !== '') note(compareCopies('zh.title', zhPage.title, json.zhTitle, 'zh'));
  let zh = zhPage.paragraphs;
  if (zh.length === 0 && json !== null) zh = json.zhAbstract;
  else if (json !== null && json.zhAbstract.length > 0) note(compareCopies('zh.abstract', paragraphsText(zh), htmlToText(json.zhAbstractRaw), 'zh'));

  const metadata: RecordMetadata = { ...(json?.metadata ?? {}) };
  if (metadata.doi === undefined && page.doi !== null) metadata.doi = page.doi;
  const lineAuthors = page.authorsLine === null ? [] : splitAuthors(page.authorsLine);
  if (lineAuthors.length > 0) {
    if (metadata.authors !== undefined) note(compareCopies('authors', lineAuthors.join(', '), metadata.authors.join(', '), 'en'));
    metadata.authors = lineAuthors;
  }
  const metrics = { ...(metadata.metrics ?? {}) };
  if (page.metricsLine !== null) Object.assign(metrics, parseMetricsLine(page.metricsLine));
  if (page.citations !== null && Number.isFinite(page.citations)) metrics['citations'] = page.citations;
  if (Object.keys(metrics).length > 0) metadata.metrics = metrics;

  const translation: TranslationOrigin = page.machine ? 'machine' : (json?.translation ?? 'unknown');
  const source = { file, line: start.line, offset: start.offset };
  const record: ReviewRecord = {
    id: recordId(metadata.doi, source),
    source,
    format: 'page',
    metadata,
    en: assembleSide(title, en, 'en'),
    zh: zhTitle === '' && zh.length === 0 ? null : assembleSide(zhTitle, zh, 'zh'),
    translation,
  };
  if (disagreements.length > 0) record.disagreements = disagreements;
  return record;
}

/** A Latin line followed, within a few lines, by English prose or an "Abstract" heading: a page's title. */
function looksLikePageStart(lines: ClassifiedLine[], i: number): boolean {
  let seen = 0;
  for (let j = i + 1; j < lines.length && seen < 4; j++) {
    const line = lines[j];
    if (line === undefined || line.kind === 'blank' || line.kind === 'meta') continue;
    if (line.kind === 'heading' || (line.kind === 'latin' && looksLikeProse(line.text))) return true;
    if (line.kind !== 'latin' && line.kind !== 'cjk') return false;
    seen++;
  }
  return false;
}

/*
 * Pages that have no header line start after the end of the previous page: right after a
 * disclaimer or separator line, at the next Latin line; inside site boilerplate (where Latin lines
 * such as journal names and "CiteScore" abound) only at a line that is followed by English prose.
 * Header groups start pages of their own; `groupLines` marks their lines so they are not re-used.
 */
function headerlessStarts(lines: ClassifiedLine[], groupStarts: number[], groupLines: Set<number>): number[] {
  const starts: number[] = [];
  const groupStartSet = new Set(groupStarts);
  // Before the first page the text may be site navigation, so with header groups about, the file's
  // start is treated like boilerplate; without any, its first Latin line is the first title.
  let state: 'open' | 'ended' | 'boilerplate' = groupStarts.length === 0 ? 'ended' : 'boilerplate';
  lines.forEach((line, i) => {
    if (groupStartSet.has(i)) {
      state = 'open';
      return;
    }
    if (line.kind === 'separator' || line.kind === 'disclaimer') state = 'ended';
    else if (line.kind === 'boilerplate') state = 'boilerplate';
    else if (line.kind === 'cjk' && state === 'open' && DISCLAIMER_RE.test(line.text)) state = 'ended';
    else if (line.kind === 'latin' && !groupLines.has(i)) {
      if ((state === 'ended' && line.text.length <= 600) || (state === 'boilerplate' && looksLikePageStart(lines, i))) {
        starts.push(i);
        state = 'open';
      }
    }
  });
  return starts;
}

/**
 * Parses a page dump holding one or more pages into records (`format: 'page'`). Never throws;
 * a page without English title or abstract, or a JSON line that does not parse, becomes an error
 * entry with its line, and the other pages still load.
 */
export function parsePageDump(text: string, file: string): ParseResult {
  const records: ReviewRecord[] = [];
  const errors: LoadError[] = [];
  try {
    const lines = splitLines(text).map(classify);
    const groups = findHeaderGroups(lines);
    const groupStarts: number[] = [];
    const groupLines = new Set<number>();
    let floor = 0;
    for (const group of groups) {
      const start = recordStart(lines, group, floor);
      groupStarts.push(start);
      for (let i = start; i <= group.last; i++) groupLines.add(i);
      floor = group.last + 1;
    }
    const starts = [...new Set([...groupStarts, ...headerlessStarts(lines, groupStarts, groupLines)])].sort((a, b) => a - b);
    starts.forEach((start, k) => {
      const end = starts[k + 1] ?? lines.length;
      const first = lines[start];
      if (first === undefined) return;
      const page = readPage(lines, start, end, file, errors);
      const record = buildRecord(page, first, file);
      if (record !== null) records.push(record);
      else errors.push(loadError('page.noTitleOrAbstract', { file, line: first.line, offset: first.offset }, {}));
    });
    if (records.length === 0 && errors.length === 0) {
      errors.push(loadError('page.noArticle', { file, line: 1, offset: 0 }, {}));
    }
  } catch (e) {
    errors.push(loadError('page.failed', { file, line: 1, offset: 0 }, { detail: errorDetail(e) }, 'file'));
  }
  return { records, errors };
}
