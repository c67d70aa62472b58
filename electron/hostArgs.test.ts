import { describe, expect, it } from 'vitest';
import { parseHostArgs } from './hostArgs.ts';

describe('parseHostArgs', () => {
  it('resolves paths against the folder the command was typed in', () => {
    expect(parseHostArgs(['a.jsonl', '/abs/dir'], '/home/me')).toEqual({ paths: ['/home/me/a.jsonl', '/abs/dir'], port: 0, userDataDir: undefined, force: false, maxFileMb: undefined });
  });

  it('reads --port and --user-data in both spellings, and -- ends the options', () => {
    expect(parseHostArgs(['--port', '5178', '--user-data=data', '--', '--odd.tsv'], '/w')).toEqual({ paths: ['/w/--odd.tsv'], port: 5178, userDataDir: '/w/data', force: false, maxFileMb: undefined });
    expect(parseHostArgs(['--max-file-mb', '12', 'x.tsv'], '/w')).toMatchObject({ maxFileMb: 12, paths: ['/w/x.tsv'] });
    expect(parseHostArgs(['--max-file-mb=1'], '/w')).toMatchObject({ maxFileMb: 1 });
    expect(parseHostArgs(['--port=0', '--force-build'], '/w')).toMatchObject({ port: 0, force: true });
  });

  it.each([[['--port', 'x']], [['--port', '70000']], [['--port']], [['--user-data']], [['--verbose']], [['--max-file-mb', '0']], [['--max-file-mb', '1.5']], [['--max-file-mb', 'big']], [['--max-file-mb']]])('refuses %j', (argv) => {
    expect(() => parseHostArgs(argv, '/w')).toThrow();
  });
});
