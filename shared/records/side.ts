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

/*
 * A run of two or more whitespace characters, or a single one that is not a plain space: a single
 * space is already what a run collapses to, so leaving it alone gives the same text without a
 * replacement (and a new string piece) for every word of an abstract.
 */
const SPACE_TO_COLLAPSE = /[\s\u00a0\u3000]{2,}|[^\S ]/g;

/** Collapses runs of whitespace (including no-break spaces from `&nbsp;`) to one space. */
export function collapseSpace(text: string): string {
  return text.replace(SPACE_TO_COLLAPSE, ' ').trim();
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
  return out.filter(isNotBareHeading);
}

// Module level rather than a closure made on each call: V8 drops a per-call closure's optimised
// code at every major GC and compiles it again.
const isNotBareHeading = (p: Paragraph): boolean => !(p.label !== null && p.body.trim() === '' && isAbstractHeading(p.label));

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
  const handler = new ParagraphReader();
  const simple = readSimpleMarkup(html);
  if (simple !== null) {
    for (const piece of simple) {
      if (typeof piece === 'string') handler.ontext(piece);
      else if (piece.open) handler.onopentag(piece.name, {});
      else handler.onclosetag(piece.name);
    }
  } else {
    const parser = new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeCDATA: true });
    try {
      parser.write(html);
      parser.end();
    } catch {
      // htmlparser2 is lenient and does not throw on bad markup; this guards the contract anyway.
    }
  }
  handler.flush();
  return handler.paragraphs;
}

/**
 * The handler `parseAbstractHtml` hands the markup to, as htmlparser2 calls it. A class rather than
 * closures over the call's locals: V8 drops a per-call closure's optimised code at every major GC
 * and compiles it again, and every abstract is read here.
 */
class ParagraphReader {
  readonly paragraphs: Paragraph[] = [];
  private label: string | null = null;
  private body = '';
  private labelDepth = 0;
  private labelText = '';
  // Tracked instead of re-testing `body` at every tag, which made long abstracts quadratic.
  private bodyHasText = false;
  // Script and style bodies are code, not abstract text.
  private skipDepth = 0;

  flush(): void {
    if (this.labelText.trim() !== '' && this.label === null) this.label = this.labelText;
    const labelClean = this.label === null ? null : collapseSpace(this.label);
    // "<strong>Background</strong>: text" puts the label's colon in the body.
    const text = labelClean === null ? collapseSpace(this.body) : collapseSpace(this.body).replace(/^[:：.]\s*/, '');
    if (text !== '' || (labelClean !== null && labelClean !== '')) this.paragraphs.push({ label: labelClean, body: text });
    this.label = null;
    this.body = '';
    this.bodyHasText = false;
    this.labelText = '';
    this.labelDepth = 0;
  }

  onopentag(name: string, attribs: Record<string, string>): void {
    if (name === 'script' || name === 'style') this.skipDepth++;
    if (BLOCK_TAGS.has(name)) this.flush();
    const attrLabel = attribs['label'] ?? attribs['nlmcategory'];
    if (name === 'abstracttext' && attrLabel !== undefined && attrLabel.trim() !== '') this.label = attrLabel;
    else if (LABEL_TAGS.has(name) && this.label === null && !this.bodyHasText && this.labelDepth === 0) this.labelDepth = 1;
    else if (this.labelDepth > 0) this.labelDepth++;
  }

  ontext(text: string): void {
    if (this.skipDepth > 0) return;
    if (this.labelDepth > 0) this.labelText += text;
    else {
      this.body += text;
      if (!this.bodyHasText && text.trim() !== '') this.bodyHasText = true;
    }
  }

  onclosetag(name: string): void {
    if ((name === 'script' || name === 'style') && this.skipDepth > 0) this.skipDepth--;
    if (this.labelDepth > 0) {
      this.labelDepth--;
      if (this.labelDepth === 0) {
        // A long bold run opening a paragraph is emphasis, not a label: give it back to the body.
        if (collapseSpace(this.labelText).length > 80) {
          this.body = this.labelText + this.body;
          this.bodyHasText = true;
        }
        else this.label = this.labelText;
        this.labelText = '';
      }
    }
    if (BLOCK_TAGS.has(name)) this.flush();
  }
}

/*
 * Most abstracts are plain text, or `<p>` and `<strong>` without attributes or entities. For those
 * the text and tags are read here, and the handler gets exactly the calls htmlparser2 would make;
 * anything else (an attribute, an entity, a comment, upper case, a tag that htmlparser2 opens or
 * closes by implication, unbalanced tags) goes to htmlparser2, which costs a parser per abstract.
 */
const SIMPLE_TAGS = new Set(['p', 'strong', 'b', 'i', 'em', 'sup', 'sub', 'span', 'u']);
const SIMPLE_TAG = /<(\/?)([a-z]+)>/y;

type MarkupPiece = string | { open: boolean; name: string };

function readSimpleMarkup(html: string): MarkupPiece[] | null {
  if (html.includes('&')) return null;
  const pieces: MarkupPiece[] = [];
  const open: string[] = [];
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt === -1) {
      pieces.push(html.slice(at));
      break;
    }
    if (lt > at) pieces.push(html.slice(at, lt));
    SIMPLE_TAG.lastIndex = lt;
    const tag = SIMPLE_TAG.exec(html);
    const name = tag?.[2];
    if (tag === null || name === undefined || !SIMPLE_TAGS.has(name)) return null;
    if (tag[1] === '') {
      // htmlparser2 closes an open <p> when another opens: not simple.
      if (name === 'p' && open.length > 0) return null;
      open.push(name);
    } else if (open.pop() !== name) {
      return null;
    }
    pieces.push({ open: tag[1] === '', name });
    at = lt + tag[0].length;
  }
  return open.length === 0 ? pieces : null;
}

/** Plain text of an HTML fragment, paragraphs joined by newlines (for comparisons and fallbacks). */
export function htmlToText(html: string): string {
  return parseAbstractHtml(html)
    .map((p) => (p.label === null ? p.body : `${p.label} ${p.body}`))
    .join('\n');
}
