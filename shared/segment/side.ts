/**
 * Segments one side of a record section by section, so every sentence knows its section and no
 * sentence straddles a label. Offsets are into `side.abstract`.
 */
import type { Side } from '../records/model.ts';
import type { Sentence } from './types.ts';
import { segmentEnglish, type TextSpan } from './english.ts';
import { segmentChinese } from './chinese.ts';

/** Sentences of a side's abstract, in order, with offsets into `side.abstract`. */
export function segmentSide(side: Side, lang: 'en' | 'zh'): Sentence[] {
  // Every sentence is built by the same literal and pushed: a spread copy (`{ ...span }`) would
  // get a hidden class of its own and a `map` result a different array kind, and each made the
  // code reading sentences polymorphic or deoptimised it.
  const sentences: Sentence[] = [];
  if (side.sections.length === 0) {
    for (const span of segment(side.abstract, lang)) {
      sentences.push({ text: span.text, start: span.start, end: span.end, section: 'other', sectionIndex: 0 });
    }
    return sentences;
  }
  // A loop, not `forEach` with a closure made on each call: V8 drops such a closure's optimised
  // code at every major GC and compiles it again.
  for (let sectionIndex = 0; sectionIndex < side.sections.length; sectionIndex++) {
    const section = side.sections[sectionIndex]!;
    const base = sectionBase(side.abstract, section.text, section.start);
    if (base < 0) continue;
    for (const span of segment(section.text, lang)) {
      sentences.push({ text: span.text, start: base + span.start, end: base + span.end, section: section.kind, sectionIndex });
    }
  }
  return sentences;
}

function segment(text: string, lang: 'en' | 'zh'): TextSpan[] {
  return lang === 'en' ? segmentEnglish(text) : segmentChinese(text);
}

/**
 * Where a section's body sits in the abstract: its recorded `start` when the text is there, else
 * the first occurrence (a parser may normalise whitespace). -1 when the body cannot be found.
 */
function sectionBase(abstract: string, body: string, start: number): number {
  if (abstract.startsWith(body, start)) return start;
  return abstract.indexOf(body);
}
