// The page's commentable text as one whitespace-normalised string: each block's text with every
// run of whitespace made one space and its ends trimmed, blocks joined by one space. A re-wrapped
// line, an indented source or a paragraph split in two leaves this text as it was, so anchors
// (offsets and quotes into it) survive edits no reader can see. It maps back to the DOM both ways.

/** A block's place in the page text: `text.slice(start, end)` is its normalised text. */
export interface BlockSpan {
  element: HTMLElement;
  start: number;
  end: number;
}

/** The page text and its map to the DOM. */
export interface PageText {
  readonly text: string;
  readonly blocks: readonly BlockSpan[];
  /** The block whose text holds offset `at` (a separator belongs to the block after it). */
  blockAt(at: number): BlockSpan | undefined;
  /** The page-text offset of a DOM boundary point inside a block, or `undefined` outside them. */
  offsetOf(container: Node, offset: number): number | undefined;
  /** A DOM range over page-text offsets `start`..`end`. */
  rangeOf(start: number, end: number): Range;
}

const SPACE = /\s/;

/** Builds the page text of `blocks` (in document order). */
export function buildPageText(blocks: readonly HTMLElement[]): PageText {
  const nodes: Text[] = [];
  /** Per output character: its text node's index and the offset in that node. */
  const nodeOf: number[] = [];
  const offsetIn: number[] = [];
  const spans: BlockSpan[] = [];
  let text = '';
  for (const element of blocks) {
    if (text !== '') {
      text += ' ';
      nodeOf.push(-1);
      offsetIn.push(0);
    }
    const start = text.length;
    const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
    let pendingSpace = false;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const index = nodes.push(node) - 1;
      const data = node.data;
      for (let i = 0; i < data.length; i++) {
        const char = data[i] as string;
        if (SPACE.test(char)) {
          pendingSpace = text.length > start;
          continue;
        }
        if (pendingSpace) {
          text += ' ';
          nodeOf.push(index);
          offsetIn.push(i);
          pendingSpace = false;
        }
        text += char;
        nodeOf.push(index);
        offsetIn.push(i);
      }
    }
    spans.push({ element, start, end: text.length });
  }

  const blockAt = (at: number): BlockSpan | undefined => {
    let low = 0;
    let high = spans.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((spans[mid] as BlockSpan).start <= at) low = mid;
      else high = mid - 1;
    }
    const span = spans[low];
    if (span && at >= span.end && at < text.length) return spans[low + 1] ?? span;
    return span;
  };

  const offsetOf = (container: Node, offset: number): number | undefined => {
    const block = spans.find((span) => span.element === container || span.element.contains(container));
    if (!block) return undefined;
    const node = nodes.indexOf(container as Text);
    if (node >= 0) {
      // Within a block, characters go in node order then offset order: search.
      let low = block.start;
      let high = block.end;
      while (low < high) {
        const mid = (low + high) >> 1;
        const at = nodeOf[mid] as number;
        if (at < node || (at === node && (offsetIn[mid] as number) < offset)) low = mid + 1;
        else high = mid;
      }
      return low;
    }
    const probe = container.ownerDocument?.createRange();
    if (!probe) return undefined;
    probe.setStart(container, offset);
    // The first character at or after the boundary point.
    for (let at = block.start; at < block.end; at++) {
      const node = nodes[nodeOf[at] as number] as Text;
      if (nodeOf[at] !== -1 && probe.comparePoint(node, offsetIn[at] as number) >= 0) return at;
    }
    return block.end;
  };

  const rangeOf = (start: number, end: number): Range => {
    const range = (blocks[0]?.ownerDocument ?? document).createRange();
    const point = (at: number, edge: 'start' | 'end'): [Node, number] | undefined => {
      // The end of a span is just after its last character; a separator is skipped over.
      const step = edge === 'start' ? 1 : -1;
      let index = edge === 'start' ? at : at - 1;
      while (index >= 0 && index < text.length && nodeOf[index] === -1) index += step;
      const node = nodes[nodeOf[index] as number];
      if (node === undefined) return undefined;
      return [node, (offsetIn[index] as number) + (edge === 'end' ? 1 : 0)];
    };
    const from = point(start, 'start');
    const to = point(Math.max(start + 1, end), 'end');
    if (from) range.setStart(...from);
    if (to) range.setEnd(...to);
    return range;
  };

  return { text, blocks: spans, blockAt, offsetOf, rangeOf };
}

/** `text` as the page text has it: whitespace runs as one space, no space at the ends. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
