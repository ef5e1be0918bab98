// Finding where a stored anchor points in the page as it is now, and making an anchor from a
// reader's selection.
import type { Anchor } from '../record.ts';
import { blockText, rangeOfSpan, textOffset } from './blocks.ts';
import { describeQuote, locateQuote } from './text-quote.ts';

/** Where an anchor lands in the current page. */
export type AnchorPlace =
  | { kind: 'page' }
  /** On a block; `range` is the quoted span when the anchor is a quote. */
  | { kind: 'block'; block: HTMLElement; range?: Range }
  /** The block or the quoted words are gone from the page. */
  | { kind: 'orphan' };

/**
 * Places an anchor among `blocks`: a block anchor by id; a quote in its own block first, then in
 * any block (the paragraph may have been split or renumbered), exact before fuzzy per block.
 */
export function locateAnchor(anchor: Anchor, blocks: readonly HTMLElement[]): AnchorPlace {
  if (anchor.kind === 'page') return { kind: 'page' };
  const home = anchor.block === undefined ? undefined : blocks.find((block) => block.id === anchor.block);
  if (anchor.kind === 'block') return home ? { kind: 'block', block: home } : { kind: 'orphan' };
  const order = home ? [home, ...blocks.filter((block) => block !== home)] : blocks;
  for (const block of order) {
    const span = locateQuote(blockText(block), anchor);
    if (span) return { kind: 'block', block, range: rangeOfSpan(block, span.start, span.end) };
  }
  return { kind: 'orphan' };
}

/**
 * The anchor for a selected range: a quote inside the one block that holds the whole range, or
 * `undefined` when the range is empty or spans several blocks or none.
 */
export function anchorFromRange(range: Range, blocks: readonly HTMLElement[]): Extract<Anchor, { kind: 'quote' }> | undefined {
  if (range.collapsed) return undefined;
  const block = blocks.find((candidate) => candidate.contains(range.startContainer) && candidate.contains(range.endContainer));
  if (!block) return undefined;
  const text = blockText(block);
  const quote = describeQuote(text, textOffset(block, range.startContainer, range.startOffset), textOffset(block, range.endContainer, range.endOffset));
  return quote ? { kind: 'quote', block: block.id, ...quote } : undefined;
}
