import { describe, expect, it } from 'vitest';
import { exportTmx, tmxDate } from './tmx.ts';
import { fixtureEntry, fixtureExport } from './testFixture.ts';
import { findAll, parseXml } from './xmlTree.testing.ts';

describe('exportTmx', () => {
  const doc = parseXml(exportTmx(fixtureExport()));

  it('writes a TMX 1.4 header', () => {
    expect(doc.name).toBe('tmx');
    expect(doc.attributes.version).toBe('1.4');
    const header = findAll(doc, 'header')[0]!;
    expect(header.attributes).toMatchObject({ srclang: 'en', segtype: 'sentence', datatype: 'plaintext', creationdate: '20261128T234500Z', creationid: 'Li Wei' });
    for (const required of ['creationtool', 'creationtoolversion', 'o-tmf', 'adminlang']) expect(header.attributes[required]).toBeTruthy();
  });

  it('writes a unit per two-sided link and skips omissions', () => {
    const units = findAll(doc, 'tu');
    // two records × (two 1-1 links; the 1-0 omission link is skipped)
    expect(units.map((u) => u.attributes.tuid)).toEqual(['1-1', '1-2', '2-1', '2-2']);
    const tuvs = findAll(units[1]!, 'tuv');
    expect(tuvs.map((t) => [t.attributes['xml:lang'], findAll(t, 'seg')[0]!.text])).toEqual([
      ['en', 'A review of MDMA-assisted therapy for PTSD is provided.'],
      ['zh-CN', '本文对摇头丸辅助治疗创伤后应激障碍进行了综述。'],
    ]);
    expect(findAll(units[0]!, 'prop').map((p) => [p.attributes.type, p.text])).toEqual([
      ['x-record-id', '10.1000/mdma.2026.1'],
      ['x-review-status', 'reviewed'],
      ['x-link-confidence', '0.93'],
    ]);
  });

  it('escapes record text', () => {
    const entry = fixtureEntry({ zh: ['A&B <i>斜体</i>\r\n换行。', '二。'] });
    const parsed = parseXml(exportTmx({ ...fixtureExport(), records: [entry] }));
    expect(findAll(findAll(parsed, 'tuv')[1]!, 'seg')[0]!.text).toBe('A&B <i>斜体</i>\r\n换行。');
  });

  it('formats TMX dates', () => {
    expect(tmxDate('2026-11-28T23:45:07.123Z')).toBe('20261128T234507Z');
    expect(tmxDate('not a date')).toBe('');
  });
});
