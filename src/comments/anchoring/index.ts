/** Anchoring comments in the host page: its normalised text, text-quote selectors, and finding them again. */
export { DEFAULT_BLOCK_SELECTOR, listBlocks } from './blocks.ts';
export { anchorFromRange, blockAnchor, locateAnchor } from './locate-anchor.ts';
export type { AnchorPlace } from './locate-anchor.ts';
export type { QuoteMatch, QuoteSelector } from './match-quote.ts';
export { buildPageText } from './page-text.ts';
export type { BlockSpan, PageText } from './page-text.ts';
