// English (Porter2) stemmer, following the Snowball definition:
// https://snowballstem.org/algorithms/english/stemmer.html
// Written here rather than imported so the engine has no runtime dependency and stems the
// exact same way in the server, the CLI and tests. Input must be lowercase ASCII letters
// (plus apostrophes); anything else is returned unchanged by `stemWord`.

const EXCEPTIONS = new Map<string, string>(Object.entries({
  skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie',
  idly: 'idl', gently: 'gentl', ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl',
  sky: 'sky', news: 'news', howe: 'howe', atlas: 'atlas', cosmos: 'cosmos', bias: 'bias', andes: 'andes',
}));
const AFTER_STEP1A = new Set(['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed']);
const DOUBLES = new Set(['bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt']);
const LI_ENDINGS = new Set(['c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't']);

// Suffix tables: each list is ordered longest first so the first hit is the longest match.
const STEP2: Array<[string, string]> = [
  ['ization', 'ize'], ['ational', 'ate'], ['fulness', 'ful'], ['ousness', 'ous'], ['iveness', 'ive'],
  ['tional', 'tion'], ['biliti', 'ble'], ['lessli', 'less'], ['entli', 'ent'], ['ation', 'ate'],
  ['alism', 'al'], ['aliti', 'al'], ['ousli', 'ous'], ['iviti', 'ive'], ['fulli', 'ful'],
  ['enci', 'ence'], ['anci', 'ance'], ['abli', 'able'], ['izer', 'ize'], ['ator', 'ate'],
  ['alli', 'al'], ['bli', 'ble'], ['ogi', 'og'], ['li', ''],
];
const STEP3: Array<[string, string]> = [
  ['ational', 'ate'], ['tional', 'tion'], ['alize', 'al'], ['icate', 'ic'], ['iciti', 'ic'],
  ['ative', ''], ['ical', 'ic'], ['ness', ''], ['ful', ''],
];
const STEP4 = [
  'ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ant', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize',
  'ion', 'al', 'er', 'ic',
];

function isVowel(ch: string): boolean {
  return ch === 'a' || ch === 'e' || ch === 'i' || ch === 'o' || ch === 'u' || ch === 'y';
}

// R1/R2: the region after the first non-vowel that follows a vowel (applied twice for R2).
function regionAfter(w: string, from: number): number {
  for (let i = from + 1; i < w.length; i++) {
    if (!isVowel(w[i]) && isVowel(w[i - 1])) return i + 1;
  }
  return w.length;
}

function computeR1(w: string): number {
  for (const prefix of ['gener', 'commun', 'arsen']) {
    if (w.startsWith(prefix)) return prefix.length;
  }
  return regionAfter(w, 0);
}

// Short syllable ending at position `end` (exclusive).
function endsWithShortSyllable(w: string, end: number): boolean {
  if (end === 2) return isVowel(w[0]) && !isVowel(w[1]);
  if (end < 3) return false;
  const a = w[end - 3], b = w[end - 2], c = w[end - 1];
  return !isVowel(a) && isVowel(b) && !isVowel(c) && c !== 'w' && c !== 'x' && c !== 'Y';
}

function containsVowel(w: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (isVowel(w[i])) return true;
  return false;
}

function step1a(w: string): string {
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ied') || w.endsWith('ies')) return w.length > 4 ? w.slice(0, -2) : w.slice(0, -1);
  if (w.endsWith('us') || w.endsWith('ss')) return w;
  if (w.endsWith('s') && containsVowel(w, w.length - 2)) return w.slice(0, -1);
  return w;
}

function step1b(w: string, r1: number): string {
  for (const suf of ['eedly', 'eed']) {
    if (w.endsWith(suf)) return w.length - suf.length >= r1 ? w.slice(0, -suf.length) + 'ee' : w;
  }
  for (const suf of ['ingly', 'edly', 'ing', 'ed']) {
    if (!w.endsWith(suf)) continue;
    const stem = w.slice(0, -suf.length);
    if (!containsVowel(stem, stem.length)) return w;
    if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) return stem + 'e';
    if (DOUBLES.has(stem.slice(-2))) return stem.slice(0, -1);
    if (r1 >= stem.length && endsWithShortSyllable(stem, stem.length)) return stem + 'e';
    return stem;
  }
  return w;
}

function step1c(w: string): string {
  const last = w[w.length - 1];
  if ((last === 'y' || last === 'Y') && w.length > 2 && !isVowel(w[w.length - 2])) {
    return w.slice(0, -1) + 'i';
  }
  return w;
}

function applyTable(w: string, r1: number, table: Array<[string, string]>, r2: number): string {
  for (const [suf, rep] of table) {
    if (!w.endsWith(suf)) continue;
    const start = w.length - suf.length;
    if (start < r1) return w;
    if (suf === 'ogi' && w[start - 1] !== 'l') return w;
    if (suf === 'li' && !LI_ENDINGS.has(w[start - 1])) return w;
    if (suf === 'ative' && start < r2) return w;
    return w.slice(0, start) + rep;
  }
  return w;
}

function step4(w: string, r2: number): string {
  for (const suf of STEP4) {
    if (!w.endsWith(suf)) continue;
    const start = w.length - suf.length;
    if (start < r2) return w;
    if (suf === 'ion' && w[start - 1] !== 's' && w[start - 1] !== 't') return w;
    return w.slice(0, start);
  }
  return w;
}

function step5(w: string, r1: number, r2: number): string {
  const last = w.length - 1;
  if (w[last] === 'e') {
    if (last >= r2 || (last >= r1 && !endsWithShortSyllable(w, last))) return w.slice(0, -1);
  } else if (w[last] === 'l' && last >= r2 && w[last - 1] === 'l') {
    return w.slice(0, -1);
  }
  return w;
}

const PLAIN_WORD = /^[a-z']+$/;

/** Stems one lowercase English word; non-alphabetic input is returned as is. */
export function stemWord(word: string): string {
  if (word.length <= 2 || !PLAIN_WORD.test(word)) return word;
  let w = word.replace(/^'+/, '');
  const exception = EXCEPTIONS.get(w);
  if (exception !== undefined) return exception;
  if (w.length <= 2) return w;
  // Mark consonant-y so the vowel tests treat it as a consonant.
  w = w.replace(/^y/, 'Y').replace(/([aeiouy])y/g, '$1Y');
  const r1 = computeR1(w);
  const r2 = regionAfter(w, r1);
  w = w.replace(/'s'$|'s$|'$/, '');
  w = step1a(w);
  if (AFTER_STEP1A.has(w)) return w;
  w = step1b(w, r1);
  w = step1c(w);
  w = applyTable(w, r1, STEP2, r2);
  w = applyTable(w, r1, STEP3, r2);
  w = step4(w, r2);
  w = step5(w, r1, r2);
  return w.replace(/Y/g, 'y');
}
