import type { LoadError, ParseResult, ReviewRecord } from './model.ts';
import { countLines, splitLines } from './lines.ts';
import { assembleSide } from './side.ts';
import { errorDetail, loadError } from './loadErrorCodes.ts';

/**
 * The WMT biomedical document format: `DOC_ID<TAB>SENT_ID<TAB>SENTENCE`, one file per language,
 * each side split into sentences on its own (so the two sides' counts differ and nothing is
 * aligned). A document is a record; its sentences are `presegmented` with `aligned: false`.
 */

interface WmtDoc {
  id: string;
  line: number;
  offset: number;
  sentences: string[];
}

const WMT_LINE = /^([^\t]+)\t(\d+)\t(.*)$/;

/** True when most (60%) of the first non-blank lines have the `doc<TAB>n<TAB>text` shape; a few may be damaged. */
export function looksLikeWmt(text: string): boolean {
  const lines = text.slice(0, 65536).split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 20);
  return lines.length > 0 && lines.filter((l) => WMT_LINE.test(l.replace(/^\uFEFF/, ''))).length >= Math.ceil(lines.length * 0.6);
}

function readDocs(text: string, file: string, errors: LoadError[]): WmtDoc[] {
  const docs = new Map<string, WmtDoc>();
  for (const line of splitLines(text.replace(/^\uFEFF/, ''))) {
    if (line.text.trim() === '') continue;
    const m = WMT_LINE.exec(line.text);
    if (m === null) {
      errors.push(loadError('wmt.badLine', { file, line: line.line, offset: line.offset }, {}));
      continue;
    }
    const id = (m[1] ?? '').trim();
    let doc = docs.get(id);
    if (doc === undefined) {
      doc = { id, line: line.line, offset: line.offset, sentences: [] };
      docs.set(id, doc);
    }
    doc.sentences.push((m[3] ?? '').trim());
  }
  return [...docs.values()];
}

/** A single WMT file in Chinese (the `_zh` sibling opened alone) fills the Chinese side instead. */
function chineseOnly(doc: WmtDoc, file: string): ReviewRecord {
  return wmtRecord({ ...doc, sentences: [] }, doc, file);
}

function wmtRecord(en: WmtDoc, zh: WmtDoc | null, file: string): ReviewRecord {
  const zhText = zh === null ? '' : zh.sentences.filter((s) => s !== '').join('');
  return {
    id: `${file}#${en.id}`,
    source: { file, line: en.line, offset: en.offset },
    format: 'wmt',
    metadata: {},
    en: assembleSide('', [{ label: null, body: en.sentences.filter((s) => s !== '').join(' ') }], 'en'),
    zh: zh === null ? null : assembleSide('', [{ label: null, body: zhText }], 'zh'),
    translation: 'unknown',
    presegmented: { en: en.sentences, zh: zh?.sentences ?? [], aligned: false },
  };
}

/**
 * Parses one WMT file as English-only records (zh null): the pairing needs both files, which
 * `parseWmtPair` takes. A Chinese file alone gives records with an empty English side and a note
 * saying so. A line without the three fields is an error with its line number.
 */
export function parseWmtFile(text: string, file: string): ParseResult {
  const errors: LoadError[] = [];
  try {
    const docs = readDocs(text, file, errors);
    const sample = docs.slice(0, 5).flatMap((d) => d.sentences).join('');
    const han = (sample.match(/\p{Script=Han}/gu) ?? []).length;
    const latin = (sample.match(/[A-Za-z]/g) ?? []).length;
    const chinese = han > latin;
    const records = docs.map((doc) => (chinese ? chineseOnly(doc, file) : wmtRecord(doc, null, file)));
    if (chinese && records.length > 0) {
      errors.push(loadError('wmt.chineseAlone', { file, line: 1, offset: 0 }, {}));
    }
    if (records.length === 0 && errors.length === 0) errors.push(loadError('wmt.empty', { file, line: 1, offset: 0 }, {}));
    return { records, errors };
  } catch (e) {
    errors.push(loadError('wmt.failed', { file, line: 1, offset: 0 }, { detail: errorDetail(e) }, 'file'));
    return { records: [], errors };
  }
}

/**
 * Pairs an English and a Chinese WMT file by document id: one record per English document, its
 * source in the English file. Two plain files with one sentence a line (no document ids) are read
 * as line-aligned parallel text instead (`parseParallelLines`). A document missing from either side is reported (the English one
 * still loads, without translation). The Chinese is the human reference in WMT test sets, but
 * the same format carries system output, so the origin stays unknown.
 */
export function parseWmtPair(enText: string, zhText: string, files: { enFile: string; zhFile: string }): ParseResult {
  const errors: LoadError[] = [];
  if (!looksLikeWmt(enText) && !looksLikeWmt(zhText)) return parseParallelLines(enText, zhText, files);
  try {
    const enDocs = readDocs(enText, files.enFile, errors);
    const zhDocs = new Map(readDocs(zhText, files.zhFile, errors).map((d) => [d.id, d]));
    const records = enDocs.map((doc) => {
      const zh = zhDocs.get(doc.id) ?? null;
      if (zh === null) {
        errors.push(loadError('wmt.docWithoutChinese', { file: files.enFile, line: doc.line, offset: doc.offset }, { doc: doc.id, otherFile: files.zhFile }));
      }
      zhDocs.delete(doc.id);
      return wmtRecord(doc, zh, files.enFile);
    });
    for (const orphan of zhDocs.values()) {
      errors.push(loadError('wmt.docWithoutEnglish', { file: files.zhFile, line: orphan.line, offset: orphan.offset }, { doc: orphan.id, otherFile: files.enFile }));
    }
    return { records, errors };
  } catch (e) {
    errors.push(loadError('wmt.pairFailed', { file: files.enFile, line: 1, offset: 0 }, { detail: errorDetail(e) }, 'file'));
    return { records: [], errors };
  }
}

/**
 * Line-aligned parallel text (Moses style: line N of the `.en` file is translated by line N of the
 * `.zh` file, as in the WMT Medline test sets and ParaMed): one record with the lines as aligned
 * pairs. Empty lines are kept, since an empty line on one side is an omission, not a shift. A
 * difference in line counts is reported; the shorter side is padded so pairs stay in step.
 */
export function parseParallelLines(enText: string, zhText: string, files: { enFile: string; zhFile: string }): ParseResult {
  const errors: LoadError[] = [];
  const read = (text: string): string[] => {
    const lines = splitLines(text.replace(/^\uFEFF/, '')).map((l) => l.text.trim());
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines;
  };
  const en = read(enText);
  const zh = read(zhText);
  if (en.every((l) => l === '')) {
    errors.push(loadError('wmt.noEnglishLines', { file: files.enFile, line: 1, offset: 0 }, {}));
    return { records: [], errors };
  }
  if (en.length !== zh.length) {
    const line = Math.min(en.length, zh.length) + 1;
    errors.push(
      loadError('wmt.lineCountMismatch', { file: files.zhFile, line: Math.min(line, Math.max(1, countLines(zhText))) }, { zhLines: zh.length, enLines: en.length, lastPaired: line - 1 }),
    );
    while (zh.length < en.length) zh.push('');
    while (en.length < zh.length) en.push('');
  }
  const zhBody = zh.filter((l) => l !== '').join('');
  const record: ReviewRecord = {
    id: files.enFile,
    source: { file: files.enFile, line: 1, offset: 0 },
    format: 'wmt',
    metadata: {},
    en: assembleSide('', [{ label: null, body: en.filter((l) => l !== '').join(' ') }], 'en'),
    zh: zhBody === '' ? null : assembleSide('', [{ label: null, body: zhBody }], 'zh'),
    translation: 'unknown',
    presegmented: { en, zh, aligned: true },
  };
  return { records: [record], errors };
}

const LANG_SUFFIX = /^(.*?[._-])(en|eng|english|zh|zho|chinese|zh[-_]cn|zh[-_]hans)(\.[A-Za-z0-9]+)?$/i;

/**
 * Proposes English/Chinese sibling pairs among file names (paths or bare names): `x_en.txt` with
 * `x_zh.txt`, `x.en` with `x.zh`, `x-en.tsv` with `x-zh-CN.tsv`. Names without a partner are
 * returned as unpaired, in their original order.
 */
export function pairWmtFiles(names: readonly string[]): { pairs: { en: string; zh: string }[]; unpaired: string[] } {
  const groups = new Map<string, { en?: string; zh?: string }>();
  const keyed: { name: string; key: string | null }[] = names.map((name) => {
    const m = LANG_SUFFIX.exec(name);
    if (m === null) return { name, key: null };
    const lang = (m[2] ?? '').toLowerCase().startsWith('e') ? 'en' : 'zh';
    const key = `${m[1] ?? ''}\u0000${(m[3] ?? '').toLowerCase()}`;
    const group = groups.get(key) ?? {};
    if (group[lang] !== undefined) return { name, key: null };
    group[lang] = name;
    groups.set(key, group);
    return { name, key };
  });
  const pairs: { en: string; zh: string }[] = [];
  const paired = new Set<string>();
  for (const group of groups.values()) {
    if (group.en !== undefined && group.zh !== undefined) {
      pairs.push({ en: group.en, zh: group.zh });
      paired.add(group.en);
      paired.add(group.zh);
    }
  }
  return { pairs, unpaired: keyed.filter((k) => !paired.has(k.name)).map((k) => k.name) };
}
