/**
 * A self-contained HTML report of a `check` run: counts, bar charts of flags by kind and by
 * section, and the worst records with their evidence highlighted.
 *
 * Self-contained means one file with no external resources and no script: styles are inline, the
 * charts are inline SVG, and a Content-Security-Policy forbids scripts and fetching outright, so
 * record text that slipped through escaping still could not run or phone home.
 */
import { severityBarChart, SEVERITY_COLOURS } from './charts.ts';
import { escapeHtml } from './escape.ts';
import { countTotal, SEVERITIES, sectionOfFlag, type ReportSummary, type WorstRecord } from './summarize.ts';
import { errorParts, formatSource, messageText, type CheckEvidence, type CheckFlag, type CheckSentence } from './types.ts';

/** Options for `toHtmlReport`. */
export interface HtmlReportOptions {
  title?: string;
  /** Shown under the title; left out when absent, so the output stays byte-stable in tests. */
  generatedAt?: string;
  /** What was checked, e.g. the command line's paths. */
  inputs?: readonly string[];
}

/**
 * Escapes `text` and wraps the evidence spans in `<mark>`. Spans are clamped to the text, sorted,
 * and overlapping ones merged, so the markup always nests correctly whatever the offsets say.
 */
export function highlightSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  const ranges = spans
    .map((s) => [Math.max(0, Math.min(text.length, s.start)), Math.max(0, Math.min(text.length, s.end))] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  let out = '';
  let at = 0;
  for (const [start, end] of merged) {
    out += escapeHtml(text.slice(at, start)) + `<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return out + escapeHtml(text.slice(at));
}

function sentencesHtml(side: 'en' | 'zh', indices: readonly number[], sentences: readonly CheckSentence[], evidence: readonly CheckEvidence[]): string {
  if (indices.length === 0) return '<span class="none">—</span>';
  return indices
    .map((i) => {
      const sentence = sentences[i];
      if (sentence === undefined) return `<span class="none">[${i}]</span>`;
      const spans = evidence.filter((e) => e.side === side && e.sentence === i);
      return `<span class="idx">${i}</span> ${highlightSpans(sentence.text, spans)}`;
    })
    .join('<br>');
}

function flagRow(flag: CheckFlag, entry: WorstRecord): string {
  const { record } = entry;
  const zhMessage = messageText(flag.message, 'zh-CN');
  const enMessage = messageText(flag.message, 'en');
  return (
    `<tr><td><span class="sev ${escapeHtml(flag.severity)}">${escapeHtml(flag.severity)}</span></td>` +
    `<td>${escapeHtml(flag.kind)}<br><span class="section">${escapeHtml(sectionOfFlag(flag, record))}</span></td>` +
    `<td>${escapeHtml(enMessage)}${zhMessage !== enMessage ? `<br><span lang="zh-CN">${escapeHtml(zhMessage)}</span>` : ''}</td>` +
    `<td>${sentencesHtml('en', flag.en, record.sentences.en, flag.evidence)}</td>` +
    `<td lang="zh-CN">${sentencesHtml('zh', flag.zh, record.sentences.zh, flag.evidence)}</td></tr>`
  );
}

function worstRecordHtml(entry: WorstRecord, rank: number): string {
  const counts = SEVERITIES.filter((s) => entry.severities[s] > 0).map((s) => `${entry.severities[s]} ${s}`).join(', ');
  return (
    `<section class="record"><h3>${rank}. ${escapeHtml(entry.id)} <span class="weight">weight ${entry.weight} (${escapeHtml(counts)})</span></h3>` +
    `<p class="source">${escapeHtml(formatSource(entry.record.source))}</p>` +
    `<table><thead><tr><th>Severity</th><th>Kind</th><th>Message</th><th>English</th><th>Chinese</th></tr></thead>` +
    `<tbody>${entry.record.flags.map((flag) => flagRow(flag, entry)).join('')}</tbody></table></section>`
  );
}

function countsTable(title: string, rows: ReportSummary['byKind']): string {
  const body = Object.entries(rows)
    .map(([name, c]) => `<tr><td>${escapeHtml(name)}</td>${SEVERITIES.map((s) => `<td class="n">${c[s]}</td>`).join('')}<td class="n">${countTotal(c)}</td></tr>`)
    .join('');
  return `<table class="counts"><caption>${escapeHtml(title)}</caption><thead><tr><th></th>${SEVERITIES.map((s) => `<th>${s}</th>`).join('')}<th>total</th></tr></thead><tbody>${body}</tbody></table>`;
}

const STYLE = `
body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:80em}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}h3{font-size:1em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:bold}
mark{background:#ffe066}.idx{color:#888;font-size:.8em}.none{color:#aaa}.section,.source,.weight{color:#666;font-size:.85em}
.sev{padding:0 .4em;border-radius:3px;color:#fff}
${SEVERITIES.map((s) => `.sev.${s}{background:${SEVERITY_COLOURS[s]}}`).join('')}
.charts{display:flex;flex-wrap:wrap;gap:2em}figure{margin:0}figcaption{font-weight:bold;margin-bottom:.3em}
`;

/**
 * The report as one HTML document. Every piece of record text (ids, sources, sentences,
 * messages, evidence, kind and section names) is HTML-escaped.
 */
export function toHtmlReport(summary: ReportSummary, options: HtmlReportOptions = {}): string {
  const title = options.title ?? 'Translation check report';
  const overview = [
    ['Records', summary.records],
    ['Records with flags', summary.recordsWithFlags],
    ['Flags', summary.flags],
    ...SEVERITIES.map((s) => [`  ${s}`, summary.bySeverity[s]] as const),
    ['Load errors', summary.errors],
  ]
    .map(([name, n]) => `<tr><td>${escapeHtml(String(name))}</td><td class="n">${n}</td></tr>`)
    .join('');
  const errors =
    summary.errorSamples.length === 0
      ? ''
      : `<h2>Load errors</h2><p>${summary.errorSamples.length < summary.errors ? `First ${summary.errorSamples.length} of ${summary.errors}.` : ''}</p><ul>` +
        summary.errorSamples.map((e) => errorParts(e)).map(({ where, reason }) => `<li><code>${escapeHtml(where)}</code>: ${escapeHtml(reason)}</li>`).join('') +
        '</ul>';
  const worst =
    summary.worst.length === 0
      ? '<p>No flagged records.</p>'
      : summary.worst.map((entry, i) => worstRecordHtml(entry, i + 1)).join('');
  return (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>` +
    `<h1>${escapeHtml(title)}</h1>` +
    (options.generatedAt !== undefined ? `<p class="source">Generated ${escapeHtml(options.generatedAt)}</p>` : '') +
    (options.inputs !== undefined && options.inputs.length > 0 ? `<p class="source">Inputs: ${options.inputs.map((p) => `<code>${escapeHtml(p)}</code>`).join(', ')}</p>` : '') +
    `<h2>Summary</h2><table class="counts"><tbody>${overview}</tbody></table>` +
    `<h2>Flags by kind and by section</h2><div class="charts">` +
    `<figure><figcaption>By kind</figcaption>${severityBarChart('Flags by kind', summary.byKind)}</figure>` +
    `<figure><figcaption>By section</figcaption>${severityBarChart('Flags by section', summary.bySection)}</figure></div>` +
    countsTable('By kind', summary.byKind) +
    countsTable('By section', summary.bySection) +
    `<h2>Worst records (MQM-like weight: critical 10, major 5, minor 1)</h2>${worst}` +
    errors +
    '</body></html>\n'
  );
}
