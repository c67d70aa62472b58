/**
 * A self-contained HTML report of a review: one file that opens in any browser, prints, and can
 * be mailed — no scripts, no external resources (fonts, images, style sheets), and a Content
 * Security Policy that forbids loading any, so record text can never make it reach out or run
 * code. Every piece of record or reviewer text goes through `escapeHtml`. The inline style sheet
 * is the one exception to "no inline CSS" in the app: the file must stand alone.
 */
import { correctionDiff } from '../annotations/correctionDiff.ts';
import { liveAnnotations, type Annotation } from '../annotations/model.ts';
import { countSourceWords, mqmScore } from '../annotations/mqmScore.ts';
import { annotationsByLink, decidedFindings, linkOfFinding, linkSegments, spanInSegment, type DecidedFinding, type LinkSegment } from './segments.ts';
import type { ReviewExport, ReviewExportRecord } from './types.ts';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:2rem;color:#1a1a1a}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2.5rem;border-top:1px solid #ccc;padding-top:1rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ddd;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#f4f4f4}td.n{white-space:nowrap;color:#555}
mark{background:#ffe08a}del{background:#fbd3d3}ins{background:#cdeccd;text-decoration:none}
.critical{color:#a00;font-weight:bold}.major{color:#b35c00;font-weight:bold}.minor{color:#555}
.flag{font-size:.9em}.dismissed{text-decoration:line-through;color:#777}
.formula{font-family:ui-monospace,monospace;font-size:.9em}
@media print{body{margin:0}h2{break-before:page}}
`;

/** Renders the whole export as one standalone HTML document. */
export function exportHtmlReport(data: ReviewExport): string {
  const parts = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>Review report — ${escapeHtml(data.reviewer)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<h1>Machine translation review report</h1>',
    summary(data),
    ...data.records.map((entry, i) => recordSection(entry, i)),
    '</body>',
    '</html>',
  ];
  return `${parts.join('\n')}\n`;
}

function summary(data: ReviewExport): string {
  const statuses = new Map<string, number>();
  let annotations = 0;
  let confirmed = 0;
  let dismissed = 0;
  let undecided = 0;
  for (const entry of data.records) {
    statuses.set(entry.status, (statuses.get(entry.status) ?? 0) + 1);
    annotations += liveAnnotations(entry.annotations).length;
    for (const flag of decidedFindings(entry)) {
      if (flag.decision?.decision === 'confirmed') confirmed++;
      else if (flag.decision?.decision === 'dismissed') dismissed++;
      else undecided++;
    }
  }
  // Dismissed flags measure the checks' false alarms; the rate is over decided flags only.
  const decided = confirmed + dismissed;
  const falseAlarms = decided > 0 ? `${((100 * dismissed) / decided).toFixed(1)}%` : '—';
  return [
    '<dl>',
    `<dt>Reviewer</dt><dd>${escapeHtml(data.reviewer)}</dd>`,
    `<dt>Exported</dt><dd>${escapeHtml(data.exportedAt)}</dd>`,
    `<dt>Records</dt><dd>${data.records.length} (${[...statuses].map(([s, n]) => `${escapeHtml(s)} ${n}`).join(', ')})</dd>`,
    `<dt>Annotations</dt><dd>${annotations}</dd>`,
    `<dt>Automatic flags</dt><dd>${confirmed} confirmed, ${dismissed} dismissed, ${undecided} undecided; false alarms ${falseAlarms} of decided flags</dd>`,
    '</dl>',
  ].join('\n');
}

function recordSection(entry: ReviewExportRecord, index: number): string {
  const { record } = entry;
  const live = liveAnnotations(entry.annotations);
  const score = mqmScore(live, { sourceWords: countSourceWords(entry.sentences.en.map((s) => s.text).join(' ')) });
  const byLink = annotationsByLink(entry);
  const flags = decidedFindings(entry);
  const recordFlags = flags.filter((f) => linkOfFinding(entry.links, f.finding) < 0);
  const meta: [string, string | undefined][] = [
    ['Id', record.id],
    ['DOI', record.metadata.doi],
    ['Journal', record.metadata.journal],
    ['Source', `${record.source.file}${record.source.line ? `:${record.source.line}` : ''}`],
    ['Status', entry.status],
  ];
  return [
    `<section id="record-${index + 1}">`,
    `<h2>${index + 1}. ${escapeHtml(record.en.title)}</h2>`,
    record.zh ? `<p lang="zh-CN">${escapeHtml(record.zh.title)}</p>` : '',
    `<dl>${meta.filter(([, v]) => v).map(([k, v]) => `<dt>${k}</dt><dd>${escapeHtml(v!)}</dd>`).join('')}</dl>`,
    `<p>MQM penalty: <strong>${score.penalty}</strong> <span class="formula">${escapeHtml(score.formula)}</span></p>`,
    recordFlags.length > 0 ? `<ul>${recordFlags.map((f) => `<li>${flagHtml(f)}</li>`).join('')}</ul>` : '',
    (byLink.get(-1) ?? []).length > 0 ? `<ul>${(byLink.get(-1) ?? []).map((a) => `<li>${annotationHtml(a, entry)}</li>`).join('')}</ul>` : '',
    '<table>',
    '<thead><tr><th scope="col">#</th><th scope="col">English</th><th scope="col">Chinese</th><th scope="col">Confidence</th><th scope="col">Annotations and flags</th></tr></thead>',
    '<tbody>',
    ...linkSegments(entry).map((segment) => {
      const annotations = byLink.get(segment.index) ?? [];
      const linkFlags = flags.filter((f) => linkOfFinding(entry.links, f.finding) === segment.index);
      const notes = [
        ...annotations.map((a) => annotationHtml(a, entry)),
        ...linkFlags.map(flagHtml),
      ];
      return `<tr><td class="n">${segment.index + 1}</td><td>${highlight(entry, segment, annotations, 'source')}</td><td lang="zh-CN">${highlight(entry, segment, annotations, 'target')}</td><td class="n">${segment.link.confidence.toFixed(2)}</td><td>${notes.join('<br>')}</td></tr>`;
    }),
    '</tbody>',
    '</table>',
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The segment text with annotation spans in `<mark>`; overlapping spans are merged into one. */
function highlight(entry: ReviewExportRecord, segment: LinkSegment, annotations: readonly Annotation[], field: 'source' | 'target'): string {
  const text = segment[field];
  const spans = annotations
    .map((a) => spanInSegment(entry, segment, a))
    .filter((s) => s !== null && s.field === field && s.end > s.start)
    .map((s) => s!)
    .sort((a, b) => a.start - b.start);
  let html = '';
  let at = 0;
  for (const span of spans) {
    const start = Math.max(span.start, at);
    if (span.end <= start) continue;
    html += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, span.end))}</mark>`;
    at = span.end;
  }
  return html + escapeHtml(text.slice(at));
}

function annotationHtml(annotation: Annotation, entry: ReviewExportRecord): string {
  let html = `<span class="${annotation.severity}">${escapeHtml(annotation.severity)}</span> ${escapeHtml(annotation.category)}`;
  if (annotation.comment) html += `: ${escapeHtml(annotation.comment)}`;
  if (annotation.correction !== null) {
    // The correction replaces the annotation's Chinese sentences, so diff against those.
    const machine = annotation.zhSentences.map((i) => entry.sentences.zh[i]?.text ?? '').join('');
    const diff = correctionDiff(machine, annotation.correction);
    const body = diff.parts
      .map((p) => (p.kind === 'added' ? `<ins>${escapeHtml(p.value)}</ins>` : p.kind === 'removed' ? `<del>${escapeHtml(p.value)}</del>` : escapeHtml(p.value)))
      .join('');
    html += `<br>Correction <span lang="zh-CN">${body}</span> (edit rate ${(100 * diff.editRate).toFixed(1)}%: ${diff.edits} edits / ${diff.referenceLength} characters)`;
  }
  return html;
}

function flagHtml({ finding, decision }: DecidedFinding): string {
  const verdict = decision?.decision ?? 'undecided';
  const note = decision?.note ? ` — ${escapeHtml(decision.note)}` : '';
  return `<span class="flag ${verdict === 'dismissed' ? 'dismissed' : ''}">Flag <span class="${finding.severity}">${escapeHtml(finding.kind)}</span> (${verdict}): ${escapeHtml(finding.message.en)}${note}</span>`;
}
