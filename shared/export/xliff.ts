/**
 * XLIFF 2.1 export: one `<file>` per record, one `<unit>` per alignment link, with the reviewer's
 * annotations and the automatic flags as `<notes>`.
 *
 * XLIFF 2.1 keeps the 2.0 namespace (`urn:oasis:names:tc:xliff:document:2.0`) and says 2.1 in the
 * `version` attribute. Ids must be NMTOKENs, and record ids (DOIs) contain "/", so files and units
 * get generated ids (`f1`, `u1`…) and the record id goes in `original`. Segment `state` is
 * `reviewed` for finished records, else `translated` (or `initial` with no target: an omission).
 * Flags that concern no link (a missing section label) are file-level notes, as is the status.
 */
import { isReviewDone } from '../annotations/model.ts';
import { annotationNote, flagNote, notePriority } from './notes.ts';
import { annotationsByLink, decidedFindings, linkOfFinding, linkSegments } from './segments.ts';
import type { ReviewExport } from './types.ts';
import { xmlAttrs, xmlText } from './xml.ts';

/** The XLIFF 2.x core namespace (unchanged in 2.1). */
export const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';

interface Note {
  category: string;
  priority?: number;
  appliesTo?: 'source' | 'target';
  text: string;
}

/** Serialises the export as an XLIFF 2.1 document, source English and target zh-CN. */
export function exportXliff(data: ReviewExport): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff${xmlAttrs({ xmlns: XLIFF_NAMESPACE, version: '2.1', srcLang: 'en', trgLang: 'zh-CN' })}>`,
  ];
  data.records.forEach((entry, recordIndex) => {
    const byLink = annotationsByLink(entry);
    const flags = decidedFindings(entry);
    const done = isReviewDone(entry.status);
    const fileNotes: Note[] = [
      { category: 'review-status', text: `${entry.status} (reviewer ${data.reviewer}, exported ${data.exportedAt})` },
      ...flags.filter((f) => linkOfFinding(entry.links, f.finding) < 0).map((f) => ({ category: `flag:${f.finding.kind}`, priority: notePriority(f.finding.severity), text: flagNote(f) })),
      ...(byLink.get(-1) ?? []).map((a) => ({ category: `mqm:${a.category}`, priority: notePriority(a.severity), text: annotationNote(a, entry.sentences) })),
    ];
    out.push(`  <file${xmlAttrs({ id: `f${recordIndex + 1}`, original: entry.record.id })}>`);
    out.push(...notes(fileNotes, '    '));
    const segments = linkSegments(entry);
    // A <file> must hold at least one unit; a record with no sentences gets an empty one.
    if (segments.length === 0) out.push('    <unit id="u0"><segment state="initial"><source/></segment></unit>');
    for (const segment of segments) {
      const unitNotes: Note[] = [
        ...(byLink.get(segment.index) ?? []).map((a) => ({
          category: `mqm:${a.category}`,
          priority: notePriority(a.severity),
          appliesTo: a.span?.side === 'en' ? ('source' as const) : ('target' as const),
          text: annotationNote(a, entry.sentences),
        })),
        ...flags.filter((f) => linkOfFinding(entry.links, f.finding) === segment.index).map((f) => ({ category: `flag:${f.finding.kind}`, priority: notePriority(f.finding.severity), text: flagNote(f) })),
      ];
      const hasTarget = segment.link.zh.length > 0;
      const state = !hasTarget ? 'initial' : done ? 'reviewed' : 'translated';
      out.push(`    <unit${xmlAttrs({ id: `u${recordIndex + 1}-${segment.index + 1}`, name: `en ${range(segment.link.en)} / zh ${range(segment.link.zh)}` })}>`);
      out.push(...notes(unitNotes, '      '));
      out.push(`      <segment${xmlAttrs({ id: `s${segment.index + 1}`, state })}>`);
      out.push(`        <source>${xmlText(segment.source)}</source>`);
      if (hasTarget) out.push(`        <target>${xmlText(segment.target)}</target>`);
      out.push('      </segment>');
      out.push('    </unit>');
    }
    out.push('  </file>');
  });
  out.push('</xliff>');
  return `${out.join('\n')}\n`;
}

function notes(list: readonly Note[], indent: string): string[] {
  if (list.length === 0) return [];
  return [
    `${indent}<notes>`,
    ...list.map((n) => `${indent}  <note${xmlAttrs({ category: n.category, priority: n.priority, appliesTo: n.appliesTo })}>${xmlText(n.text)}</note>`),
    `${indent}</notes>`,
  ];
}

/** 1-based sentence numbers as a range ("4-5"), or "-" for an empty side. */
function range(indices: readonly number[]): string {
  if (indices.length === 0) return '-';
  const first = indices[0]! + 1;
  const last = indices.at(-1)! + 1;
  return first === last ? String(first) : `${first}-${last}`;
}
