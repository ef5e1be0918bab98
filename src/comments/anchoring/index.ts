/** Anchoring comments in the host page: blocks, text-quote selectors, exact and fuzzy re-finding. */
export { DEFAULT_BLOCK_SELECTOR, blockText, listBlocks, rangeOfSpan, textOffset } from './blocks.ts';
export { anchorFromRange, locateAnchor } from './locate-anchor.ts';
export type { AnchorPlace } from './locate-anchor.ts';
export { describeQuote, locateQuote } from './text-quote.ts';
export type { TextQuote, TextSpan } from './text-quote.ts';
