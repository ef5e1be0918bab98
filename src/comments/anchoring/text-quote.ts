// Describing a span of the page text as a text-quote selector: its exact words (whitespace
// trimmed, at most the record's limit), up to 32 characters of context each side, and where it
// starts (a text-position hint). Pure string functions over the normalised page text.
import { MAX_QUOTE_CONTEXT_LENGTH, MAX_QUOTE_LENGTH } from '../record.ts';
import type { QuoteSelector } from './match-quote.ts';

/** Context kept on each side of a quote; short enough for the record's limit. */
const CONTEXT = 32;

/**
 * Describes `text.slice(start, end)`: whitespace at its ends is dropped, a span longer than the
 * record allows is cut. `undefined` for a span with no visible text.
 */
export function describeQuote(text: string, start: number, end: number): Required<QuoteSelector> | undefined {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/.test(text[from] ?? '')) from++;
  while (to > from && /\s/.test(text[to - 1] ?? '')) to--;
  if (from === to) return undefined;
  to = Math.min(to, from + MAX_QUOTE_LENGTH);
  const context = Math.min(CONTEXT, MAX_QUOTE_CONTEXT_LENGTH);
  return { exact: text.slice(from, to), prefix: text.slice(Math.max(0, from - context), from), suffix: text.slice(to, to + context), start: from };
}
