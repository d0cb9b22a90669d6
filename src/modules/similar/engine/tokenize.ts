import { stemWord } from './porter2.ts';
import { isStopWord } from './stop-words.ts';
import { canonicalSpelling } from './synonyms.ts';

export type Token = {
  /** normalized index term (stemmed word, canonical identifier, number) */
  term: string;
  /** lowercased text as written, shown to people as the reason for a match */
  surface: string;
  /** a piece of a compound identifier: counted as evidence but never chained into a bigram */
  isPart: boolean;
  /** a sentence boundary separates this token from the previous chained token */
  breakBefore: boolean;
};

// A raw token is a run of letters/digits/underscores, optionally joined by connectors that occur
// inside identifiers, versions, paths and error codes (org.foo.Bar, v1.2.3, max_conn, E-1234).
const RAW_TOKEN = /[\p{L}\p{N}_]+(?:['’.\-/:+#@][\p{L}\p{N}_]+)*/gu;
const SENTENCE_BREAK = /[.!?;:\n]/;
const CONNECTORS = /[.\-/:+#@_]+/;
const CAMEL_HUMP = /[a-z][A-Z]|[A-Z]{2}[a-z]/;
const CAMEL_PIECE = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LETTERS_ONLY = /^\p{L}+$/u;
const ASCII_WORD = /^[a-z]+$/;
const DIGITS = /^\d+$/;
const HAS_LETTER = /\p{L}/u;
const VERSION = /^v?\d+(?:\.\d+){1,3}$/i;
const EMBEDDED_VERSION = /(?<![\d.])(\d+\.\d+(\.\d+){0,2})(?![\d.])/g;
const MAX_TERM_LENGTH = 40;
const MAX_NUMBER_LENGTH = 12;

function foldAccents(lower: string): string {
  // Only for non-ASCII Latin text: NFD would also split Hangul syllables, so CJK is left alone.
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  return lower.normalize('NFD').replace(/\p{M}/gu, '');
}

// Word forms repeat endlessly across posts; a bounded memo makes bulk indexing several times faster.
const STEM_CACHE_LIMIT = 200_000;
const stemCache = new Map<string, string>();

function normalizeWord(lower: string): string {
  const cached = stemCache.get(lower);
  if (cached !== undefined) return cached;
  const folded = foldAccents(lower);
  const term = ASCII_WORD.test(folded) ? canonicalSpelling(stemWord(folded)) : folded;
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(lower, term);
  return term;
}

function splitPieces(raw: string): string[] {
  const pieces: string[] = [];
  for (const piece of raw.split(CONNECTORS)) {
    if (piece.length === 0) continue;
    pieces.push(piece);
    if (CAMEL_HUMP.test(piece)) pieces.push(...(piece.match(CAMEL_PIECE) ?? []));
  }
  return pieces;
}

// Sub-terms of an identifier, so "maxConnections" also matches a post that says "connections".
function identifierParts(raw: string, isVersion: boolean): Token[] {
  const parts: Token[] = [];
  for (const piece of splitPieces(raw)) {
    const lower = piece.toLowerCase();
    if (DIGITS.test(lower)) {
      if (!isVersion && lower.length >= 3 && lower.length <= MAX_NUMBER_LENGTH) {
        parts.push({ term: lower, surface: lower, isPart: true, breakBefore: false });
      }
      continue;
    }
    if (lower.length < 2 || lower.length > MAX_TERM_LENGTH || isStopWord(lower)) continue;
    parts.push({ term: normalizeWord(lower), surface: lower, isPart: true, breakBefore: false });
  }
  return parts;
}

// The whole identifier as one exact term: snake_case, kebab-case and camelCase spellings of the
// same name meet ("max_connections" = "maxConnections"); versions and paths keep their dots.
function identifierWhole(raw: string, isVersion: boolean): string | null {
  if (!isVersion && !HAS_LETTER.test(raw)) return null; // dates, times, IP-like noise
  const lower = foldAccents(raw.toLowerCase());
  if (isVersion) return lower.replace(/^v/, '');
  const joined = lower.replace(/[-_]/g, '');
  if (joined.length > MAX_TERM_LENGTH) return null;
  return ASCII_WORD.test(joined) ? canonicalSpelling(stemWord(joined)) : joined;
}

function pushCompound(out: Token[], raw: string, breakBefore: boolean): boolean {
  const isVersion = VERSION.test(raw);
  const whole = identifierWhole(raw, isVersion);
  const surface = raw.toLowerCase();
  let chained = false;
  if (whole !== null) {
    out.push({ term: whole, surface, isPart: false, breakBefore });
    chained = true;
  }
  if (isVersion) {
    const pieces = whole?.split('.') ?? [];
    // "2.7" also matches a post that names the exact release "2.7.3".
    if (pieces.length >= 3) out.push({ term: `${pieces[0]}.${pieces[1]}`, surface, isPart: true, breakBefore: false });
    return chained;
  }
  for (const part of identifierParts(raw, isVersion)) {
    if (part.term !== whole) out.push(part);
  }
  // A release named inside a longer token ("hadoop-2.7.3") still matches "2.7.3" and "2.7".
  for (const m of raw.matchAll(EMBEDDED_VERSION)) {
    out.push({ term: m[1], surface: m[1], isPart: true, breakBefore: false });
    if (m[2] !== undefined) out.push({ term: `${m[1].split('.').slice(0, 2).join('.')}`, surface: m[1], isPart: true, breakBefore: false });
  }
  return chained;
}

function pushCjk(out: Token[], raw: string, breakBefore: boolean): void {
  // No word segmentation offline: overlapping character bigrams are the standard fallback.
  const chars = [...raw.toLowerCase()];
  if (chars.length === 1) {
    out.push({ term: chars[0], surface: chars[0], isPart: false, breakBefore });
    return;
  }
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i] + chars[i + 1];
    out.push({ term: gram, surface: gram, isPart: false, breakBefore: breakBefore && i === 0 });
  }
}

/** Splits text into index terms: words are stemmed, stop words dropped, identifiers kept whole and split. */
export function tokenizeText(text: string): Token[] {
  const out: Token[] = [];
  let pendingBreak = false;
  let lastEnd = 0;
  for (const match of text.matchAll(RAW_TOKEN)) {
    if (SENTENCE_BREAK.test(text.slice(lastEnd, match.index))) pendingBreak = true;
    lastEnd = match.index + match[0].length;
    const raw = match[0].replace(/['’]s$/i, '').replace(/['’]/g, '');
    if (raw.length === 0) continue;
    let chained = true;
    if (CJK.test(raw)) {
      pushCjk(out, raw, pendingBreak);
    } else if (LETTERS_ONLY.test(raw) && !CAMEL_HUMP.test(raw)) {
      const lower = raw.toLowerCase();
      if (isStopWord(lower) || lower.length > MAX_TERM_LENGTH) continue;
      out.push({ term: normalizeWord(lower), surface: lower, isPart: false, breakBefore: pendingBreak });
    } else if (DIGITS.test(raw)) {
      if (raw.length > MAX_NUMBER_LENGTH) continue;
      out.push({ term: raw, surface: raw, isPart: false, breakBefore: pendingBreak });
    } else {
      chained = pushCompound(out, raw, pendingBreak);
    }
    if (chained) pendingBreak = false;
  }
  return out;
}
