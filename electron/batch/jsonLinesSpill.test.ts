import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JsonLinesSpill } from './jsonLinesSpill.ts';

const parent = mkdtempSync(join(tmpdir(), 'spill-test-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('JsonLinesSpill', () => {
  it('gives back every value in order, newlines and non-ASCII text included, then deletes its file', async () => {
    const spill = await JsonLinesSpill.create<{ n: number; text: string }>(parent);
    // Record 2500 is longer than a read chunk (64 KB), so it spans several.
    const values = Array.from({ length: 5000 }, (_, n) => ({ n, text: `行 ${n}\n"line"\r\n\u2028${'x'.repeat(n === 2500 ? 150_000 : n % 700)}` }));
    for (const value of values) await spill.write(value);
    expect(spill.count).toBe(5000);
    const back = [];
    for await (const value of spill.read()) back.push(value);
    expect(back).toEqual(values);
    expect(readdirSync(parent)).toHaveLength(1);
    await spill.dispose();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('takes values already serialised as JSON Lines, as text or UTF-8 bytes, in order with values written one by one', async () => {
    const spill = await JsonLinesSpill.create<{ n: number }>(parent);
    await spill.write({ n: 0 });
    await spill.writeLines('{"n":1}\n{"n":2}\n', 2);
    await spill.writeLines('', 0);
    await spill.write({ n: 3 });
    await spill.writeLines(new TextEncoder().encode('{"n":4,"t":"行"}\n'), 1);
    await spill.writeLines(new Uint8Array(0), 0);
    expect(spill.count).toBe(5);
    const back = [];
    for await (const value of spill.read()) back.push(value);
    expect(back).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }, { n: 3 }, { n: 4, t: '行' }]);
    await spill.dispose();
  });

  it('reads back nothing when nothing was written, and can be disposed unread', async () => {
    const empty = await JsonLinesSpill.create<number>(parent);
    const back = [];
    for await (const value of empty.read()) back.push(value);
    expect(back).toEqual([]);
    await empty.dispose();
    const unread = await JsonLinesSpill.create<number>(parent);
    await unread.write(1);
    await unread.dispose();
    expect(existsSync(parent) && readdirSync(parent)).toEqual([]);
  });
});
