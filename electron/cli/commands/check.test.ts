import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusLines } from '../../../bench/corpus/buildCorpus.ts';
import { checkCommand, runCheckCommand } from './check.ts';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await checkCommand.run(args, { stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
  return { code, out, err };
}

describe('check command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'check-'));
  copyFileSync(new URL('../../../../shared/records/mdma-ptsd-military.page.txt', import.meta.url), join(dir, 'example.page.txt'));
  writeFileSync(join(dir, 'broken.json'), '{"title": ');

  it('prints one JSON document with records, flags and errors', async () => {
    const { code, out } = await run([dir, '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(out) as { records: { id: string; sentences: { en: unknown[] }; alignment: unknown[]; flags: { kind: string; message: unknown; evidence: unknown[] }[] }[]; errors: { source: string; message: string }[] };
    expect(doc.records).toHaveLength(1);
    const record = doc.records[0]!;
    expect(record.sentences.en).toHaveLength(12);
    expect(record.flags.filter((f) => f.kind === 'section-missing')).toHaveLength(2);
    expect(record.flags.every((f) => typeof f.message === 'string' && Array.isArray(f.evidence))).toBe(true);
    expect(doc.errors).toHaveLength(1);
    expect(doc.errors[0]!.source.startsWith(join(dir, 'broken.json'))).toBe(true);
  });

  it('prints a readable summary without --json', async () => {
    const { out } = await run([dir]);
    expect(out).toContain('section-missing');
    expect(out).toMatch(/1 record\(s\), \d+ flag\(s\), 1 error\(s\)/);
  });

  it('reports a missing path as an error entry and asks for a path when none is given', async () => {
    const { out } = await run([join(dir, 'nope.txt'), '--json']);
    expect(JSON.parse(out).errors).toHaveLength(1);
    expect((await run([])).code).toBe(2);
  });

  it('exits 2 when no path names a file to check, and 0 when one does beside a missing one', async () => {
    const none = await run([join(dir, 'nope.txt'), join(dir, 'nothing-*.jsonl')]);
    expect(none.code).toBe(2);
    expect(none.out).toMatch(/0 record\(s\), 0 flag\(s\), 2 error\(s\)/);
    const some = await run([join(dir, 'nope.txt'), join(dir, 'example.page.txt'), '--json']);
    expect(some.code).toBe(0);
    expect(JSON.parse(some.out).errors).toHaveLength(1);
  });
});

describe('check inputs and progress', () => {
  const root = mkdtempSync(join(tmpdir(), 'check-inputs-'));
  const lines = [...corpusLines({ records: 6 })];
  mkdirSync(join(root, 'a', 'b'), { recursive: true });
  writeFileSync(join(root, 'top.jsonl'), `${lines.slice(0, 2).join('\n')}\n`);
  writeFileSync(join(root, 'a', 'mid.jsonl'), `${lines.slice(2, 4).join('\n')}\n`);
  writeFileSync(join(root, 'a', 'b', 'deep.jsonl'), `${lines.slice(4).join('\n')}\n`);
  writeFileSync(join(root, 'a', 'notes.md'), '# not records');
  const ids = (out: string) => (JSON.parse(out) as { records: { id: string; source: string }[] }).records.map((r) => r.source.replace(/:\d+$/, '').slice(root.length + 1));

  it('expands a quoted glob itself, ** included', async () => {
    const { out } = await run([join(root, '**/*.jsonl'), '--json', '--jobs', '0']);
    expect(ids(out)).toEqual(['a/b/deep.jsonl', 'a/b/deep.jsonl', 'a/mid.jsonl', 'a/mid.jsonl', 'top.jsonl', 'top.jsonl']);
  });

  it('walks a folder recursively, record files only', async () => {
    const { out } = await run([join(root, 'a'), '--json', '--jobs', '0']);
    expect(ids(out)).toEqual(['a/b/deep.jsonl', 'a/b/deep.jsonl', 'a/mid.jsonl', 'a/mid.jsonl']);
  });

  it('draws progress only when the stream is a terminal', async () => {
    const io = { stdout: () => undefined, stderr: () => undefined };
    const piped: string[] = [];
    await runCheckCommand([root, '--jobs', '0'], io, { progressStream: { isTTY: false, write: (t: string) => piped.push(t) } });
    expect(piped).toEqual([]);
    const terminal: string[] = [];
    await runCheckCommand([root, '--jobs', '0'], io, { progressStream: { isTTY: true, columns: 80, write: (t: string) => terminal.push(t) } });
    expect(terminal.join('')).toContain('checking');
    expect(terminal.at(-1)).toBe('\r\x1b[K');
  });
});
