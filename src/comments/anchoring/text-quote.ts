// Text-quote selectors (the W3C Web Annotation idea): a span of text is remembered as its exact
// words with a little context either side, so it can be found again after the page is edited.
// Pure string functions: no DOM.
import { MAX_QUOTE_CONTEXT_LENGTH, MAX_QUOTE_LENGTH } from '../record.ts';
import { editDistance } from './edit-distance.ts';

/** A span of text: the quote and its context, without the block it sits in. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Where a quote was found in a text: `text.slice(start, end)`. */
export interface TextSpan {
  start: number;
  end: number;
}

/** Context kept on each side of a quote; short enough for the record's limit. */
const CONTEXT = 32;
/** The share of a quote's characters that may differ for a fuzzy match to count. */
const FUZZ = 0.3;
/** The same share for words found between their unchanged prefix and suffix. */
const BRACKETED_FUZZ = 0.5;

/**
 * Describes `text.slice(start, end)` as a quote with up to 32 characters of context each side.
 * Whitespace at the span's ends is dropped; a span longer than the record allows is cut.
 * Returns `undefined` for a span with no visible text.
 */
export function describeQuote(text: string, start: number, end: number): TextQuote | undefined {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/.test(text[from] ?? '')) from++;
  while (to > from && /\s/.test(text[to - 1] ?? '')) to--;
  if (from === to) return undefined;
  to = Math.min(to, from + MAX_QUOTE_LENGTH);
  const context = Math.min(CONTEXT, MAX_QUOTE_CONTEXT_LENGTH);
  return { exact: text.slice(from, to), prefix: text.slice(Math.max(0, from - context), from), suffix: text.slice(to, to + context) };
}

/**
 * Finds a quote in `text`: first its exact words (the occurrence whose surroundings best match
 * the prefix and suffix), else a fuzzy match placed by the prefix and suffix that differs from
 * the quote in at most 30% of its characters (50% when both the prefix and the suffix match). `undefined` when the text no longer holds it.
 */
export function locateQuote(text: string, quote: TextQuote): TextSpan | undefined {
  return locateExact(text, quote) ?? locateFuzzy(text, quote);
}

function locateExact(text: string, quote: TextQuote): TextSpan | undefined {
  let best: { span: TextSpan; score: number } | undefined;
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    const end = at + quote.exact.length;
    const score = commonSuffix(text.slice(0, at), quote.prefix) + commonPrefix(text.slice(end), quote.suffix);
    if (!best || score > best.score) best = { span: { start: at, end }, score };
  }
  return best?.span;
}

function locateFuzzy(text: string, quote: TextQuote): TextSpan | undefined {
  const length = quote.exact.length;
  const limit = Math.floor(length * FUZZ);
  // Words held between the exact prefix and suffix may have changed more than a quote found by
  // one side alone: both sides agreeing is strong evidence.
  const bracketed = Math.floor(length * BRACKETED_FUZZ);
  const candidates: Array<{ span: TextSpan; limit: number; rank: number }> = [];
  const starts = quote.prefix === '' ? [] : occurrences(text, quote.prefix).map((at) => at + quote.prefix.length);
  const ends = quote.suffix === '' ? [] : occurrences(text, quote.suffix);
  for (const start of starts) {
    const end = ends.find((at) => at >= start && Math.abs(at - start - length) <= bracketed);
    if (end !== undefined) candidates.push({ span: { start, end }, limit: bracketed, rank: 0 });
    candidates.push({ span: { start, end: Math.min(text.length, start + length) }, limit, rank: 1 });
  }
  for (const end of ends) candidates.push({ span: { start: Math.max(0, end - length), end }, limit, rank: 1 });
  // Bracketed candidates win over one-sided ones; then the fewest edits.
  let best: { span: TextSpan; rank: number; distance: number } | undefined;
  for (const candidate of candidates) {
    const span = trimSpan(text, candidate.span);
    const distance = editDistance(text.slice(span.start, span.end), quote.exact, candidate.limit);
    if (distance > candidate.limit) continue;
    if (!best || candidate.rank < best.rank || (candidate.rank === best.rank && distance < best.distance)) best = { span, rank: candidate.rank, distance };
  }
  return best?.span;
}

/** The span without whitespace at its ends (a window placed by length may take in a space). */
function trimSpan(text: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
