import { createReadStream } from 'node:fs';
import { createJsonlParser } from '../../shared/records/json.ts';
import type { ReviewRecord } from '../../shared/records/model.ts';

/** What the page must show for a record to count as shown: its DOI and the start of each side's text. */
export interface ShownRecord {
  doi: string;
  english: string;
  chinese: string;
}

function shownText(record: ReviewRecord): ShownRecord {
  const english = (record.en.sections[0]?.text ?? record.en.abstract).trim();
  const chinese = (record.zh?.sections[0]?.text ?? record.zh?.abstract ?? '').trim();
  // Short prefixes: the review view cuts text into sentences and marks evidence inside them,
  // but the start of the first sentence stays one run of text.
  return { doi: record.metadata.doi ?? record.id, english: english.slice(0, 24), chinese: chinese.slice(0, 10) };
}

/**
 * The first record of the corpus and its last `tail` records (in file order, which is the list's
 * order), parsed with the app's own parser so the expected text is what the app will show.
 */
export async function readCorpusFacts(path: string, tail: number): Promise<{ count: number; first: ShownRecord; last: ShownRecord[] }> {
  let first: string | null = null;
  const lastLines: string[] = [];
  let count = 0;
  const take = (line: string): void => {
    if (line.trim() === '') return;
    count += 1;
    first ??= line;
    lastLines.push(line);
    if (lastLines.length > tail) lastLines.shift();
  };
  // Split on LF alone: readline would also break at a CR or U+2028 inside a JSON string.
  let pending = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8' }) as AsyncIterable<string>) {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) take(line);
  }
  take(pending);
  if (first === null) throw new Error(`${path} holds no records`);
  const parse = (line: string): ShownRecord => {
    const parser = createJsonlParser({ file: path, format: 'jsonl' });
    const record = parser.push(`${line}\n`).records[0] ?? parser.end().records[0];
    if (!record) throw new Error(`a corpus line does not parse: ${line.slice(0, 80)}`);
    return shownText(record);
  };
  return { count, first: parse(first), last: lastLines.map(parse) };
}
