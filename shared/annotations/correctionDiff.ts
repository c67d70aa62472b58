/**
 * The reviewer's corrected translation against the machine translation: a character diff for
 * display and an edit rate as a single figure of how much had to change.
 *
 * Characters, not words: Chinese has no spaces, so a word diff would need a segmenter and would
 * hide one-character fixes (的 → 地). `diffChars` works on Unicode code points, so a character
 * outside the BMP counts once, and so do all lengths here.
 */
import { diffChars } from 'diff';

/** One piece of the diff: kept text, text only in the correction (added) or only in the MT (removed). */
export interface DiffPart {
  value: string;
  kind: 'same' | 'added' | 'removed';
}

export interface CorrectionDiff {
  parts: DiffPart[];
  /** Character edits (insertions + deletions + substitutions, see `correctionDiff`). */
  edits: number;
  /** Length of the correction in code points. */
  referenceLength: number;
  /**
   * edits / referenceLength; 0 when nothing changed. When the correction is empty (the reviewer
   * deleted everything) and the MT was not, it is the MT length over 1, i.e. the edit count, so it
   * never divides by zero and still reads as "everything changed".
   */
  editRate: number;
}

/**
 * Diffs `machine` (the MT) against `corrected` and computes a character-level, TER-like edit rate:
 *
 *   edit rate = edits / length(corrected)
 *
 * as HTER takes the post-edit as the reference. Edits are counted on the diff: a removed run
 * followed by an added run is a substitution block counting max(removed, added) edits (each
 * replaced character is one edit, the surplus are insertions or deletions); a lone added or
 * removed run counts its length. Unlike TER there are no block shifts: a moved phrase counts as
 * a deletion plus an insertion, which for a one-sentence correction overstates little and keeps
 * the figure explainable from the coloured diff the reviewer sees.
 */
export function correctionDiff(machine: string, corrected: string): CorrectionDiff {
  const changes = diffChars(machine, corrected);
  const parts: DiffPart[] = changes.map((c) => ({
    value: c.value,
    kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
  }));
  let edits = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.kind === 'same') continue;
    const next = parts[i + 1];
    if (next && next.kind !== 'same' && next.kind !== part.kind) {
      edits += Math.max(codePoints(part.value), codePoints(next.value));
      i++;
    } else {
      edits += codePoints(part.value);
    }
  }
  const referenceLength = codePoints(corrected);
  const editRate = edits === 0 ? 0 : edits / Math.max(referenceLength, 1);
  return { parts, edits, referenceLength, editRate };
}

function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
