/**
 * `align --en EN.txt --zh ZH.txt`: aligns pre-split sentences (one per line, never re-split) and
 * prints one link per line, English ids first, 1-based: `4,5 <=> 4`, `omitted <=> 9`.
 */
import { readFile } from 'node:fs/promises';
import type { CliCommand } from '../types.ts';
import { parseOptions } from '../run.ts';
import { alignSentences } from '../../../shared/align/alignSentences.ts';
import type { AlignmentLink } from '../../../shared/align/types.ts';

const usage = `Usage: npm run --silent cli -- align --en EN.txt --zh ZH.txt [--confidence]

Aligns the sentences of two files, one sentence per line, and prints one link per line:
English line numbers first, 1-based, "omitted" for an empty side, e.g. "4,5 <=> 4".
  --confidence   append the link's confidence (0..1) after a tab
`;

/** Reads a one-sentence-per-line file; a final newline does not make an extra empty sentence. */
export function splitLines(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Formats one link the way the CLI prints it (1-based ids, English first). */
export function formatLink(link: AlignmentLink): string {
  const side = (ids: number[]) => (ids.length === 0 ? 'omitted' : ids.map((i) => i + 1).join(','));
  return `${side(link.en)} <=> ${side(link.zh)}`;
}

export const alignCommand: CliCommand = {
  name: 'align',
  summary: 'align pre-split English and Chinese sentences (one per line)',
  usage,
  async run(args, io) {
    const { options } = parseOptions(args);
    const enPath = options.get('en');
    const zhPath = options.get('zh');
    if (typeof enPath !== 'string' || typeof zhPath !== 'string') {
      io.stderr(usage);
      return 2;
    }
    const [enText, zhText] = await Promise.all([readFile(enPath, 'utf8'), readFile(zhPath, 'utf8')]);
    const links = alignSentences(splitLines(enText), splitLines(zhText));
    const withConfidence = options.get('confidence') === true;
    io.stdout(links.map((l) => (withConfidence ? `${formatLink(l)}\t${l.confidence.toFixed(3)}` : formatLink(l))).join('\n') + (links.length ? '\n' : ''));
    return 0;
  },
};
