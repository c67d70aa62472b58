/** What the reviewer has picked to annotate: a sentence, or a span inside it (offsets into the sentence). */
export interface SelectionTarget {
  side: 'en' | 'zh';
  sentence: number;
  /** Index of the row (alignment link) the sentence sits in. */
  link: number;
  start: number;
  end: number;
  /** True when the whole sentence is meant rather than a span of it. */
  whole: boolean;
}

/**
 * The offsets of the document selection inside `element` (a sentence), or null when nothing is
 * selected there. Offsets count characters of the element's text, whatever marks split it into
 * nodes, by measuring a range from the element's start to each end of the selection.
 */
export function selectionOffsetsIn(element: HTMLElement): { start: number; end: number } | null {
  const selection = element.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!element.contains(range.startContainer) || !element.contains(range.endContainer)) return null;
  const measure = element.ownerDocument.createRange();
  measure.selectNodeContents(element);
  measure.setEnd(range.startContainer, range.startOffset);
  const start = measure.toString().length;
  measure.setEnd(range.endContainer, range.endOffset);
  const end = measure.toString().length;
  return end > start ? { start, end } : null;
}
