import type { SectionKind } from '../records/model.ts';

/** One sentence with character offsets into the text it was cut from. */
export interface Sentence {
  text: string;
  /** Offsets into the side's `abstract` string: text === abstract.slice(start, end). */
  start: number;
  end: number;
  section: SectionKind;
  /** Index of the section in `Side.sections`. */
  sectionIndex: number;
}
