import { Parser } from 'htmlparser2';
import type { Section, Side } from './model.ts';
import { isAbstractHeading, sectionKindOfLabel, splitSections, type LabelLanguage } from './sectionLabels.ts';

/**
 * Building one side of a record (title, abstract text, sections) from paragraphs, and reading the
 * sites' abstract HTML into such paragraphs. The HTML is only ever parsed into text and labels;
 * nothing here (or downstream) renders it, so markup in a record cannot reach the UI as markup.
 */

/** A paragraph of an abstract: an explicit label (from markup) or null, and its text. */
export interface Paragraph {
  label: string | null;
  body: string;
}

/** Collapses runs of whitespace (including no-break spaces from `&nbsp;`) to one space. */
export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/**
 * Joins paragraphs into the displayed abstract (one paragraph a line) and finds its sections.
 * An explicit label makes a section; an unlabelled paragraph is searched for inline labels
 * ("Background: …"), and its unlabelled lead continues the previous section, since a section
 * may run over several paragraphs. An empty abstract has no sections.
 */
export function assembleSide(title: string, paragraphs: Paragraph[], lang: LabelLanguage): Side {
  let abstract = '';
  const sections: Section[] = [];
  for (const paragraph of joinLabelParagraphs(paragraphs)) {
    const body = paragraph.body.trim();
    const label = paragraph.label?.trim().replace(/[\s:：.]+$/, '') ?? '';
    if (body === '' && label === '') continue;
    if (abstract !== '') abstract += '\n';
    const lineStart = abstract.length;
    if (label !== '') {
      const written = paragraph.label?.trim() ?? label;
      // As printed: "Background: …", "目的：…", "【结论】…" (no space after Chinese punctuation).
      const prefix =
        lang === 'zh' ? (/[:：】\]]$/.test(written) ? written : `${written}：`)
        : /[:：\]]$/.test(written) ? `${written} ` : `${written}: `;
      abstract += prefix + body;
      sections.push({ kind: sectionKindOfLabel(label, lang) ?? 'other', label, text: body, start: lineStart + prefix.length });
      continue;
    }
    abstract += body;
    for (const section of splitSections(body, lang)) {
      const start = lineStart + section.start;
      const previous = sections[sections.length - 1];
      if (section.label === null && previous !== undefined) {
        previous.text = abstract.slice(previous.start, start + section.text.length);
      } else {
        sections.push({ ...section, start });
      }
    }
  }
  return { title: collapseSpace(title), abstract, sections };
}

/*
 * Markup often puts a label in its own block (`<h3>Background</h3><p>…</p>`): a label with no body
 * takes the next unlabelled paragraph as its body. An "Abstract" heading with no body is dropped.
 */
function joinLabelParagraphs(paragraphs: Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const paragraph of paragraphs) {
    const previous = out[out.length - 1];
    if (previous !== undefined && previous.label !== null && previous.body.trim() === '' && paragraph.label === null) {
      out[out.length - 1] = { label: previous.label, body: paragraph.body };
    } else {
      out.push(paragraph);
    }
  }
  return out.filter((p) => !(p.label !== null && p.body.trim() === '' && isAbstractHeading(p.label)));
}

const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'section', 'sec', 'article', 'table', 'tr', 'td', 'th', 'blockquote',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'abstracttext', 'abstract', 'dd', 'dt',
]);
// Tags that sites use for a section label when they open a paragraph (JATS uses <title>).
const LABEL_TAGS = new Set(['strong', 'b', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'title', 'label', 'dt']);

/**
 * Reads abstract HTML (`<p><strong>Background: </strong>…</p>`, JATS `<sec><title>`, PubMed
 * `<AbstractText Label="METHODS">`) into paragraphs, decoding entities. A bold run counts as a
 * label only when it opens its paragraph and is short; bold inside a sentence stays text.
 */
export function parseAbstractHtml(html: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let label: string | null = null;
  let body = '';
  let labelDepth = 0;
  let labelText = '';
  // Tracked instead of re-testing `body` at every tag, which made long abstracts quadratic.
  let bodyHasText = false;
  // Script and style bodies are code, not abstract text.
  let skipDepth = 0;
  const flush = (): void => {
    if (labelText.trim() !== '' && label === null) label = labelText;
    const labelClean = label === null ? null : collapseSpace(label);
    // "<strong>Background</strong>: text" puts the label's colon in the body.
    const text = labelClean === null ? collapseSpace(body) : collapseSpace(body).replace(/^[:：.]\s*/, '');
    if (text !== '' || (labelClean !== null && labelClean !== '')) paragraphs.push({ label: labelClean, body: text });
    label = null;
    body = '';
    bodyHasText = false;
    labelText = '';
    labelDepth = 0;
  };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'script' || name === 'style') skipDepth++;
        if (BLOCK_TAGS.has(name)) flush();
        const attrLabel = attribs['label'] ?? attribs['nlmcategory'];
        if (name === 'abstracttext' && attrLabel !== undefined && attrLabel.trim() !== '') label = attrLabel;
        else if (LABEL_TAGS.has(name) && label === null && !bodyHasText && labelDepth === 0) labelDepth = 1;
        else if (labelDepth > 0) labelDepth++;
      },
      ontext(text) {
        if (skipDepth > 0) return;
        if (labelDepth > 0) labelText += text;
        else {
          body += text;
          if (!bodyHasText && text.trim() !== '') bodyHasText = true;
        }
      },
      onclosetag(name) {
        if ((name === 'script' || name === 'style') && skipDepth > 0) skipDepth--;
        if (labelDepth > 0) {
          labelDepth--;
          if (labelDepth === 0) {
            // A long bold run opening a paragraph is emphasis, not a label: give it back to the body.
            if (collapseSpace(labelText).length > 80) {
              body = labelText + body;
              bodyHasText = true;
            }
            else label = labelText;
            labelText = '';
          }
        }
        if (BLOCK_TAGS.has(name) && name !== 'br') flush();
        else if (name === 'br') flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeCDATA: true },
  );
  try {
    parser.write(html);
    parser.end();
  } catch {
    // htmlparser2 is lenient and does not throw on bad markup; this guards the contract anyway.
  }
  flush();
  return paragraphs;
}

/** Plain text of an HTML fragment, paragraphs joined by newlines (for comparisons and fallbacks). */
export function htmlToText(html: string): string {
  return parseAbstractHtml(html)
    .map((p) => (p.label === null ? p.body : `${p.label} ${p.body}`))
    .join('\n');
}
