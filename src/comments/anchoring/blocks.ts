// The host page's blocks a comment can point at: paragraphs and headings with ids, or what the
// element's `selector` attribute names. DOM reads only; nothing here changes the page.

/** Paragraphs and headings that carry an id. */
export const DEFAULT_BLOCK_SELECTOR = 'p[id], h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]';

/** The blocks of `root` matching `selector` that have an id, in document order. */
export function listBlocks(root: ParentNode, selector: string = DEFAULT_BLOCK_SELECTOR): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(selector)].filter((element) => element.id !== '');
}
