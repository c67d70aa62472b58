/**
 * English word normalisation shared by the lexicon builder and the aligner, so a word is looked
 * up exactly the way the index was keyed.
 */

const STOPWORDS = new Set(
  `a an the and or but nor of in on at to for from by with without within into onto upon about above below
  over under between among through during before after as than that this these those there here it its
  itself they them their theirs we us our ours you your he him his she her i me my is are was were be been
  being am do does did doing have has had having will would shall should can could may might must not no
  so such very too also only just then thus hence which who whom whose what when where why how all any
  both each either neither few more most other some same own per via vs et al if whether while although
  though because since until unless yet once again further however therefore moreover one`.split(/\s+/),
);

/** True for function words that no dictionary sense and no anchor could match usefully. */
export function isEnglishStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/**
 * A light suffix-stripping stemmer (plural, past, gerund, adverb). It only has to map inflected
 * forms in abstracts onto CC-CEDICT's base-form glosses ("patients" → "patient", "treated" →
 * "treat"); over-stemming is harmless because both the index and the query pass through here.
 */
export function stemEnglish(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = stemUncached(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

/**
 * Stems by word. The aligner and the checks stem the same abstract's words several times over,
 * and a corpus's vocabulary is small next to its token count, so each word is stemmed about once.
 * Cleared when full, which bounds memory over a corpus of any size.
 */
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

function stemUncached(word: string): string {
  let w = word.toLowerCase();
  w = IRREGULAR.get(w) ?? w;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:ches|shes|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed')) w = undouble(w.slice(0, -2));
  else if (w.length > 5 && w.endsWith('ly')) w = w.slice(0, -2);
  // Final silent e: "increase"/"increased", "reduce"/"reducing" must meet.
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/**
 * Irregular plurals frequent in clinical abstracts, mapped to the form glosses use. A Map, not an
 * object literal: record text may contain "constructor" or "toString", which an object would
 * answer with its prototype's functions.
 */
const IRREGULAR: ReadonlyMap<string, string> = new Map(Object.entries({
  children: 'child', women: 'woman', men: 'man', mice: 'mouse', teeth: 'tooth', feet: 'foot',
  analyses: 'analysis', diagnoses: 'diagnosis', criteria: 'criterion', phenomena: 'phenomenon',
}));

function undouble(stem: string): string {
  return /([bdgmnprt])\1$/.test(stem) ? stem.slice(0, -1) : stem;
}
