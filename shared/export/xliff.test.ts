import { describe, expect, it } from 'vitest';
import { exportXliff, XLIFF_NAMESPACE } from './xliff.ts';
import { fixtureEntry, fixtureExport } from './testFixture.ts';
import { findAll, parseXml } from './xmlTree.testing.ts';

describe('exportXliff', () => {
  const doc = parseXml(exportXliff(fixtureExport()));

  it('is a well-formed XLIFF 2.1 document, en → zh-CN', () => {
    expect(doc.name).toBe('xliff');
    expect(doc.uri).toBe(XLIFF_NAMESPACE);
    expect(doc.attributes).toMatchObject({ version: '2.1', srcLang: 'en', trgLang: 'zh-CN' });
    expect(findAll(doc, 'file').map((f) => [f.attributes.id, f.attributes.original])).toEqual([
      ['f1', '10.1000/mdma.2026.1'],
      ['f2', '10.1000/clean.2'],
    ]);
  });

  it('writes one unit per link with source, target and state', () => {
    const units = findAll(findAll(doc, 'file')[0]!, 'unit');
    expect(units).toHaveLength(3);
    const segments = units.map((u) => findAll(u, 'segment')[0]!);
    expect(segments.map((s) => s.attributes.state)).toEqual(['reviewed', 'reviewed', 'initial']);
    expect(findAll(units[0]!, 'target')[0]!.text).toBe('摇头丸是一种具有亲社会作用的非经典迷幻药。');
    expect(findAll(units[2]!, 'target')).toHaveLength(0);
    // notes come before the segment, as the schema requires
    expect(units[0]!.children.map((c) => c.name)).toEqual(['notes', 'segment']);
  });

  it('carries annotations and flags as notes, file-level ones at file level', () => {
    const file = findAll(doc, 'file')[0]!;
    const unitNotes = findAll(findAll(file, 'unit')[0]!, 'note');
    expect(unitNotes.map((n) => n.attributes.category)).toEqual(['mqm:Terminology/Inappropriate for context', 'flag:term-inconsistency']);
    expect(unitNotes[0]!.text).toBe(
      'Major Terminology/Inappropriate for context on “摇头丸”: Street name "ecstasy"; a clinical text says MDMA, with "quotes", and, commas Correction: MDMA是一种具有亲社会作用的非经典迷幻药。',
    );
    expect(unitNotes[0]!.attributes).toMatchObject({ priority: '3', appliesTo: 'target' });
    expect(unitNotes[1]!.text).toMatch(/^Flag term-inconsistency \(major\), confirmed: /);
    const omission = findAll(findAll(file, 'unit')[2]!, 'note');
    expect(omission.map((n) => [n.attributes.category, n.attributes.appliesTo])).toEqual([
      ['mqm:Accuracy/Omission', 'source'],
      ['flag:omission', undefined],
    ]);
    expect(file.children[0]!.name).toBe('notes');
    expect(findAll(file.children[0]!, 'note')[0]!.text).toMatch(/^reviewed \(reviewer Li Wei/);
  });

  it('escapes markup and control characters in record text', () => {
    const entry = fixtureEntry({ en: ['a < b & "c"\u0007 d.', 'Two.', 'Three.'], zh: ['<script>alert(1)</script>。', '二。'] });
    const parsed = parseXml(exportXliff({ ...fixtureExport(), records: [entry] }));
    expect(findAll(parsed, 'source')[0]!.text).toBe('a < b & "c"\uFFFD d.');
    expect(findAll(parsed, 'target')[0]!.text).toBe('<script>alert(1)</script>。');
    expect(findAll(parsed, 'script')).toHaveLength(0);
  });

  it('keeps a record without sentences valid with an empty unit', () => {
    const entry = { ...fixtureEntry(), links: [], annotations: [] };
    const parsed = parseXml(exportXliff({ ...fixtureExport(), records: [entry] }));
    expect(findAll(parsed, 'unit')).toHaveLength(1);
    expect(findAll(parsed, 'segment')[0]!.attributes.state).toBe('initial');
  });
});
