import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PairScorer, type Coverage } from './pairScorer.ts';
import { chineseFeatures, chineseLength, englishFeatures, englishLength } from './textFeatures.ts';
import { lexiconFromIndex, type Lexicon } from '../lexicon/lexicon.ts';

/**
 * The coverage as first written: every English token's renderings searched in every Chinese
 * sentence of the pair, per pair, then ORed over the ranges. The scorer's screened, flat-array
 * version must give exactly the same counts.
 */
function naiveCoverage(en: string[], zh: string[], lexicon: Lexicon, ei: number, a: number, zj: number, b: number): Coverage {
  const ef = en.map(englishFeatures);
  const zf = zh.map(chineseFeatures);
  const match = (i: number, j: number) => {
    const e = ef[i]!;
    const z = zf[j]!;
    const enHit = new Uint8Array(e.tokens.length);
    const covered = new Uint8Array(z.text.length);
    const anchorHit = new Uint8Array(z.anchors.length);
    const chars = new Set(z.text);
    e.tokens.forEach((token, t) => {
      const anchor = z.anchors.indexOf(token.form);
      if (anchor >= 0) {
        enHit[t] = 1;
        anchorHit[anchor] = 1;
        return;
      }
      if (token.anchor) return;
      for (const candidate of lexicon.translations(token.stem)) {
        if (!chars.has(candidate[0]!)) continue;
        for (let at = z.text.indexOf(candidate); at >= 0; at = z.text.indexOf(candidate, at + 1)) {
          enHit[t] = 1;
          covered.fill(1, at, at + candidate.length);
        }
      }
    });
    return { enHit, covered, anchorHit };
  };
  const c: Coverage = { enTotal: 0, enMatched: 0, zhTotal: 0, zhMatched: 0 };
  for (let i = ei; i < ei + a; i++) {
    ef[i]!.tokens.forEach((token, t) => {
      const w = token.anchor ? 2 : 1;
      c.enTotal += w;
      let hit = 0;
      for (let j = zj; j < zj + b; j++) hit |= match(i, j).enHit[t]!;
      c.enMatched += hit * w;
    });
  }
  for (let j = zj; j < zj + b; j++) {
    const z = zf[j]!;
    c.zhTotal += z.contentPositions.length + 2 * z.anchors.length;
    for (const p of z.contentPositions) {
      let hit = 0;
      for (let i = ei; i < ei + a; i++) hit |= match(i, j).covered[p]!;
      c.zhMatched += hit;
    }
    z.anchors.forEach((_, k) => {
      let hit = 0;
      for (let i = ei; i < ei + a; i++) hit |= match(i, j).anchorHit[k]!;
      c.zhMatched += 2 * hit;
    });
  }
  return c;
}

// A tiny world of words, renderings and anchors, so random sentences share plenty of evidence.
const LEXICON = lexiconFromIndex({ patient: '患者|病人', trial: '试验', dose: '剂量|剂', risk: '风险|危险|𠀀危', heart: '心|心脏|𠀀' });
const EN_WORDS = ['patients', 'trial', 'dose', 'risk', 'heart', 'the', 'MDMA', '8,400', '2.5', 'BRCA1', 'of'];
const ZH_PIECES = ['患者', '病人', '试验', '剂量', '风险', '心脏', '的', 'MDMA', '8400', '2.5', 'brca1', '，', '𠀀', '\ud840', 'Σ', '危'];

const sentences = (words: string[], joiner: string, maxLength = 5) => fc.array(fc.array(fc.constantFrom(...words), { maxLength: 8 }).map((w) => w.join(joiner)), { minLength: 1, maxLength });

/** The scorer's coverage of random ranges equals the naive one, with up to `maxZh` Chinese sentences. */
function assertSameAsNaive(maxZh: number, numRuns: number): void {
  fc.assert(
    fc.property(sentences(EN_WORDS, ' '), sentences(ZH_PIECES, '', maxZh), fc.nat(), fc.nat(), fc.nat(), fc.nat(), (en, zh, r1, r2, r3, r4) => {
      const scorer = new PairScorer(en, zh, LEXICON);
      const ei = r1 % en.length;
      const zj = r2 % zh.length;
      const a = 1 + (r3 % Math.min(3, en.length - ei));
      const b = 1 + (r4 % Math.min(3, zh.length - zj));
      expect(scorer.coverage(ei, a, zj, b)).toEqual(naiveCoverage(en, zh, LEXICON, ei, a, zj, b));
    }),
    { numRuns },
  );
}

describe('PairScorer', () => {
  it('gives the same coverage as searching every rendering in every pair', () => {
    assertSameAsNaive(5, 300);
  });

  it('gives the same coverage when the Chinese sentences are searched in several blocks', () => {
    assertSameAsNaive(40, 100);
  });
});

describe('length helpers', () => {
  it('englishLength counts what removing \\s leaves', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      expect(englishLength(text)).toBe(text.replace(/\s+/g, '').length);
    }));
  });

  it('chineseLength is the length chineseFeatures reports', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      expect(chineseLength(text)).toBe(chineseFeatures(text).length);
    }));
  });
});
