/**
 * The corpus-wide term check of `check`, in bounded memory: while records stream past, only
 * each record's term summary is kept (`summarizeTermRenderings`: its main rendering of each
 * repeated term), as three integers per term use with the strings interned; the disagreements
 * are found at the end from those alone, and a finding is only built, from the record's own
 * sentences, when that record is read back for output.
 *
 * Records are keyed by their position in the run, not their id, so two records that share an id
 * are still two records (and each gets only its own findings).
 */
import type { AlignedRecord } from '../../shared/checks/types.ts';
import type { Sentence } from '../../shared/segment/types.ts';
import {
  corpusTermFinding,
  findCorpusTermDisagreements,
  type CorpusTermDisagreement,
  type TermRenderingSummary,
} from '../../shared/terms/termInconsistency.ts';
import { flagJson, type CheckRecordJson } from './checkRecordJson.ts';

/** Term summaries of every record of a run, by position; see the file comment. */
export class CorpusTermStore {
  readonly #ids = new Map<string, number>();
  readonly #strings: string[] = [];
  #positions = new Int32Array(1024);
  #terms = new Int32Array(1024);
  #renderings = new Int32Array(1024);
  #uses = 0;
  #records = 0;

  /** Records added so far. */
  get records(): number {
    return this.#records;
  }

  /** Term uses held (one per record and repeated term). */
  get uses(): number {
    return this.#uses;
  }

  /** Distinct strings held: terms and renderings recur across records, so this grows slowly. */
  get strings(): number {
    return this.#strings.length;
  }

  /** Adds the next record's summary and returns its position (0, 1, 2 …). */
  add(terms: readonly TermRenderingSummary[]): number {
    const position = this.#records++;
    for (const { term, rendering } of terms) {
      if (this.#uses === this.#positions.length) this.#grow();
      this.#positions[this.#uses] = position;
      this.#terms[this.#uses] = this.#intern(term);
      this.#renderings[this.#uses] = this.#intern(rendering);
      this.#uses++;
    }
    return position;
  }

  /** The records using a minority rendering of a term, by position, in the check's own order. */
  disagreements(): Map<number, CorpusTermDisagreement[]> {
    const byPosition = new Map<number, CorpusTermDisagreement[]>();
    for (const d of findCorpusTermDisagreements(this.#summaries())) {
      const position = Number(d.recordId);
      const list = byPosition.get(position) ?? [];
      list.push(d);
      byPosition.set(position, list);
    }
    return byPosition;
  }

  // Rebuilt one record at a time: the uses are stored in position order.
  *#summaries(): Generator<{ id: string; terms: TermRenderingSummary[] }> {
    let at = 0;
    while (at < this.#uses) {
      const position = this.#positions[at]!;
      const terms: TermRenderingSummary[] = [];
      for (; at < this.#uses && this.#positions[at] === position; at++) {
        terms.push({ term: this.#strings[this.#terms[at]!]!, rendering: this.#strings[this.#renderings[at]!]! });
      }
      yield { id: String(position), terms };
    }
  }

  #intern(text: string): number {
    let id = this.#ids.get(text);
    if (id === undefined) {
      id = this.#strings.length;
      this.#strings.push(text);
      this.#ids.set(text, id);
    }
    return id;
  }

  #grow(): void {
    const grow = (from: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const to = new Int32Array(from.length * 2);
      to.set(from);
      return to;
    };
    this.#positions = grow(this.#positions);
    this.#terms = grow(this.#terms);
    this.#renderings = grow(this.#renderings);
  }
}

/**
 * The record's sentences in the shape `corpusTermFinding` takes. It reads only each sentence's
 * text (to find the term and its rendering), so offsets and abstracts are left empty.
 */
function sentencesOnly(record: Pick<CheckRecordJson, 'sentences'>): AlignedRecord {
  const side = (sentences: CheckRecordJson['sentences']['en']): Sentence[] =>
    sentences.map((s) => ({ text: s.text, section: s.section, start: 0, end: s.text.length, sectionIndex: 0 }));
  return { en: side(record.sentences.en), zh: side(record.sentences.zh), links: [], enAbstract: '', zhAbstract: '' };
}

/** The corpus findings of one record as `check --json` flags, located in its sentences. */
export function corpusTermFlags(record: Pick<CheckRecordJson, 'id' | 'sentences'>, disagreements: readonly CorpusTermDisagreement[]): CheckRecordJson['flags'] {
  if (disagreements.length === 0) return [];
  const aligned = sentencesOnly(record);
  return disagreements.map((d) => flagJson(corpusTermFinding(aligned, { ...d, recordId: record.id })));
}
