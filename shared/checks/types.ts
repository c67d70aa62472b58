/** Finding kinds the divergence checks produce. */
export type FindingKind =
  | 'number-mismatch'
  | 'omission'
  | 'addition'
  | 'section-missing'
  | 'term-inconsistency'
  | 'glossary'
  | 'untranslated'
  | 'punctuation';

export type Severity = 'critical' | 'major' | 'minor';

/** A character span on one side, offsets into that side's sentence text. */
export interface EvidenceSpan {
  side: 'en' | 'zh';
  /** Sentence index (0-based) on that side. */
  sentence: number;
  start: number;
  end: number;
  text: string;
}

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** Sentence indices concerned, 0-based. */
  en: number[];
  zh: number[];
  /** Message in both UI languages. */
  message: { en: string; 'zh-CN': string };
  evidence: EvidenceSpan[];
}

/** One sentence of an aligned pair, with its 0-based index in its side's sentence list. */
export interface PairSentence {
  index: number;
  text: string;
}

/** The sentences on each side of one alignment link; either side may be empty (1-0, 0-1). */
export interface AlignedPair {
  en: PairSentence[];
  zh: PairSentence[];
}

/**
 * What the record-level checks see: both sides' sentences (offsets into each side's abstract),
 * the abstracts themselves (labels included) and the alignment links between the sentences.
 */
export interface AlignedRecord {
  en: import('../segment/types.ts').Sentence[];
  zh: import('../segment/types.ts').Sentence[];
  enAbstract: string;
  zhAbstract: string;
  links: import('../align/types.ts').AlignmentLink[];
  /** `findSectionLabels(zhAbstract, 'zh')`, when found already (the aligner reads them too). */
  zhLabels?: readonly import('../records/sectionLabels.ts').SectionLabelMatch[];
}
