/**
 * TMX 1.4 export of the aligned pairs, for translation memories.
 *
 * Only links with text on both sides become translation units: a 1-0 (omission) or 0-1
 * (addition) link is not a translation pair and would teach a memory that a sentence translates
 * to nothing. The target is the machine translation as reviewed (not corrected: a correction
 * belongs to an annotation and may cover part of a link only); each unit carries the record id,
 * its status and link confidence as `<prop>`s, so a memory can be filtered to reviewed records.
 */
import { linkSegments } from './segments.ts';
import type { ReviewExport } from './types.ts';
import { xmlAttrs, xmlText } from './xml.ts';

export interface TmxOptions {
  /** Version of this app for the header's `creationtoolversion`. */
  toolVersion?: string;
}

/** TMX date form: YYYYMMDDThhmmssZ, derived from an ISO 8601 time. */
export function tmxDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** Serialises the aligned pairs of every record as a TMX 1.4 document (source English, target zh-CN). */
export function exportTmx(data: ReviewExport, options: TmxOptions = {}): string {
  const date = tmxDate(data.exportedAt) || undefined;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
    '<tmx version="1.4">',
    `  <header${xmlAttrs({
      creationtool: 'abstract-mt-review',
      creationtoolversion: options.toolVersion ?? '0.1.0',
      segtype: 'sentence',
      'o-tmf': 'abstract-mt-review',
      adminlang: 'en',
      srclang: 'en',
      datatype: 'plaintext',
      creationdate: date,
      creationid: data.reviewer || undefined,
    })}/>`,
    '  <body>',
  ];
  data.records.forEach((entry, recordIndex) => {
    for (const segment of linkSegments(entry)) {
      if (segment.link.en.length === 0 || segment.link.zh.length === 0) continue;
      out.push(`    <tu${xmlAttrs({ tuid: `${recordIndex + 1}-${segment.index + 1}` })}>`);
      out.push(`      <prop type="x-record-id">${xmlText(entry.record.id)}</prop>`);
      out.push(`      <prop type="x-review-status">${xmlText(entry.status)}</prop>`);
      out.push(`      <prop type="x-link-confidence">${segment.link.confidence.toFixed(2)}</prop>`);
      out.push(`      <tuv xml:lang="en"><seg>${xmlText(segment.source)}</seg></tuv>`);
      out.push(`      <tuv xml:lang="zh-CN"><seg>${xmlText(segment.target)}</seg></tuv>`);
      out.push('    </tu>');
    }
  });
  out.push('  </body>', '</tmx>');
  return `${out.join('\n')}\n`;
}
