import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../shared/contract/annotations.ts';
import { toCheckGlossary } from '../../shared/contract/glossaryEntries.ts';
import { handleRequest, type Handlers } from '../../shared/contract/validate.ts';
import { parseGlossaryTsv } from '../../shared/terms/glossary.ts';
import { analyzeRecord } from '../../shared/review/analyzeRecord.ts';
import { createAppServices, createHandlers, type AppServices } from '../appServices.ts';

const samplePath = fileURLToPath(new URL('../../samples/mdma-ptsd-military.page.txt', import.meta.url));

let folder: string;
let services: AppServices;
let handlers: Handlers;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'glossary-service-'));
  services = createAppServices({ userDataDir: folder, samplePaths: [samplePath] });
  handlers = createHandlers(services);
});
afterEach(() => {
  services.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Calls a channel as both hosts do (schema validation included) and unwraps the result. */
async function call(channel: string, request: unknown): Promise<unknown> {
  const result = await handleRequest(channel, request, handlers);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

async function refusal(channel: string, request: unknown): Promise<string> {
  const result = await handleRequest(channel, request, handlers);
  if (result.ok) throw new Error(`${channel} accepted ${JSON.stringify(request)}`);
  return result.error;
}

const list = async () => (await call('glossary:list', {})) as GlossaryEntry[];
const mdma = { term: 'MDMA', preferred: 'MDMA', forbidden: ['摇头丸'], note: 'street name is not acceptable' };

describe('glossary service (real SQLite file)', () => {
  it('saves, lists, edits and deletes entries, and they survive reopening the database', async () => {
    const saved = (await call('glossary:save', { entry: mdma })) as GlossaryEntry;
    expect(saved).toMatchObject(mdma);
    await call('glossary:save', { entry: { term: 'placebo', preferred: '安慰剂', forbidden: [], note: '' } });
    expect((await list()).map((e) => e.term)).toEqual(['MDMA', 'placebo']);

    // The same term in another case is the same entry, and the new spelling wins.
    await call('glossary:save', { entry: { ...mdma, term: 'mdma', preferred: 'MDMA | 亚甲二氧基甲基苯丙胺' } });
    expect((await list()).map((e) => [e.term, e.preferred])).toEqual([['mdma', 'MDMA | 亚甲二氧基甲基苯丙胺'], ['placebo', '安慰剂']]);

    expect(await call('glossary:delete', { term: 'PLACEBO' })).toEqual({ term: 'PLACEBO', deleted: true });
    expect(await call('glossary:delete', { term: 'placebo' })).toEqual({ term: 'placebo', deleted: false });

    services.close();
    services = createAppServices({ userDataDir: folder, samplePaths: [] });
    handlers = createHandlers(services);
    expect((await list()).map((e) => e.term)).toEqual(['mdma']);
  });

  it('renames with previousTerm, but never onto another entry or from a missing one', async () => {
    await call('glossary:save', { entry: mdma });
    await call('glossary:save', { entry: { term: 'placebo', preferred: '安慰剂', forbidden: [], note: '' } });
    await call('glossary:save', { entry: { ...mdma, term: 'ecstasy' }, previousTerm: 'MDMA' });
    expect((await list()).map((e) => e.term)).toEqual(['ecstasy', 'placebo']);
    expect(await refusal('glossary:save', { entry: { ...mdma, term: 'placebo' }, previousTerm: 'ecstasy' })).toMatch(/already has an entry for "placebo"/);
    expect(await refusal('glossary:save', { entry: mdma, previousTerm: 'nothing' })).toMatch(/No glossary entry for "nothing"/);
    expect((await list()).map((e) => e.term)).toEqual(['ecstasy', 'placebo']);
  });

  it.each([
    ['an empty term', { ...mdma, term: '   ' }],
    ['a term over 200 characters', { ...mdma, term: 'x'.repeat(201) }],
    ['a tab in a term', { ...mdma, term: 'MD\tMA' }],
    ['no rendering at all', { ...mdma, preferred: ' | ', forbidden: [] }],
    ['an empty forbidden rendering', { ...mdma, forbidden: [''] }],
    ['a note over 2000 characters', { ...mdma, note: 'n'.repeat(2001) }],
    ['an unknown field', { ...mdma, source: 'x' }],
  ])('refuses %s', async (_name, entry) => {
    expect(await refusal('glossary:save', { entry })).toMatch(/^Invalid request for glossary:save/);
    expect(await list()).toEqual([]);
  });

  it('imports TSV: counts added and updated terms, names bad lines, keeps the good ones', async () => {
    await call('glossary:save', { entry: { term: 'placebo', preferred: '对照', forbidden: [], note: '' } });
    const tsv = [
      'english\tpreferred\tforbidden\tnote',
      'MDMA\tMDMA\t摇头丸|迷魂药\tstreet names',
      '\t空的\t\t',
      'placebo\t安慰剂\t\t',
      `${'y'.repeat(300)}\t长\t\t`,
      'randomized controlled trial\t随机对照试验\t\t',
      'orphan\t\t\tneither rendering',
    ].join('\n');
    const result = (await call('glossary:importTsv', { text: tsv })) as { added: number; updated: number; errors: { line: number; message: string }[] };
    expect(result.added).toBe(2);
    expect(result.updated).toBe(1);
    expect(result.errors.map((e) => e.line)).toEqual([3, 5, 7]);
    expect(result.errors[1]!.message).toMatch(/term/);
    const stored = await list();
    expect(stored.map((e) => e.term)).toEqual(['MDMA', 'placebo', 'randomized controlled trial']);
    expect(stored[0]).toMatchObject({ preferred: 'MDMA', forbidden: ['摇头丸', '迷魂药'], note: 'street names' });
    expect(stored[1]!.preferred).toBe('安慰剂');
  });

  it('exports TSV that imports back to the same glossary and that the check reads', async () => {
    await call('glossary:save', { entry: { ...mdma, preferred: 'MDMA|亚甲二氧基甲基苯丙胺' } });
    await call('glossary:save', { entry: { term: 'placebo', preferred: '安慰剂', forbidden: [], note: '' } });
    const exported = (await call('glossary:exportTsv', {})) as { text: string; fileName: string; entries: number };
    expect(exported.fileName).toBe('glossary.tsv');
    expect(exported.entries).toBe(2);
    expect(exported.text).toBe(
      'english\tpreferred\tforbidden\tnote\nMDMA\tMDMA|亚甲二氧基甲基苯丙胺\t摇头丸\tstreet name is not acceptable\nplacebo\t安慰剂\t\t\n',
    );
    expect(parseGlossaryTsv(exported.text)).toEqual({ entries: toCheckGlossary(await list()), errors: [] });

    const before = await list();
    await call('glossary:delete', { term: 'MDMA' });
    await call('glossary:delete', { term: 'placebo' });
    expect(await call('glossary:importTsv', { text: exported.text })).toEqual({ added: 2, updated: 0, errors: [] });
    expect((await list()).map(({ updated: _u, ...rest }) => rest)).toEqual(before.map(({ updated: _u, ...rest }) => rest));
  });

  it('the stored glossary flags the sample record’s 摇头丸 as kind glossary, and only while the entry is there', async () => {
    const { records } = await services.library.openPaths([samplePath], undefined, { remember: false });
    const record = services.library.get(records[0]!.id)!;
    const glossaryFlags = () => analyzeRecord(record, { glossary: toCheckGlossary(services.store.listGlossary()) }).findings.filter((f) => f.kind === 'glossary');
    expect(glossaryFlags()).toEqual([]);
    await call('glossary:save', { entry: mdma });
    const flags = glossaryFlags();
    // 摇头丸 is forbidden (major); a pair rendering MDMA only as 亚甲二氧基甲基苯丙胺 misses the preferred one (minor).
    expect(flags.filter((f) => f.severity === 'major' && f.message.en.includes('摇头丸')).length).toBeGreaterThan(0);
    expect(flags.every((f) => (f.severity === 'major') === f.message.en.includes('摇头丸'))).toBe(true);
    await call('glossary:delete', { term: 'MDMA' });
    expect(glossaryFlags()).toEqual([]);
  });
});
