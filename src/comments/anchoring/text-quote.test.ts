import { describe, expect, it } from 'vitest';
import { MAX_QUOTE_CONTEXT_LENGTH, MAX_QUOTE_LENGTH } from '../record.ts';
import { matchQuote, type QuoteSelector } from './match-quote.ts';
import { describeQuote } from './text-quote.ts';

const TEXT = 'A pack file holds objects. Each object in a pack file is compressed with zlib, and deltas point at a base.';

describe('describeQuote', () => {
  it('keeps the exact words with up to 32 characters of context either side', () => {
    const start = TEXT.indexOf('compressed');
    const quote = describeQuote(TEXT, start, start + 'compressed with zlib'.length);
    expect(quote).toEqual({ exact: 'compressed with zlib', prefix: '. Each object in a pack file is ', suffix: ', and deltas point at a base.', start });
  });

  it('drops whitespace at the ends, and gives nothing for a blank span', () => {
    expect(describeQuote('one  two  three', 3, 10)?.exact).toBe('two');
    expect(describeQuote('one   two', 3, 6)).toBeUndefined();
  });

  it('stays inside the record limits for long spans', () => {
    const long = 'word '.repeat(400);
    const quote = describeQuote(long, 100, 1900);
    expect(quote?.exact.length).toBeLessThanOrEqual(MAX_QUOTE_LENGTH);
    expect(quote?.prefix.length).toBeLessThanOrEqual(MAX_QUOTE_CONTEXT_LENGTH);
    expect(quote?.suffix.length).toBeLessThanOrEqual(MAX_QUOTE_CONTEXT_LENGTH);
  });
});

describe('matchQuote', () => {
  const quoteOf = (exact: string, text = TEXT) => {
    const start = text.indexOf(exact);
    const quote = describeQuote(text, start, start + exact.length);
    if (!quote) throw new Error('no quote');
    return quote;
  };
  const found = (text: string, quote: QuoteSelector) => {
    const match = matchQuote(text, quote);
    return match && text.slice(match.start, match.end);
  };

  it('finds the exact words in unchanged text', () => {
    expect(matchQuote(TEXT, quoteOf('deltas point'))).toEqual({ start: TEXT.indexOf('deltas point'), end: TEXT.indexOf('deltas point') + 12, errors: 0 });
  });

  it('picks the occurrence whose context matches when the words repeat', () => {
    const second = TEXT.lastIndexOf('pack file');
    const quote = describeQuote(TEXT, second, second + 'pack file'.length);
    expect(quote && matchQuote(TEXT, quote)?.start).toBe(second);
  });

  it('still finds exact words after text is inserted before them', () => {
    expect(found(`Background first. ${TEXT}`, quoteOf('compressed with zlib'))).toBe('compressed with zlib');
  });

  it('finds the quote approximately after a small edit inside it', () => {
    expect(found(TEXT.replace('compressed with zlib', 'compressed using zlib'), quoteOf('compressed with zlib'))).toBe('compressed using zlib');
  });

  it('finds a whole-paragraph quote (no context at all) after a one-letter typo fix', () => {
    const paragraph = 'Each object in a pack file is compresed with zlib, and deltas point at their bases.';
    const quote = { exact: paragraph, prefix: '', suffix: '', start: 0 };
    expect(found(paragraph.replace('compresed', 'compressed'), quote)).toBe(paragraph.replace('compresed', 'compressed'));
  });

  it('gives up when the words are gone, rather than placing them elsewhere', () => {
    expect(matchQuote(TEXT.replace('compressed with zlib', 'stored raw on disk'), quoteOf('compressed with zlib'))).toBeUndefined();
    expect(matchQuote('the cat sat on the mat', { exact: 'the', prefix: 'zzz ', suffix: ' qqq' })).toBeUndefined();
  });

  it('stays fast with one-character context on a long page (the quote that froze every tab)', () => {
    const page = Array.from({ length: 2000 }, (_, i) => `Sentence ${i} says a little about packs, trees and blobs.`).join(' ');
    // Every sentence nearly matches; the search is bounded by windows, and no single one is clearly it.
    expect(matchQuote(page, { exact: 'about packs, trees and blobz in', prefix: 'a', suffix: 's' })).toBeUndefined();
    expect(found(page, { exact: 'Sentence 1234 says a little about packs, trees and blobz', prefix: 's. ', suffix: '. Sentence 1235', start: page.indexOf('Sentence 1234') })).toBe('Sentence 1234 says a little about packs, trees and blobs');
  });
});
