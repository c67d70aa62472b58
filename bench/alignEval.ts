/**
 * Alignment scoring as in Bertalign's evaluation (bfsujason/bertalign, bertalign/eval.py, itself
 * after Vecalign's score.py), re-implemented: precision over all test links, recall over links
 * that are not 1-0/0-1, strict = exact link match, lax = the link overlaps a gold link on both sides.
 */
export interface Link {
  en: number[];
  zh: number[];
}

/** Counts accumulated over documents. */
export interface Counts {
  pStrictTp: number; pStrictFp: number; pLaxTp: number; pLaxFp: number;
  rStrictTp: number; rStrictFp: number; rLaxTp: number; rLaxFp: number;
}

/** Zeroed counts. */
export function emptyCounts(): Counts {
  return { pStrictTp: 0, pStrictFp: 0, pLaxTp: 0, pLaxFp: 0, rStrictTp: 0, rStrictFp: 0, rLaxTp: 0, rLaxFp: 0 };
}

const key = (l: Link) => `${l.en.join(',')}|${l.zh.join(',')}`;

function precisionCounts(gold: Link[], test: Link[]): [number, number, number, number] {
  const goldKeys = new Set(gold.filter((l) => l.en.length || l.zh.length).map(key));
  const enToZh = new Map<number, Set<number>>();
  for (const g of gold) for (const e of g.en) for (const z of g.zh) (enToZh.get(e) ?? enToZh.set(e, new Set()).get(e)!).add(z);
  let strictTp = 0, strictFp = 0, laxTp = 0, laxFp = 0;
  const seen = new Set<string>();
  for (const t of test) {
    if (!t.en.length && !t.zh.length) continue;
    const k = key(t);
    if (seen.has(k)) continue;
    seen.add(k);
    if (goldKeys.has(k)) {
      strictTp++;
      laxTp++;
    } else {
      strictFp++;
      const targets = new Set(t.en.flatMap((e) => [...(enToZh.get(e) ?? [])]));
      if (t.zh.some((z) => targets.has(z))) laxTp++;
      else laxFp++;
    }
  }
  return [strictTp, strictFp, laxTp, laxFp];
}

/** Adds one document's counts. */
export function addDocument(counts: Counts, gold: Link[], test: Link[]): void {
  const [a, b, c, d] = precisionCounts(gold, test);
  counts.pStrictTp += a; counts.pStrictFp += b; counts.pLaxTp += c; counts.pLaxFp += d;
  const nonNull = (ls: Link[]) => ls.filter((l) => l.en.length && l.zh.length);
  const [e, f, g, h] = precisionCounts(nonNull(test), nonNull(gold));
  counts.rStrictTp += e; counts.rStrictFp += f; counts.rLaxTp += g; counts.rLaxFp += h;
}

/** Strict and lax F1 from accumulated counts. */
export function f1(counts: Counts): { strict: number; lax: number } {
  const ratio = (tp: number, fp: number) => (tp + fp === 0 ? 0 : tp / (tp + fp));
  const harmonic = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
  return {
    strict: harmonic(ratio(counts.pStrictTp, counts.pStrictFp), ratio(counts.rStrictTp, counts.rStrictFp)),
    lax: harmonic(ratio(counts.pLaxTp, counts.pLaxFp), ratio(counts.rLaxTp, counts.rLaxFp)),
  };
}

/** F1 over sentence pairs: every (en, zh) pair inside a link, both sides non-empty. */
export function pairF1(gold: Link[][], test: Link[][]): number {
  let tp = 0, goldN = 0, testN = 0;
  gold.forEach((g, d) => {
    const pairs = (ls: Link[]) => new Set(ls.flatMap((l) => l.en.flatMap((e) => l.zh.map((z) => `${e}:${z}`))));
    const gp = pairs(g);
    const tpairs = pairs(test[d]!);
    goldN += gp.size;
    testN += tpairs.size;
    for (const p of tpairs) if (gp.has(p)) tp++;
  });
  const p = testN ? tp / testN : 0;
  const r = goldN ? tp / goldN : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}
