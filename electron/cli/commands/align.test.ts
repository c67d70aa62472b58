import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { alignCommand, formatLink, splitLines } from './align.ts';
import { runCli } from '../run.ts';
import { commands } from '../registry.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) }, out, err };
}

function files(en: string[], zh: string[]): { en: string; zh: string } {
  const dir = mkdtempSync(join(tmpdir(), 'align-cli-'));
  writeFileSync(join(dir, 'en.txt'), `${en.join('\n')}\n`);
  writeFileSync(join(dir, 'zh.txt'), `${zh.join('\n')}\n`);
  return { en: join(dir, 'en.txt'), zh: join(dir, 'zh.txt') };
}

describe('align command', () => {
  it('formats links with English ids first, 1-based, and "omitted" for an empty side', () => {
    expect(formatLink({ en: [3, 4], zh: [3], confidence: 0.9 })).toBe('4,5 <=> 4');
    expect(formatLink({ en: [], zh: [8], confidence: 0.9 })).toBe('omitted <=> 9');
    expect(formatLink({ en: [0], zh: [], confidence: 0.9 })).toBe('1 <=> omitted');
  });

  it('reads one sentence per line without re-splitting', () => {
    expect(splitLines('One. Two.\n三。\n')).toEqual(['One. Two.', '三。']);
    expect(splitLines('\uFEFFa\r\nb')).toEqual(['a', 'b']);
  });

  it('prints one line per link', async () => {
    const paths = files(
      ['MDMA is a psychedelic with pro-social properties.', 'We enrolled 8,400 children. They were aged 2 to 19 years.'],
      ['MDMA 是一种具有促进社交特性的迷幻剂。', '我们纳入了8,400名儿童。', '他们的年龄为2～19岁。'],
    );
    const { io, out } = capture();
    expect(await alignCommand.run(['--en', paths.en, '--zh', paths.zh], io)).toBe(0);
    expect(out.join('')).toBe('1 <=> 1\n2 <=> 2,3\n');
  });

  it('rejects missing arguments with usage and exit code 2', async () => {
    const { io, err } = capture();
    expect(await runCli(['align', '--en', 'x.txt'], commands, io)).toBe(2);
    expect(err.join('')).toContain('Usage:');
  });

  it('reports an unreadable file as an error, not a crash', async () => {
    const { io, err } = capture();
    expect(await runCli(['align', '--en', '/nonexistent/en.txt', '--zh', '/nonexistent/zh.txt'], commands, io)).toBe(1);
    expect(err.join('')).toMatch(/^align: /);
  });

  it('runs through npm run cli', () => {
    const paths = files(['One sentence.', 'Another sentence here.'], ['一句话。', '这里是另一句话。']);
    const node = join(process.cwd(), 'node_modules', '.bin', 'node');
    const output = execFileSync(node, ['electron/cli/main.ts', 'align', '--en', paths.en, '--zh', paths.zh], { encoding: 'utf8' });
    expect(output).toBe('1 <=> 1\n2 <=> 2\n');
  });
});
