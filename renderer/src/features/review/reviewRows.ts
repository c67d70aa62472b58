import type { AlignmentLink, RecordAlignment, SectionAlignment } from '../../../../shared/align/types.ts';
import type { Finding } from '../../../../shared/checks/types.ts';
import { findingKey, spanInSentence, type Annotation, type FlagDecisionKind } from '../../../../shared/annotations/model.ts';
import type { Sentence } from '../../../../shared/segment/types.ts';

/** A marked stretch inside one sentence's text (offsets into that sentence, end exclusive). */
export interface Highlight {
  start: number;
  end: number;
  kind: 'evidence' | 'annotation';
  /** Flag key or annotation id, so the view can tie the mark to what it marks. */
  source: string;
}

export interface SentenceView {
  side: 'en' | 'zh';
  index: number;
  text: string;
  highlights: Highlight[];
}

export interface FlagView {
  key: string;
  finding: Finding;
  decision: FlagDecisionKind | null;
}

export interface RowView {
  /** Index of the link in the record's (possibly hand-corrected) alignment. */
  link: number;
  en: SentenceView[];
  zh: SentenceView[];
  confidence: number;
  flags: FlagView[];
  annotations: Annotation[];
}

export interface SectionView {
  key: string;
  kind: SectionAlignment['kind'];
  enLabel: string | null;
  zhLabel: string | null;
  labelMissing: boolean;
  rows: RowView[];
}

export interface ReviewRowsInput {
  alignment: Pick<RecordAlignment, 'en' | 'zh' | 'sections'>;
  links: readonly AlignmentLink[];
  findings: readonly Finding[];
  /** Decisions of this record by flag key. */
  decisions: ReadonlyMap<string, FlagDecisionKind>;
  /** Live annotations of this record. */
  annotations: readonly Annotation[];
}

/**
 * Builds what the aligned view draws: the links as rows, grouped under the English section their
 * first English sentence belongs to (a Chinese-only row joins the section of the row before it),
 * each with its flags, annotations and the evidence and annotation spans to mark in the text.
 *
 * A flag sits on the first row that holds one of its sentences; a flag no row holds (sentence
 * indices from an older alignment) sits on the first row, so it is never lost from view.
 */
export function buildReviewRows({ alignment, links, findings, decisions, annotations }: ReviewRowsInput): SectionView[] {
  const highlights = { en: new Map<number, Highlight[]>(), zh: new Map<number, Highlight[]>() };
  const mark = (side: 'en' | 'zh', sentence: number, highlight: Highlight) => {
    const list = highlights[side].get(sentence) ?? [];
    list.push(highlight);
    highlights[side].set(sentence, list);
  };

  const flags: FlagView[] = findings.map((finding) => {
    const key = findingKey(finding);
    for (const span of finding.evidence) mark(span.side, span.sentence, { start: span.start, end: span.end, kind: 'evidence', source: key });
    return { key, finding, decision: decisions.get(key) ?? null };
  });
  for (const annotation of annotations) {
    if (!annotation.span) continue;
    const located = spanInSentence(annotation.span, annotation.span.side === 'en' ? alignment.en : alignment.zh);
    if (located) mark(located.side, located.sentence, { start: located.start, end: located.end, kind: 'annotation', source: annotation.id });
  }

  const sentenceView = (side: 'en' | 'zh', sentences: readonly Sentence[]) => (index: number): SentenceView => ({
    side,
    index,
    text: sentences[index]?.text ?? '',
    highlights: (highlights[side].get(index) ?? []).sort((a, b) => a.start - b.start),
  });

  const rows: RowView[] = links.map((link, index) => ({
    link: index,
    en: link.en.map(sentenceView('en', alignment.en)),
    zh: link.zh.map(sentenceView('zh', alignment.zh)),
    confidence: link.confidence,
    flags: [],
    annotations: [],
  }));
  const rowOf = (en: readonly number[], zh: readonly number[]) =>
    links.findIndex((link) => link.en.some((i) => en.includes(i)) || link.zh.some((j) => zh.includes(j)));
  for (const flag of flags) {
    const at = rowOf(flag.finding.en, flag.finding.zh);
    rows[Math.max(at, 0)]?.flags.push(flag);
  }
  for (const annotation of annotations) {
    const at = rowOf(annotation.enSentences, annotation.zhSentences);
    rows[Math.max(at, 0)]?.annotations.push(annotation);
  }
  return groupBySection(rows, links, alignment);
}

function groupBySection(rows: RowView[], links: readonly AlignmentLink[], alignment: ReviewRowsInput['alignment']): SectionView[] {
  const sections: SectionView[] = alignment.sections.map((section) => ({
    key: `s${section.enSection}`,
    kind: section.kind,
    enLabel: section.enLabel,
    zhLabel: section.zhLabel,
    labelMissing: section.labelMissing,
    rows: [],
  }));
  const byEnSection = new Map(alignment.sections.map((section, k) => [section.enSection, sections[k]!]));
  const unlabelled: SectionView = { key: 'all', kind: 'other', enLabel: null, zhLabel: null, labelMissing: false, rows: [] };
  let current: SectionView | undefined;
  rows.forEach((row, k) => {
    const first = links[k]!.en[0];
    const section = first !== undefined ? byEnSection.get(alignment.en[first]?.sectionIndex ?? -1) : current;
    current = section ?? current ?? sections[0] ?? unlabelled;
    current.rows.push(row);
  });
  const used = sections.filter((section) => section.rows.length > 0 || section.labelMissing);
  return unlabelled.rows.length > 0 ? [unlabelled, ...used] : used;
}

/** The flags in reading order, as J/K (or F8) steps through them. */
export function flagOrder(sections: readonly SectionView[]): { key: string; link: number }[] {
  return sections.flatMap((section) => section.rows.flatMap((row) => row.flags.map((flag) => ({ key: flag.key, link: row.link }))));
}
