import { describe, expect, it } from 'vitest';
import { maxFileMbFromArgv, recordPathsFromArgv } from './commandLine.ts';
import { languageNames, menuLabels } from './menuLabels.ts';

describe('recordPathsFromArgv', () => {
  it.each([
    ['development: skips electron and the app path', ['/x/electron', 'dist/electron/main.cjs', 'a.jsonl', '/abs/b'], true, ['/work/a.jsonl', '/abs/b']],
    ['packaged: skips only the executable', ['/opt/app/review', 'records/'], false, ['/work/records']],
    ['drops Chromium and app switches', ['/x/electron', 'main.cjs', '--no-sandbox', '--inspect=9229', 'a.tsv'], true, ['/work/a.tsv']],
    ['takes everything after -- as a path', ['/x/electron', 'main.cjs', '--', '--odd.jsonl'], true, ['/work/--odd.jsonl']],
    ['ignores the switch Chromium appends for a second instance', ['/x/electron', 'main.cjs', '--', 'a.tsv', '--original-process-start-time=13371'], true, ['/work/a.tsv']],
    ['nothing given', ['/x/electron', 'main.cjs'], true, []],
  ])('%s', (_case, argv, defaultApp, expected) => {
    expect(recordPathsFromArgv(argv, { defaultApp, cwd: '/work' })).toEqual(expected);
  });
});

describe('maxFileMbFromArgv', () => {
  it.each([
    [['/x/electron', 'main.cjs', '--max-file-mb=64', '--', 'a.jsonl'], 64],
    [['/x/electron', 'main.cjs', 'a.jsonl'], undefined],
    [['/x/electron', 'main.cjs', '--max-file-mb=0'], undefined],
    [['/x/electron', 'main.cjs', '--max-file-mb=lots'], undefined],
    [['/x/electron', 'main.cjs', '--', '--max-file-mb=5'], undefined],
  ])('%j gives %j', (argv, expected) => {
    expect(maxFileMbFromArgv(argv)).toBe(expected);
  });
});

describe('menuLabels', () => {
  it('has every label in both languages, and they differ', () => {
    const en = menuLabels('en');
    const zh = menuLabels('zh-CN');
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zh[key], key).toBeTruthy();
      expect(zh[key], key).not.toBe(en[key]);
    }
    expect(languageNames['zh-CN']).toMatch(/中文/);
  });
});
