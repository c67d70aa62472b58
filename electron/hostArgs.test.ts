import { describe, expect, it } from 'vitest';
import { parseHostArgs } from './hostArgs.ts';

describe('parseHostArgs', () => {
  it('resolves paths against the folder the command was typed in', () => {
    expect(parseHostArgs(['a.jsonl', '/abs/dir'], '/home/me')).toEqual({ paths: ['/home/me/a.jsonl', '/abs/dir'], port: 0, userDataDir: undefined, force: false });
  });

  it('reads --port and --user-data in both spellings, and -- ends the options', () => {
    expect(parseHostArgs(['--port', '5178', '--user-data=data', '--', '--odd.tsv'], '/w')).toEqual({ paths: ['/w/--odd.tsv'], port: 5178, userDataDir: '/w/data', force: false });
    expect(parseHostArgs(['--port=0', '--force-build'], '/w')).toMatchObject({ port: 0, force: true });
  });

  it.each([[['--port', 'x']], [['--port', '70000']], [['--port']], [['--user-data']], [['--verbose']]])('refuses %j', (argv) => {
    expect(() => parseHostArgs(argv, '/w')).toThrow();
  });
});
