import { describe, expect, it } from 'vitest';
import { exportJson, JSON_EXPORT_FORMAT } from './json.ts';
import { fixtureExport } from './testFixture.ts';

describe('exportJson', () => {
  const parsed = JSON.parse(exportJson(fixtureExport()));

  it('carries the format, reviewer and every record', () => {
    expect(parsed.format).toBe(JSON_EXPORT_FORMAT);
    expect(parsed.reviewer).toBe('Li Wei');
    expect(parsed.records.map((r: { record: { id: string } }) => r.record.id)).toEqual(['10.1000/mdma.2026.1', '10.1000/clean.2']);
  });

  it('keeps live annotations only, and findings with their keys and decisions', () => {
    const first = parsed.records[0];
    expect(first.annotations.map((a: { id: string }) => a.id)).toEqual(['a1', 'a2', 'a3']);
    expect(first.findings.map((f: { decision: string | null }) => f.decision)).toEqual(['confirmed', 'dismissed', null]);
    expect(first.findings[0].key).toBe(first.decisions[0].flagKey);
    expect(first.links).toHaveLength(3);
    expect(first.sentences.zh[1].text).toBe('本文对摇头丸辅助治疗创伤后应激障碍进行了综述。');
  });

  it('includes the MQM score with its formula', () => {
    // a1 major 5 + a2 minor 1 + a3 critical 25 (a4 is deleted)
    expect(parsed.records[0].mqm.penalty).toBe(31);
    expect(parsed.records[0].mqm.formula).toMatch(/^1×1 minor \+ 5×1 major \+ 25×1 critical = 31; per source word: 31 \/ \d+ = /);
    expect(parsed.records[1].mqm.penalty).toBe(0);
  });
});
