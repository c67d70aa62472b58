/**
 * `section-missing`: an English section label with no counterpart in the translation. Machine
 * translation loses labels where it merges sentences ("…增强治疗联盟:在军事人群…" has lost 目的),
 * so the Chinese labels are looked for anywhere a label may stand, not only at section starts.
 */
import { diffArrays } from 'diff';
import { findSectionLabels, type SectionLabelMatch } from '../records/sectionLabels.ts';
import type { SectionKind } from '../records/model.ts';
import type { Sentence } from '../segment/types.ts';
import type { AlignedRecord, EvidenceSpan, Finding } from './types.ts';

const ZH_NAME: Record<SectionKind, string> = {
  background: '背景', objective: '目的', methods: '方法', results: '结果', conclusions: '结论', other: '其他',
};

/**
 * Labels in order with runs of one kind collapsed: "Design: … Setting: … Participants:" are three
 * English labels of kind methods that a Chinese abstract may well print as one 方法.
 */
function labelRuns(labels: readonly SectionLabelMatch[]): SectionLabelMatch[] {
  const runs: SectionLabelMatch[] = [];
  for (const label of labels) {
    if (runs[runs.length - 1]?.kind === label.kind) continue;
    runs.push(label);
  }
  return runs;
}

/** Index of the sentence holding (or, when the segmenter left the label out, following) offset `at`. */
function sentenceAt(sentences: Sentence[], at: number): number {
  for (let i = 0; i < sentences.length; i++) if (sentences[i]!.end > at) return i;
  return sentences.length - 1;
}

/**
 * Compares the sequence of section labels on both sides (`diffArrays` by kind) and reports each
 * English label the Chinese lacks, with the label as English evidence and the Chinese sentences
 * aligned to its sentence, where the label should have been.
 */
export function findMissingSections(record: AlignedRecord): Finding[] {
  if (record.en.length === 0 || record.zh.length === 0) return [];
  const en = labelRuns(findSectionLabels(record.enAbstract, 'en'));
  const zh = labelRuns(record.zhLabels ?? findSectionLabels(record.zhAbstract, 'zh'));
  const findings: Finding[] = [];
  // A Chinese label answers an English one when it is of the same kind and sits at, or one piece
  // away from, the Chinese aligned to the English label's sentence: in a record with two
  // "Methods" labels, the second one's loss must not be hidden by the first one's survival.
  const near = (a: SectionLabelMatch, b: SectionLabelMatch): boolean => {
    const enIndex = sentenceAt(record.en, a.start);
    const aligned: number[] = [];
    for (const l of record.links) if (l.en.includes(enIndex)) aligned.push(...l.zh);
    if (aligned.length === 0) return true;
    const zhIndex = sentenceAt(record.zh, b.start);
    return zhIndex >= Math.min(...aligned) - 1 && zhIndex <= Math.max(...aligned) + 1;
  };
  for (const part of diffArrays(en, zh, { comparator: (a, b) => a.kind === b.kind && near(a, b) })) {
    if (!part.removed) continue;
    for (const label of part.value) {
      const enIndex = sentenceAt(record.en, label.start);
      const sentence = record.en[enIndex];
      if (!sentence) continue;
      const zhIndexes = record.links.find((l) => l.en.includes(enIndex))?.zh ?? [];
      const start = Math.max(0, label.start - sentence.start);
      const evidence: EvidenceSpan[] = [{ side: 'en', sentence: enIndex, start, end: start + (label.start >= sentence.start ? label.label.length : 0), text: label.start >= sentence.start ? label.label : '' }];
      findings.push({
        kind: 'section-missing',
        severity: 'major',
        en: [enIndex],
        zh: zhIndexes,
        message: {
          en: `Section label "${label.label}" is missing from the translation.`,
          'zh-CN': `译文缺少章节标签“${ZH_NAME[label.kind]}”（${label.label}）。`,
        },
        evidence,
      });
    }
  }
  return findings;
}
