// Finding a text-quote selector (W3C Web Annotation: exact words, a little context each side, a
// position hint) in the page text as it is now, in bounded time whatever the quote: its exact
// words first; then an approximate match (Myers' bit-parallel algorithm, `approx-string-match`)
// inside a window near the position hint and inside windows seeded by exact occurrences of
// pieces of the quote; each candidate scored by how well the quote, its context and its position
// agree. A candidate the evidence does not clearly support is no match: orphan, never misplace.
import search from 'approx-string-match';
import { editDistance } from './edit-distance.ts';

/** What is looked for; all text whitespace-normalised. */
export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
  /** Where the quote started in the page text when it was made. */
  start?: number;
}

/** A match: `text.slice(start, end)`. */
export interface QuoteMatch {
  start: number;
  end: number;
  /** Edits between the quote and the matched words. */
  errors: number;
}

/** The share of a quote's characters that may differ in an approximate match. */
const ERROR_SHARE = 0.2;
/** Occurrences of the exact words considered at most. */
const MAX_EXACT = 64;
/** Seeded windows searched at most per quote. */
const MAX_WINDOWS = 12;
/** A seed piece found more often than this says nothing about where the quote is. */
const MAX_SEED_HITS = 8;

/** The best match of `quote` in `text`, or `undefined` when the text no longer clearly holds it. */
export function matchQuote(text: string, quote: QuoteSelector): QuoteMatch | undefined {
  const { exact } = quote;
  if (exact === '' || text === '') return undefined;
  const exactHits: QuoteMatch[] = [];
  for (let at = text.indexOf(exact); at !== -1 && exactHits.length < MAX_EXACT; at = text.indexOf(exact, at + 1)) {
    exactHits.push({ start: at, end: at + exact.length, errors: 0 });
  }
  if (exactHits.length > 0) {
    const best = pickBest(text, quote, exactHits);
    if (best && acceptable(quote, best, exactHits.length === 1)) return best.match;
  }
  const bracketed = matchBetween(text, quote);
  if (bracketed) return bracketed;
  const maxErrors = Math.floor(exact.length * ERROR_SHARE);
  if (maxErrors === 0) return undefined;
  const candidates: QuoteMatch[] = [];
  for (const [from, to] of searchWindows(text, quote, maxErrors)) {
    for (const hit of search(text.slice(from, to), exact, maxErrors)) candidates.push({ start: hit.start + from, end: hit.end + from, errors: hit.errors });
  }
  const best = pickBest(text, quote, trimAll(text, candidates));
  return best && acceptable(quote, best, false) ? best.match : undefined;
}

/** Context this long on both sides, both found intact, is strong evidence of its own. */
const MIN_BRACKET = 6;

/**
 * The words between the quote's intact prefix and suffix, when they are there with at most half
 * the quote changed (an edit inside a sentence whose surroundings stayed).
 */
function matchBetween(text: string, quote: QuoteSelector): QuoteMatch | undefined {
  const { exact, prefix, suffix } = quote;
  if (prefix.length < MIN_BRACKET || suffix.length < MIN_BRACKET) return undefined;
  const maxErrors = Math.floor(exact.length / 2);
  let best: QuoteMatch | undefined;
  let tried = 0;
  for (let at = text.indexOf(prefix); at !== -1 && tried < MAX_SEED_HITS; at = text.indexOf(prefix, at + 1), tried++) {
    const start = at + prefix.length;
    const end = text.indexOf(suffix, start);
    if (end === -1 || end - start > exact.length + maxErrors || end - start < exact.length - maxErrors) continue;
    const raw = text.slice(start, end);
    const between = raw.trim();
    const errors = editDistance(between, exact, maxErrors);
    const lead = raw.length - raw.trimStart().length;
    if (errors <= maxErrors && (!best || errors < best.errors)) best = { start: start + lead, end: start + lead + between.length, errors };
  }
  return best;
}

interface Scored {
  match: QuoteMatch;
  quote: number;
  /** Mean of the prefix's and the suffix's agreement. */
  context: number;
  /** The better of the two. */
  side: number;
  score: number;
}

/** Scores candidates (quote 50, prefix 20, suffix 20, position 2, as Hypothesis weighs them) and keeps the best. */
function pickBest(text: string, quote: QuoteSelector, candidates: readonly QuoteMatch[]): Scored | undefined {
  let best: Scored | undefined;
  for (const match of candidates) {
    const quoteScore = 1 - match.errors / quote.exact.length;
    const prefixScore = contextScore(quote.prefix, text.slice(Math.max(0, match.start - quote.prefix.length - 4), match.start), 'before', match.start === 0);
    const suffixScore = contextScore(quote.suffix, text.slice(match.end, match.end + quote.suffix.length + 4), 'after', match.end === text.length);
    const position = quote.start === undefined ? 1 : 1 - Math.min(1, Math.abs(match.start - quote.start) / Math.max(1, text.length));
    const score = 50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * position;
    if (!best || score > best.score) best = { match, quote: quoteScore, context: (prefixScore + suffixScore) / 2, side: Math.max(prefixScore, suffixScore), score };
  }
  return best;
}

/**
 * How well stored context agrees with the text beside a match, 0 to 1: the longest common run
 * from the match outwards, allowing a few edits. Empty context means the quote sat at the page's
 * edge: full marks there, half elsewhere (it says nothing).
 */
function contextScore(stored: string, beside: string, side: 'before' | 'after', atEdge: boolean): number {
  if (stored === '') return atEdge ? 1 : 0.5;
  const allowed = Math.floor(stored.length / 4);
  const hits = search(beside, stored, allowed);
  let best = 0;
  for (const hit of hits) {
    const gap = side === 'before' ? beside.length - hit.end : hit.start;
    if (gap <= 4) best = Math.max(best, 1 - (hit.errors + gap) / stored.length);
  }
  return best;
}

/**
 * Orphan rather than misplace: a match stands when the context agrees (both sides fairly, or
 * one side almost wholly), or the quote alone is distinctive (long, or the one exact occurrence
 * of a longer phrase) and nearly intact.
 */
function acceptable(quote: QuoteSelector, best: Scored, unique: boolean): boolean {
  const length = quote.exact.length;
  if (best.match.errors === 0) return best.context >= 0.5 || length >= 32 || (unique && length >= 12);
  const context = best.context >= 0.6 || (best.side >= 0.9 && length >= 12) || (length >= 48 && best.quote >= 0.9 && best.context >= 0.25);
  return best.quote >= 1 - ERROR_SHARE && context;
}

/** Windows of the text where an approximate match may be: near the hint, and around exact pieces of the quote or its context. */
function searchWindows(text: string, quote: QuoteSelector, maxErrors: number): Array<[number, number]> {
  const length = quote.exact.length;
  const slack = maxErrors + 8;
  const windows: Array<[number, number]> = [];
  if (quote.start !== undefined) windows.push([quote.start - 2 * length - 64, quote.start + 3 * length + 64]);
  const pieceLength = Math.max(8, Math.min(32, Math.floor(length / (Math.min(maxErrors, 15) + 1))));
  const seeds: Array<{ piece: string; offset: number }> = [];
  for (let offset = 0; offset + pieceLength <= length; offset += pieceLength) seeds.push({ piece: quote.exact.slice(offset, offset + pieceLength), offset });
  if (quote.prefix.length >= 8) seeds.push({ piece: quote.prefix.slice(-8), offset: -8 });
  if (quote.suffix.length >= 8) seeds.push({ piece: quote.suffix.slice(0, 8), offset: length });
  const hits: number[] = [];
  for (const { piece, offset } of seeds) {
    const found: number[] = [];
    for (let at = text.indexOf(piece); at !== -1 && found.length <= MAX_SEED_HITS; at = text.indexOf(piece, at + 1)) found.push(at - offset);
    if (found.length <= MAX_SEED_HITS) hits.push(...found);
  }
  // Hits within a quote's length of each other point at one place; the places most pieces agree on go first.
  const places: Array<{ from: number; to: number; votes: number }> = [];
  for (const at of hits.sort((a, b) => a - b)) {
    const last = places.at(-1);
    if (last && at - last.to <= length) {
      last.to = at;
      last.votes++;
    } else places.push({ from: at, to: at, votes: 1 });
  }
  for (const place of places.sort((a, b) => b.votes - a.votes).slice(0, MAX_WINDOWS)) windows.push([place.from - slack, place.to + length + slack]);
  return mergeWindows(windows.map(([from, to]) => [Math.max(0, from), Math.min(text.length, to)] as [number, number]));
}

function mergeWindows(windows: Array<[number, number]>): Array<[number, number]> {
  const sorted = windows.filter(([from, to]) => to > from).sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const window of sorted) {
    const last = merged.at(-1);
    if (last && window[0] <= last[1]) last[1] = Math.max(last[1], window[1]);
    else merged.push([...window]);
  }
  return merged;
}

/** Matches without whitespace at their ends (a window may take in a space). */
function trimAll(text: string, matches: readonly QuoteMatch[]): QuoteMatch[] {
  return matches.map(({ start, end, errors }) => {
    while (start < end && text[start] === ' ') start++;
    while (end > start && text[end - 1] === ' ') end--;
    return { start, end, errors };
  });
}
