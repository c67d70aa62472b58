import type { Section, SectionKind } from './model.ts';

/**
 * Section labels of structured abstracts, in English and Chinese, and where they sit in a text.
 *
 * The parsers use this to cut abstracts into sections; the checks use it to notice a label the
 * translation lost ("section-missing"). Labels are a small closed vocabulary, so a table beats
 * any heuristic: it is what the journals (PubMed, JAMA, Lancet, BMJ, Cochrane, CNKI) actually print.
 */

export type LabelLanguage = 'en' | 'zh';

/** One label spelling and the canonical kind it stands for. */
export interface LabelEntry {
  label: string;
  kind: SectionKind;
}

function entries(kind: SectionKind, labels: string[]): LabelEntry[] {
  return labels.map((label) => ({ label, kind }));
}

/**
 * English labels, lower case. A merged label ("Methods and Results") takes the kind of its first
 * part, because the section starts with that part; the checks may still look for both.
 */
export const EN_SECTION_LABELS: readonly LabelEntry[] = [
  ...entries('background', [
    'background', 'backgrounds', 'introduction', 'context', 'rationale', 'importance', 'premise',
    'background and aims', 'background and aim', 'background and objectives', 'background and objective',
    'background and purpose', 'background and significance', 'background/aims', 'background/objectives',
    'scientific background', 'clinical background', 'study background',
  ]),
  ...entries('objective', [
    'objective', 'objectives', 'aim', 'aims', 'purpose', 'purposes', 'goal', 'goals', 'hypothesis',
    'aim of the study', 'aims of the study', 'study objective', 'study objectives', 'study aim',
    'purpose of the study', 'purpose of review', 'research question', 'question', 'objective and methods',
    'aims and objectives',
  ]),
  ...entries('methods', [
    'method', 'methods', 'methodology', 'design', 'setting', 'settings', 'participants', 'patients',
    'subjects', 'population', 'intervention', 'interventions', 'exposure', 'exposures', 'measurements',
    'main outcome measures', 'main outcome measure', 'main outcomes and measures', 'outcome measures',
    'materials and methods', 'material and methods', 'methods and materials', 'patients and methods',
    'subjects and methods', 'methods and results', 'study design', 'design and methods', 'design and setting',
    'design, setting, and participants', 'design, setting and participants', 'setting and participants',
    'data sources', 'data source', 'study selection', 'data extraction', 'data collection and analysis',
    'search methods', 'selection criteria', 'evidence acquisition', 'approach', 'procedures', 'experimental design',
    'eligibility criteria', 'information sources', 'search strategy',
  ]),
  ...entries('results', [
    'result', 'results', 'findings', 'main results', 'key results', 'outcomes', 'observations',
    'data synthesis', 'evidence synthesis', 'results and conclusions', 'results and discussion',
  ]),
  ...entries('conclusions', [
    'conclusion', 'conclusions', 'interpretation', 'conclusions and relevance', 'conclusion and relevance',
    'implications', 'significance', 'discussion', 'clinical relevance', 'clinical significance',
    'conclusions and implications', 'practical implications', 'implications for practice',
    "authors' conclusions", 'authors conclusions', 'discussion and conclusions', 'discussion and conclusion',
    'summary and conclusions', 'relevance', 'clinical implications',
  ]),
  ...entries('other', [
    'trial registration', 'registration', 'funding', 'keywords', 'key words', 'level of evidence',
    'limitations', 'case presentation', 'case report', 'case summary', 'clinical trial registration',
    'systematic review registration', 'prospero registration',
  ]),
];

/**
 * Chinese labels in Simplified characters. Traditional text is folded to Simplified before lookup
 * (see `foldTraditional`), so 結論 and 材料與方法 need no rows of their own.
 */
export const ZH_SECTION_LABELS: readonly LabelEntry[] = [
  ...entries('background', ['背景', '研究背景', '背景与目的', '背景和目的', '引言', '前言', '简介', '概述', '目的与背景']),
  ...entries('objective', ['目的', '目标', '研究目的', '研究目标', '目的与方法', '目的和方法', '宗旨', '假设']),
  ...entries('methods', [
    '方法', '研究方法', '材料与方法', '材料和方法', '对象与方法', '对象和方法', '资料与方法', '资料和方法',
    '患者与方法', '病例与方法', '方法与结果', '设计', '研究设计', '场所', '地点', '参与者', '研究对象', '对象',
    '干预', '干预措施', '主要结局指标', '主要观察指标', '主要结局', '结局指标', '测量', '方法学', '数据来源',
    '研究选择', '数据提取', '设计、场所和参与者', '设计、地点和参与者',
  ]),
  ...entries('results', ['结果', '研究结果', '主要结果', '发现', '结果与结论']),
  ...entries('conclusions', [
    '结论', '研究结论', '结论与意义', '结论和意义', '意义', '解释', '讨论', '结论和相关性', '结论与相关性',
    '临床意义', '启示', '结论与启示',
  ]),
  ...entries('other', ['试验注册', '注册', '关键词', '局限性', '病例介绍', '病例报告']),
];

/** Headings that announce an abstract rather than label a section of it. */
export const ABSTRACT_HEADINGS: readonly string[] = ['abstract', 'summary', '摘要', '中文摘要', '内容摘要', '英文摘要'];

/**
 * Traditional → Simplified for the characters that occur in labels. A full converter (opencc-js)
 * weighs megabytes; labels use a few dozen characters, and a one-to-one character map keeps
 * offsets in the folded text equal to offsets in the original.
 */
const TRADITIONAL_TO_SIMPLIFIED: Readonly<Record<string, string>> = Object.fromEntries(
  '結结 論论 與与 討讨 義义 標标 設设 計计 對对 參参 資资 預预 測测 臨临 關关 鍵键 詞词 試试 驗验 註注 冊册 釋释 發发 現现 導导 評评 價价 實实 觀观 處处 簡简 啟启 說说 數数 據据 來来 選选 擇择 綜综 總总 點点 療疗 醫医 學学 場场 應应 響响 題题 問问 況况 體体 條条 術术 獻献 統统 紹绍 圍围 範范 錄录 內内 歸归 納纳 們们 後后 驟骤 礎础'
    .split(' ')
    .map((pair) => [pair[0], pair[1]]),
);

const TRADITIONAL_RE = new RegExp(`[${Object.keys(TRADITIONAL_TO_SIMPLIFIED).join('')}]`, 'g');

/**
 * Which code units are keys of TRADITIONAL_TO_SIMPLIFIED, one byte each: most texts hold none,
 * and a table look-up per character tells so faster than the regex's search of its class.
 */
const IS_TRADITIONAL = new Uint8Array(0x10000);
for (const ch of Object.keys(TRADITIONAL_TO_SIMPLIFIED)) IS_TRADITIONAL[ch.charCodeAt(0)] = 1;

/** Folds the Traditional characters of `text` that occur in labels to Simplified, one for one. */
export function foldTraditional(text: string): string {
  for (let k = 0; k < text.length; k++) {
    if (IS_TRADITIONAL[text.charCodeAt(k)] === 1) return text.replace(TRADITIONAL_RE, (ch) => TRADITIONAL_TO_SIMPLIFIED[ch] ?? ch);
  }
  return text;
}

const EN_INDEX = new Map(EN_SECTION_LABELS.map((e) => [e.label, e.kind]));
const ZH_INDEX = new Map(ZH_SECTION_LABELS.map((e) => [e.label, e.kind]));
const HEADINGS = new Set(ABSTRACT_HEADINGS);

function normaliseEnglish(label: string): string {
  return label
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[’`]/g, "'")
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .replace(/[\s:：.]+$/, '')
    .trim();
}

function normaliseChinese(label: string): string {
  return foldTraditional(label)
    .replace(/[【】[\]［］〔〕\s\u3000:：]/g, '')
    .replace(/及/g, '与')
    .replace(/[,，、]/g, '、');
}

/**
 * Canonical kind of a label as written ("BACKGROUND", "Conclusions and relevance", "【目的】",
 * "結論："), or null when it is not a known label. Merged English labels that are not in the table
 * ("Aims and hypotheses") take the kind of their first known part.
 */
export function sectionKindOfLabel(label: string, lang: LabelLanguage): SectionKind | null {
  if (lang === 'zh') {
    const key = normaliseChinese(label);
    const kind = ZH_INDEX.get(key);
    if (kind !== undefined) return kind;
    // 目的与意义, 方法和结果 …: the first part decides, as for English.
    const first = key.split(/[与和、及]/)[0];
    return first !== undefined && first !== key ? (ZH_INDEX.get(first) ?? null) : null;
  }
  const key = normaliseEnglish(label);
  const kind = EN_INDEX.get(key);
  if (kind !== undefined) return kind;
  const first = key.split(/\s*(?:,|\/| and )\s*/)[0];
  return first !== undefined && first !== key ? (EN_INDEX.get(first) ?? null) : null;
}

/** True when `label` is an "Abstract"/"摘要" heading rather than a section label. */
export function isAbstractHeading(label: string): boolean {
  return HEADINGS.has(normaliseEnglish(label)) || HEADINGS.has(normaliseChinese(label));
}

/** A label found in a text. */
export interface SectionLabelMatch {
  /** The label as written: brackets kept, colon and spaces dropped ("Background", "【目的】", "结论"). */
  label: string;
  kind: SectionKind;
  /** Offset of the label's first character. */
  start: number;
  /** Offset where the section body starts (after the label, its colon or bracket and spaces). */
  end: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Longest first, so 材料与方法 wins over 方法 and "methods and results" over "methods".
const ZH_ALTERNATION = [...ZH_INDEX.keys()]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join('|');
// The labels most journals use; only these may stand without a colon ("目的 探讨…"), as CNKI prints them.
const ZH_BARE = ['背景', '目的', '方法', '结果', '结论', '研究背景', '研究目的', '材料与方法', '资料与方法', '对象与方法', '意义'];

/*
 * A Chinese label starts the text or follows a boundary: sentence punctuation, a colon (the
 * machine translation in the example leaves "…新应用:方法:这是…" where a sentence and a label
 * met), a closing bracket, or a line break. In running text 方法 follows a character (治疗方法:).
 */
// Spaces between boundary and label are bounded ({0,4}): an unbounded \s* in a lookbehind is
// re-scanned at every position, which made a long run of spaces take minutes.
const ZH_BOUNDARY = '(?<=^|[。！？!?；;：:.\\n\\r\\u3000][ \\t\\u3000]{0,4}|[)）】」』][ \\t\\u3000]{0,4})';
const ZH_COLON_RE = new RegExp(`${ZH_BOUNDARY}(${ZH_ALTERNATION})[ \\t\\u3000]*[:：][ \\t\\u3000]*`, 'g');
const ZH_BRACKET_RE = /[【［[〔][ \t\u3000]{0,4}([^【】[\]［］〔〕\n]{1,14}?)\s*[】］\]〕][ \t\u3000]*[:：]?[ \t\u3000]*/g;
const ZH_BARE_RE = new RegExp(
  `(?<=^|[。！？!?.\\n\\r][ \\t\\u3000]{0,4})(${ZH_BARE.sort((a, b) => b.length - a.length).join('|')})[ \\t\\u3000]+(?=[\\p{Script=Han}A-Za-z0-9])`,
  'gu',
);

/*
 * What each pattern cannot match without, tested first: most texts have no bracket, many no
 * colon, and a pattern that cannot match is then not run over the whole text (the lookbehinds
 * make those runs the costly part of reading a record). Folding only changes Han characters, so
 * these tests read the text as written.
 */
const ZH_BRACKET_OPEN = /[【［[〔]/;
const COLON = /[:：]/;
const ZH_WORD_PATTERNS = [
  { re: ZH_COLON_RE, needs: COLON },
  { re: ZH_BARE_RE, needs: /[ \t\u3000]/ },
];

/**
 * The patterns of `patterns` that can match somewhere in `text`. A loop, not `filter`/`map` with
 * closures over `text`: V8 drops a per-call closure's optimised code at every major GC.
 */
function possible(patterns: readonly { re: RegExp; needs: RegExp }[], text: string): RegExp[] {
  const out: RegExp[] = [];
  for (const p of patterns) if (p.needs.test(text)) out.push(p.re);
  return out;
}

/** The bracketed labels (【目的】) of `text` (`folded`: its traditional characters folded). */
function addBracketedLabels(text: string, folded: string, found: SectionLabelMatch[]): void {
  for (const m of folded.matchAll(ZH_BRACKET_RE)) {
    const inner = m[1] ?? '';
    if (isAbstractHeading(inner)) continue;
    const kind = sectionKindOfLabel(inner, 'zh');
    if (kind === null) continue;
    const start = m.index;
    const bracketEnd = folded.indexOf(inner, start) + inner.length;
    const close = folded.slice(bracketEnd).search(/[】］\]〕]/);
    found.push({ label: text.slice(start, bracketEnd + close + 1), kind, start, end: start + m[0].length });
  }
}

function findChineseLabels(text: string): SectionLabelMatch[] {
  const patterns = possible(ZH_WORD_PATTERNS, text);
  const brackets = ZH_BRACKET_OPEN.test(text);
  if (!brackets && patterns.length === 0) return [];
  const folded = foldTraditional(text);
  const found: SectionLabelMatch[] = [];
  // A separate function, not a loop over `brackets ? matchAll(…) : []`, whose iterator had two kinds.
  if (brackets) addBracketedLabels(text, folded, found);
  for (const re of patterns) {
    for (const m of folded.matchAll(re)) {
      const word = m[1] ?? '';
      const kind = sectionKindOfLabel(word, 'zh');
      if (kind === null) continue;
      found.push({ label: text.slice(m.index, m.index + word.length), kind, start: m.index, end: m.index + m[0].length });
    }
  }
  return dropOverlaps(found);
}

/*
 * An English label starts the text, a line, or a sentence, and ends at a colon: "Background:",
 * "BACKGROUND:", "Design, Setting, and Participants:". Upper-case labels may also stand without a
 * colon ("BACKGROUND The …"), as some PubMed exports print them.
 */
const EN_BOUNDARY = '(?<=^|[.!?;:][ \\t\\n\\r]{1,4}|[\\n\\r][ \\t]{0,8})';
const EN_COLON_RE = new RegExp(`${EN_BOUNDARY}([A-Z][A-Za-z'’]*(?:(?:,? and |, | & |/| |-)[A-Za-z'’]+){0,6})[ \\t]*[:：][ \\t]*`, 'g');
const EN_CAPS_RE = new RegExp(`${EN_BOUNDARY}([A-Z]{3,}(?:(?:, | AND | & |/| )[A-Z]{2,}){0,5})[ \\t]+(?=[A-Z0-9][a-z0-9])`, 'g');
const EN_PATTERNS = [
  { re: EN_COLON_RE, needs: COLON },
  { re: EN_CAPS_RE, needs: /[A-Z]{3}/ },
];

function findEnglishLabels(text: string): SectionLabelMatch[] {
  const found: SectionLabelMatch[] = [];
  for (const re of possible(EN_PATTERNS, text)) {
    for (const m of text.matchAll(re)) {
      const word = m[1] ?? '';
      if (isAbstractHeading(word)) continue;
      const kind = sectionKindOfLabel(word, 'en');
      if (kind === null) continue;
      found.push({ label: word, kind, start: m.index, end: m.index + m[0].length });
    }
  }
  return dropOverlaps(found);
}

const byStartThenLongest = (a: SectionLabelMatch, b: SectionLabelMatch): number => a.start - b.start || b.end - a.end;

function dropOverlaps(found: SectionLabelMatch[]): SectionLabelMatch[] {
  found.sort(byStartThenLongest);
  const kept: SectionLabelMatch[] = [];
  for (const match of found) {
    const last = kept[kept.length - 1];
    if (last !== undefined && match.start < last.end) continue;
    kept.push(match);
  }
  return kept;
}

/**
 * Finds the section labels in an abstract, in order. Chinese by default, since that is where the
 * checks look for lost labels: "背景:", "【目的】", "結論：", "目的 探讨…" (CNKI style, no colon).
 * A label counts only at the start of the text, a line or a sentence, or after a colon, so
 * "治疗方法:" in running text is not taken for the Methods label.
 */
export function findSectionLabels(text: string, lang: LabelLanguage = 'zh'): SectionLabelMatch[] {
  return lang === 'zh' ? findChineseLabels(text) : findEnglishLabels(text);
}

/**
 * Cuts an abstract into sections at its labels. Text before the first label (or the whole text
 * when there is none) becomes an unlabelled `other` section; empty bodies are kept so a label
 * merged with the next one ("方法:结果:") still shows as a section. `start` is the body's offset in `text`.
 */
export function splitSections(text: string, lang: LabelLanguage): Section[] {
  const labels = findSectionLabels(text, lang);
  const sections: Section[] = [];
  const push = (kind: SectionKind, label: string | null, from: number, to: number): void => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    sections.push({ kind, label, text: raw.trim(), start: from + lead });
  };
  const first = labels[0];
  const leadEnd = first === undefined ? text.length : first.start;
  // "摘要：目的：…", "Abstract: Background: …": a bare heading before the first label is no section.
  const lead = text.slice(0, leadEnd).trim();
  const headingOnly = labels.length > 0 && isAbstractHeading(lead.replace(/[:：]$/, ''));
  if ((lead !== '' && !headingOnly) || labels.length === 0) push('other', null, 0, leadEnd);
  labels.forEach((match, i) => {
    push(match.kind, match.label, match.end, labels[i + 1]?.start ?? text.length);
  });
  return sections;
}
