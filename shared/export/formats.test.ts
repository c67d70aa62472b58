import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, EXPORT_FORMAT_INFO, isExportFormat, serialiseExport } from './formats.ts';
import { fixtureExport } from './testFixture.ts';

describe('export formats', () => {
  it.each(EXPORT_FORMATS)('%s serialises the fixture with its record text', (format) => {
    const text = serialiseExport(format, fixtureExport());
    expect(text).toContain('本文对摇头丸辅助治疗创伤后应激障碍进行了综述。');
    expect(EXPORT_FORMAT_INFO[format].extension).toMatch(/^[a-z]+$/);
  });

  it('validates format names', () => {
    expect(isExportFormat('xliff')).toBe(true);
    expect(isExportFormat('docx')).toBe(false);
  });
});
