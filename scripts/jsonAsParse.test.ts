import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonAsParse } from './jsonAsParse.ts';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'json-as-parse-'));
  mkdirSync(join(folder, 'data'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

type Loaded = { code: string; moduleType: string } | null;
const load = (id: string) => (jsonAsParse(/data[\\/][^\\/]+\.json$/).load as (id: string) => Promise<Loaded>)(id);

describe('jsonAsParse', () => {
  it('turns a matching JSON file into a module whose default export is the same value', async () => {
    const value = { "a'ak": '雅乐', quote: 'say "hi"\n', slash: 'a\\b', line: '\u2028', n: 1 };
    const path = join(folder, 'data', 'lexicon.json');
    writeFileSync(path, JSON.stringify(value));
    const loaded = await load(`${path}?import`);
    expect(loaded!.moduleType).toBe('js');
    expect(loaded!.code).toMatch(/^export default JSON\.parse\(/);
    const module = (await import(`data:text/javascript,${encodeURIComponent(loaded!.code)}`)) as { default: unknown };
    expect(module.default).toEqual(value);
  });

  it('leaves other files to the other plugins, and fails the build on bad JSON, naming the file', async () => {
    expect(await load(join(folder, 'other.json'))).toBeNull();
    const path = join(folder, 'data', 'broken.json');
    writeFileSync(path, '{"a": ');
    await expect(load(path)).rejects.toThrow(`${path}: not valid JSON`);
  });
});

