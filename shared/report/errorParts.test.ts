import { describe, expect, it } from 'vitest';
import { errorParts, formatError } from './types.ts';

describe('errorParts', () => {
  it('takes the place off a message that opens with it', () => {
    const error = { source: { file: 'a.jsonl', line: 8 }, message: 'a.jsonl:8: invalid JSON (Unexpected token)' };
    expect(errorParts(error)).toEqual({ where: 'a.jsonl:8', reason: 'invalid JSON (Unexpected token)' });
    expect(formatError(error)).toBe('a.jsonl:8: invalid JSON (Unexpected token)');
  });

  it('takes a file-only prefix off a message about a line too', () => {
    expect(errorParts({ source: { file: 'b.tsv', line: 3 }, message: 'b.tsv: no English column' })).toEqual({ where: 'b.tsv:3', reason: 'no English column' });
  });

  it('keeps a message that does not name its place and writes the place before it', () => {
    const error = { source: 'c.tmx', message: 'Permission denied' };
    expect(formatError(error)).toBe('c.tmx: Permission denied');
  });

  it('does not cut a message that merely starts with the same letters as the file', () => {
    expect(errorParts({ source: { file: 'x' }, message: 'xml is not well formed' }).reason).toBe('xml is not well formed');
  });
});
