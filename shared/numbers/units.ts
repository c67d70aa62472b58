/**
 * Units written after a quantity, in either language, mapped to one canonical id so that
 * "0.5 mg/kg" and "0.5毫克/千克" compare equal, and "5 mg" against "5 g" does not.
 */

/** Canonical unit id → the dimension it measures, for "same value, different unit" checks. */
const DIMENSION: Record<string, string> = {
  ng: 'mass', μg: 'mass', mg: 'mass', g: 'mass', kg: 'mass',
  ml: 'volume', dl: 'volume', L: 'volume',
  mmol: 'amount', μmol: 'amount', nmol: 'amount', mol: 'amount',
  nm: 'length', μm: 'length', mm: 'length', cm: 'length', m: 'length', km: 'length',
  s: 'time', min: 'time', h: 'time', d: 'time', wk: 'time', mo: 'time', y: 'time',
  mmHg: 'pressure', kcal: 'energy', kJ: 'energy', IU: 'activity', U: 'activity', Gy: 'dose', C: 'temperature', lb: 'mass',
};

/** Units that make a quantity clinical (a changed dose is critical, not just major). */
const CLINICAL = new Set(['ng', 'μg', 'mg', 'g', 'kg', 'ml', 'dl', 'L', 'mmol', 'μmol', 'nmol', 'mol', 'mmHg', 'IU', 'U', 'Gy']);

// Longest spellings first so that "mmol" wins over "mm" and "毫克" over "克".
const SPELLINGS: [string, string][] = [
  ['毫米汞柱', 'mmHg'], ['千卡', 'kcal'], ['千焦', 'kJ'], ['国际单位', 'IU'], ['摄氏度', 'C'],
  ['微摩尔', 'μmol'], ['毫摩尔', 'mmol'], ['纳摩尔', 'nmol'], ['摩尔', 'mol'],
  ['纳克', 'ng'], ['微克', 'μg'], ['毫克', 'mg'], ['千克', 'kg'], ['公斤', 'kg'], ['克', 'g'],
  ['毫升', 'ml'], ['分升', 'dl'], ['升', 'L'],
  ['纳米', 'nm'], ['微米', 'μm'], ['毫米', 'mm'], ['厘米', 'cm'], ['公里', 'km'], ['千米', 'km'], ['米', 'm'],
  ['小时', 'h'], ['分钟', 'min'], ['秒', 's'], ['天', 'd'], ['日', 'd'], ['周', 'wk'], ['星期', 'wk'],
  ['个月', 'mo'], ['月', 'mo'], ['年', 'y'], ['岁', 'y'], ['戈瑞', 'Gy'], ['磅', 'lb'], ['℃', 'C'],
  ['kcal', 'kcal'], ['kJ', 'kJ'], ['minutes', 'min'], ['minute', 'min'], ['seconds', 's'], ['second', 's'], ['hours', 'h'], ['hour', 'h'],
  ['days', 'd'], ['day', 'd'], ['weeks', 'wk'], ['week', 'wk'], ['months', 'mo'], ['month', 'mo'],
  ['years', 'y'], ['year', 'y'], ['pounds', 'lb'], ['lbs', 'lb'], ['lb', 'lb'],
  ['mmHg', 'mmHg'], ['mmol', 'mmol'], ['μmol', 'μmol'], ['µmol', 'μmol'], ['nmol', 'nmol'], ['mol', 'mol'],
  ['mg', 'mg'], ['μg', 'μg'], ['µg', 'μg'], ['ug', 'μg'], ['ng', 'ng'], ['kg', 'kg'], ['g', 'g'],
  ['mL', 'ml'], ['ml', 'ml'], ['dL', 'dl'], ['dl', 'dl'], ['L', 'L'],
  ['nm', 'nm'], ['μm', 'μm'], ['µm', 'μm'], ['mm', 'mm'], ['cm', 'cm'], ['km', 'km'], ['m', 'm'],
  ['hrs', 'h'], ['hr', 'h'], ['h', 'h'], ['min', 'min'], ['sec', 's'], ['s', 's'], ['wks', 'wk'], ['wk', 'wk'],
  ['mo', 'mo'], ['yrs', 'y'], ['yr', 'y'], ['y', 'y'], ['d', 'd'],
  ['IU', 'IU'], ['U', 'U'], ['Gy', 'Gy'], ['°C', 'C'],
];

/** A unit read after a number: canonical id (compound ids like "mg/kg") and how many characters it took. */
export interface UnitMatch {
  unit: string;
  length: number;
}

interface Spelling {
  spelling: string;
  unit: string;
  /** An ASCII spelling must end at a word boundary: "5 men" is not "5 m", "3 days" is not "3 d". */
  endsAtWordBoundary: boolean;
}

/** A-Z or a-z, by code (NaN, past the end of a text, is none). */
export function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * SPELLINGS by their first code unit, each list in SPELLINGS's order: a spelling can only start
 * where its first unit is, so the first match found is the same, without trying every spelling.
 */
const SPELLINGS_BY_FIRST = new Map<number, Spelling[]>();
for (const [spelling, unit] of SPELLINGS) {
  const first = spelling.charCodeAt(0);
  const entry = { spelling, unit, endsAtWordBoundary: isAsciiLetter(first) };
  const list = SPELLINGS_BY_FIRST.get(first);
  if (list) list.push(entry);
  else SPELLINGS_BY_FIRST.set(first, [entry]);
}
const NO_SPELLINGS: readonly Spelling[] = [];

function matchSimpleUnit(text: string, at: number): UnitMatch | null {
  for (const { spelling, unit, endsAtWordBoundary } of SPELLINGS_BY_FIRST.get(text.charCodeAt(at)) ?? NO_SPELLINGS) {
    if (!text.startsWith(spelling, at)) continue;
    if (endsAtWordBoundary && isAsciiLetter(text.charCodeAt(at + spelling.length))) continue;
    return { unit, length: spelling.length };
  }
  return null;
}

const SPACE = 0x20;
const NO_BREAK_SPACE = 0xa0;

/**
 * Reads the unit that starts at `at` (after optional spaces): "mg/kg", "毫克/千克", "mg·kg-1",
 * "个月", "years". Returns null when no known unit is there.
 */
export function matchUnit(text: string, at: number): UnitMatch | null {
  let i = at;
  while (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === NO_BREAK_SPACE) i++;
  const first = matchSimpleUnit(text, i);
  if (!first) return null;
  let end = i + first.length;
  let unit = first.unit;
  // Compound units: "/kg", "·kg-1", "每千克".
  const sep = text[end];
  if (sep === '/' || sep === '·' || sep === '⋅') {
    const second = matchSimpleUnit(text, end + 1);
    if (second) {
      unit = `${unit}/${second.unit}`;
      end += 1 + second.length;
      if (text.startsWith('-1', end) || text.startsWith('⁻¹', end)) end += 2;
    }
  }
  return { unit, length: end - at };
}

/** The dimension of a (possibly compound) canonical unit; compound units are their own dimension. */
export function unitDimension(unit: string): string {
  return unit.includes('/') ? unit : (DIMENSION[unit] ?? unit);
}

/** True when a quantity in this unit is a clinical one (dose, concentration, pressure). */
export function isClinicalUnit(unit: string | null): boolean {
  if (!unit) return false;
  return unit.split('/').some(isClinicalPart);
}

// Module level rather than a closure made on each call: V8 drops a per-call closure's optimised
// code at every major GC and compiles it again.
const isClinicalPart = (part: string): boolean => CLINICAL.has(part);
