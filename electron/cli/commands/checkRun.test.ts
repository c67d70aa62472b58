import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFixture } from '../../../bench/corpus/corpusFixture.ts';
import { defaultLexicon } from '../../../shared/lexicon/defaultLexicon.ts';
import { parseRecords } from '../../../shared/records/parse.ts';
import { toCsv } from '../../../shared/report/csv.ts';
import { summarize } from '../../../shared/report/summarize.ts';
import { analyzeRecord } from '../../../shared/review/analyzeRecord.ts';
import { findCorpusTermInconsistencies } from '../../../shared/terms/termInconsistency.ts';
import { recordJson, sourceText } from '../../batch/checkRecordJson.ts';
import { recordTasks, type RecordTask } from '../../batch/recordTasks.ts';
import { csvOutput, jsonOutput, type CheckOutput } from './checkOutput.ts';
import { runCheck, type CheckRunOptions } from './checkRun.ts';

// 34 corpus records and a broken line. Records 102 and 138 render COVID-19 two ways, 211 and 230
// NSCLC, so the corpus-wide term check has findings (a test below makes sure it still does).
const picked = [...Array.from({ length: 30 }, (_, i) => i), 102, 138, 211, 230];
const { dir, file, lines } = corpusFixture('check-run-', 'corpus.jsonl', picked, { 7: 'not json' });
const spillDir = join(dir, 'spill');
mkdirSync(spillDir);
// A smaller file for the tests about the run's mechanics rather than its output.
const small = join(dir, 'small.jsonl');
writeFileSync(small, `${lines.slice(0, 20).join('\n')}\n`);

/** What `check` printed when it held every result: analyse all, corpus pass over aligned records, then build. */
function wholeResult() {
  const lexicon = defaultLexicon();
  const parsed = parseRecords(lines.join('\n'), { file, format: 'jsonl' });
  const analysed = parsed.records.map((record) => ({ record, analysis: analyzeRecord(record, { lexicon, glossary: [] }) }));
  const corpus = findCorpusTermInconsistencies(
    analysed.filter((a) => a.record.zh).map((a) => ({
      id: a.record.id,
      aligned: { en: a.analysis.en, zh: a.analysis.zh, links: a.analysis.links, enAbstract: a.record.en.abstract, zhAbstract: a.record.zh?.abstract ?? '' },
    })),
    lexicon,
  );
  const records = analysed.map(({ record, analysis }) =>
    recordJson(record, analysis, [...analysis.findings, ...corpus.filter((c) => c.recordId === record.id).map((c) => c.finding)]));
  return { records, errors: parsed.errors.map((e) => ({ source: sourceText(e.source), message: e.message })), corpusFindings: corpus.length };
}

async function printed(output: CheckOutput, options: Partial<CheckRunOptions> = {}) {
  let text = '';
  const state = await runCheck({ files: [file], workers: 0, spillDir, output, write: (t) => void (text += t), ...options });
  return { text, state };
}

describe('runCheck (streamed)', () => {
  const expected = wholeResult();

  it('prints the same --json document and CSV as building them from the whole result', async () => {
    expect(expected.corpusFindings, 'the fixture no longer has corpus-wide term findings').toBeGreaterThan(0);
    const json = await printed(jsonOutput());
    expect(json.text).toBe(`${JSON.stringify({ records: expected.records, errors: expected.errors }, null, 2)}\n`);
    expect((await printed(csvOutput())).text).toBe(toCsv({ records: expected.records }));
    // The summary the table and HTML report are drawn from, worst records included.
    expect(json.state.summary).toEqual(summarize({ records: expected.records, errors: expected.errors }));
  });

  it('keeps only the N worst records and compact term summaries, and removes its temporary file', async () => {
    const { state } = await printed(jsonOutput(), { worst: 3 });
    expect(state.summary.records).toBe(34);
    expect(state.summary.worst).toHaveLength(3);
    expect(state.summary.worst.map((w) => w.id)).toEqual(summarize({ records: expected.records, errors: [] }, { worst: 3 }).worst.map((w) => w.id));
    // Terms recur across records: far fewer distinct strings than term uses.
    expect(state.termUses).toBeGreaterThan(0);
    expect(state.termStrings).toBeLessThan(state.termUses * 2);
    expect(readdirSync(spillDir)).toEqual([]);
  });

  it('reads tasks only as fast as the workers check them (bounded tasks in flight)', async () => {
    let pulled = 0;
    let checked = 0;
    let worstGap = 0;
    async function* counted(): AsyncGenerator<RecordTask> {
      for await (const task of recordTasks([small], { linesPerTask: 5 })) {
        pulled++;
        worstGap = Math.max(worstGap, pulled - checked);
        yield task;
      }
    }
    // A slow consumer: the spill's writer stands in for a slow disk or pipe.
    const { state } = await printed(csvOutput(), {
      files: counted(),
      workers: 2,
      onChecked: () => {
        checked++;
      },
    });
    expect(state.summary.records).toBe(19);
    expect(pulled).toBe(4);
    // checkBatches' default: 4 tasks per worker taken and not yet consumed.
    expect(worstGap).toBeLessThanOrEqual(8);
  });

  it('cleans up its temporary file when the input fails', async () => {
    async function* failing(): AsyncGenerator<RecordTask> {
      yield* recordTasks([small], { linesPerTask: 20 });
      throw new Error('disk gone');
    }
    await expect(printed(csvOutput(), { files: failing() })).rejects.toThrow('disk gone');
    expect(readdirSync(spillDir)).toEqual([]);
    expect(existsSync(spillDir)).toBe(true);
  });
});
