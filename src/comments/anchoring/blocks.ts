// The host page's blocks a comment can point at: paragraphs and headings with ids, or what the
// element's `selector` attribute names. DOM reads only; nothing here changes the page.

/** Paragraphs and headings that carry an id. */
export const DEFAULT_BLOCK_SELECTOR = 'p[id], h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]';

/** The blocks of `root` matching `selector` that have an id, in document order. */
export function listBlocks(root: ParentNode, selector: string = DEFAULT_BLOCK_SELECTOR): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(selector)].filter((element) => element.id !== '');
}

/** A block's text as a reader sees it (the widget's own markers hold none of it). */
export function blockText(block: Element): string {
  return block.textContent ?? '';
}

/** The text nodes of `block` in order, each with the offset of its first character. */
function textNodes(block: Element): Array<{ node: Text; offset: number }> {
  const walker = block.ownerDocument.createTreeWalker(block, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Array<{ node: Text; offset: number }> = [];
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push({ node: node as Text, offset });
    offset += (node as Text).data.length;
  }
  return nodes;
}

/** The character offset within `block`'s text of a DOM boundary point inside it. */
export function textOffset(block: Element, container: Node, offset: number): number {
  const range = block.ownerDocument.createRange();
  range.selectNodeContents(block);
  range.setEnd(container, offset);
  return range.toString().length;
}

/** A DOM range over characters `start`..`end` of `block`'s text. */
export function rangeOfSpan(block: Element, start: number, end: number): Range {
  const range = block.ownerDocument.createRange();
  const nodes = textNodes(block);
  const place = (at: number, setter: (node: Node, offset: number) => void): void => {
    const hit = nodes.findLast((entry) => entry.offset <= at) ?? nodes[0];
    if (!hit) setter(block, 0);
    else setter(hit.node, Math.min(at - hit.offset, hit.node.data.length));
  };
  place(start, (node, offset) => range.setStart(node, offset));
  place(end, (node, offset) => range.setEnd(node, offset));
  return range;
}
