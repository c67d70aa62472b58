import { describe, expect, it } from 'vitest';
import { escapeHtml, exportHtmlReport } from './htmlReport.ts';
import { fixtureEntry, fixtureExport } from './testFixture.ts';

describe('exportHtmlReport', () => {
  const html = exportHtmlReport(fixtureExport());

  it('is one standalone document without scripts or external resources', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|@import|url\(/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('shows records, links, spans, annotations with corrections, flags and the score', () => {
    expect(html).toContain('MDMA for treatment of PTSD and neurorehabilitation in military populations.');
    expect(html).toContain('<mark>摇头丸</mark>是一种具有亲社会作用的非经典迷幻药。');
    expect(html).toContain('This is an expert review and <mark>synthesis</mark> of the literature.');
    expect(html).toContain('<del>摇头丸</del><ins>MDMA</ins>');
    expect(html).toMatch(/edit rate 18\.2%: 4 edits \/ 22 characters/);
    expect(html).toContain('1×1 minor + 5×1 major + 25×1 critical = 31');
    expect(html).toContain('Flag <span class="major">section-missing</span> (dismissed)');
    expect(html).toContain('1 confirmed, 1 dismissed, 1 undecided; false alarms 50.0% of decided flags');
    // the deleted annotation (Style/Awkward) is not shown
    expect(html).not.toContain('Style/Awkward');
  });

  it('escapes record and reviewer text', () => {
    const entry = fixtureEntry({ en: ['<script>alert("en")</script>', 'Two.', 'Three.'], zh: ['<script>alert(1)</script>。', '<img src=x onerror=alert(2)>'] });
    entry.record.en.title = '<b onmouseover="x()">Title</b>';
    entry.annotations[0]!.comment = '</td><script>bad()</script>';
    const out = exportHtmlReport({ ...fixtureExport(), records: [entry], reviewer: '<i>Li</i>' });
    expect(out).not.toMatch(/<script|<img|<b |<i>/i);
    expect(out).toContain('&lt;script&gt;alert(&quot;en&quot;)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(out).toContain('&lt;/td&gt;&lt;script&gt;bad()&lt;/script&gt;');
  });

  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
