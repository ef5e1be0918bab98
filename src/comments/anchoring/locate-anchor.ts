// Where a stored anchor points in the page as it is now, and the anchors a reader's selection or
// a block's count button make. Quotes and whole blocks alike are found by their words (a block
// id is only a hint: ids get renumbered), and placed under the block where the words start.
import type { Anchor } from '../record.ts';
import { matchQuote, type QuoteSelector } from './match-quote.ts';
import { normaliseSpace, type BlockSpan, type PageText } from './page-text.ts';
import { describeQuote } from './text-quote.ts';

/** Where an anchor lands in the current page. */
export type AnchorPlace =
  | { kind: 'page' }
  /** On a block; `range` is the quoted span when the anchor is a quote. */
  | { kind: 'block'; block: HTMLElement; range?: Range }
  /** The block or the quoted words are gone from the page. */
  | { kind: 'orphan' };

type QuoteAnchor = Extract<Anchor, { kind: 'quote' }>;
type BlockAnchor = Extract<Anchor, { kind: 'block' }>;

/** Places an anchor in `page`: by its words when it has them, else (an anchor of the first version) by block id. */
export function locateAnchor(anchor: Anchor, page: PageText): AnchorPlace {
  if (anchor.kind === 'page') return { kind: 'page' };
  if (anchor.exact === undefined) {
    const home = page.blocks.find((span) => span.element.id === anchor.block);
    return home ? { kind: 'block', block: home.element } : { kind: 'orphan' };
  }
  const selector: QuoteSelector = {
    exact: normaliseSpace(anchor.exact),
    prefix: normaliseSpace(anchor.prefix ?? '').slice(-64),
    suffix: normaliseSpace(anchor.suffix ?? '').slice(0, 64),
    ...(anchor.start === undefined ? {} : { start: anchor.start }),
  };
  // A quote of the first version had raw (unnormalised) context: a space at its inner edge matters.
  if (/\s$/.test(anchor.prefix ?? '')) selector.prefix += ' ';
  if (/^\s/.test(anchor.suffix ?? '')) selector.suffix = ` ${selector.suffix}`;
  const match = matchQuote(page.text, selector);
  const block = match && blockHolding(page, match.start, match.end);
  if (!match || !block) return { kind: 'orphan' };
  return anchor.kind === 'quote' ? { kind: 'block', block: block.element, range: page.rangeOf(match.start, match.end) } : { kind: 'block', block: block.element };
}

/** The block holding most of `start`..`end` (an approximate match may reach into a neighbour). */
function blockHolding(page: PageText, start: number, end: number): BlockSpan | undefined {
  let best: BlockSpan | undefined;
  let most = 0;
  for (let index = page.blocks.indexOf(page.blockAt(start) as BlockSpan); index >= 0 && index < page.blocks.length; index++) {
    const span = page.blocks[index] as BlockSpan;
    if (span.start >= end) break;
    const overlap = Math.min(end, span.end) - Math.max(start, span.start);
    if (overlap > most) [best, most] = [span, overlap];
  }
  return best;
}

/**
 * The anchor for a selected range: a quote of the page text it covers, hinted with the block it
 * starts in; `undefined` when it is empty or starts outside every block. A triple-click's range,
 * which ends at the start of the next block, is the paragraph it selected.
 */
export function anchorFromRange(range: Range, page: PageText): QuoteAnchor | undefined {
  if (range.collapsed) return undefined;
  const start = page.offsetOf(range.startContainer, range.startOffset);
  const end = page.offsetOf(range.endContainer, range.endOffset) ?? page.text.length;
  if (start === undefined || end <= start) return undefined;
  const quote = describeQuote(page.text, start, end);
  const block = quote && page.blockAt(quote.start);
  return quote && block ? { kind: 'quote', block: block.element.id, ...quote } : undefined;
}

/** The anchor of a comment on a whole block: its id, and its words with their context, to find it again. */
export function blockAnchor(element: HTMLElement, page: PageText): BlockAnchor {
  const span = page.blocks.find((candidate) => candidate.element === element);
  const quote = span && describeQuote(page.text, span.start, span.end);
  return quote ? { kind: 'block', block: element.id, ...quote } : { kind: 'block', block: element.id };
}
