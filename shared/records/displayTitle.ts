import type { ReviewRecord } from './model.ts';

const MAX_TITLE_CHARS = 90;

/**
 * The title to show for a record in lists and reports. Sentence-aligned formats (TSV, CSV, TMX,
 * XLIFF, WMT) carry no title, and an empty line in the record list tells the reviewer nothing, so
 * fall back to the opening words of the English text, then the Chinese, then the record id.
 */
export function displayTitle(record: Pick<ReviewRecord, 'id' | 'en' | 'zh' | 'presegmented'>): string {
  const candidates = [
    record.en.title,
    record.en.abstract,
    record.presegmented?.en.find((s) => s.trim() !== ''),
    record.zh?.title,
    record.zh?.abstract,
    record.presegmented?.zh.find((s) => s.trim() !== ''),
  ];
  for (const candidate of candidates) {
    const text = candidate?.replace(/\s+/g, ' ').trim();
    if (text) return truncate(text);
  }
  return record.id;
}

function truncate(text: string): string {
  if (text.length <= MAX_TITLE_CHARS) return text;
  // Cut at a word boundary where there is one nearby, so English does not end mid-word.
  const cut = text.slice(0, MAX_TITLE_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${space > MAX_TITLE_CHARS * 0.6 ? cut.slice(0, space) : cut}…`;
}
