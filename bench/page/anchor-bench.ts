// The anchoring bench, in the page: 100 comments made on one revision of a 100-paragraph chapter
// (selections, whole paragraphs, and a fifth with one-character context, the kind that once froze
// a tab), all anchored in a later revision with real edits: the page text built, then every
// anchor located, as one render of the widget does. Timed several times; the total per render.
import { anchorFromRange, blockAnchor, buildPageText, listBlocks, locateAnchor } from '../../src/comments/anchoring/index.ts';
import type { Anchor } from '../../src/comments/record.ts';
import { makeDocument, makeRevision, random, renderRevision, wordOffsets } from '../../test/comments-anchoring/revision-generator.ts';

/** What the page offers the driver for anchoring. */
export interface AnchorBenchPage {
  /** Per render, ms: build the page text and locate `comments` anchors on `paragraphs` paragraphs; also how many were placed. */
  timeAnchoring(paragraphs: number, comments: number, renders: number): Promise<{ totals: number[]; placed: number; comments: number; textLength: number }>;
}

function makeAnchors(host: HTMLElement, paragraphs: number, count: number, seed: number): { anchors: Anchor[]; after: string } {
  const before = makeDocument(seed, paragraphs);
  host.innerHTML = renderRevision(before);
  const page = buildPageText(listBlocks(host));
  const next = random(seed + 1);
  const anchors: Anchor[] = [];
  while (anchors.length < count) {
    const index = Math.floor(next() * before.paragraphs.length);
    const span = page.blocks[index];
    if (!span) continue;
    if (anchors.length % 4 === 0) {
      anchors.push(blockAnchor(span.element, page));
      continue;
    }
    const words = wordOffsets(before.paragraphs[index] ?? []);
    const first = Math.floor(next() * words.length);
    const last = Math.min(words.length - 1, first + Math.floor(next() * 12));
    const anchor = anchorFromRange(page.rangeOf(span.start + (words[first]?.start ?? 0), span.start + (words[last]?.end ?? 0)), page);
    if (!anchor) continue;
    // Every fifth with one character of context each side: the format allows it.
    anchors.push(anchors.length % 5 === 1 ? { ...anchor, prefix: anchor.prefix.slice(-1), suffix: anchor.suffix.slice(0, 1) } : anchor);
  }
  return { anchors, after: renderRevision(makeRevision(before, seed + 2)) };
}

export const anchorBench: AnchorBenchPage = {
  async timeAnchoring(paragraphs, comments, renders) {
    const host = document.createElement('article');
    document.body.append(host);
    try {
      const { anchors, after } = makeAnchors(host, paragraphs, comments, 12);
      host.innerHTML = after;
      const totals: number[] = [];
      let placed = 0;
      let textLength = 0;
      for (let render = 0; render < renders; render++) {
        const started = performance.now();
        const page = buildPageText(listBlocks(host));
        placed = anchors.filter((anchor) => locateAnchor(anchor, page).kind === 'block').length;
        totals.push(performance.now() - started);
        textLength = page.text.length;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      return { totals, placed, comments: anchors.length, textLength };
    } finally {
      host.remove();
    }
  },
};
