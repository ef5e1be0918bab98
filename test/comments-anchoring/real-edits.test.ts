// @vitest-environment jsdom
// Anchoring against real edits: comments made on one revision of a long document (selections of
// words, and whole paragraphs by their buttons) are placed in a later revision. Each must land on
// a paragraph that holds some of the words it quoted (as the two revisions alone say), or be an
// orphan; never on a wrong paragraph. And most whose words survived must be found.
import { describe, expect, it } from 'vitest';
import { anchorFromRange, blockAnchor, buildPageText, listBlocks, locateAnchor } from '../../src/comments/anchoring/index.ts';
import type { Anchor } from '../../src/comments/record.ts';
import { makeDocument, makeRevision, random, renderRevision, wordOffsets, type Revision } from './revision-generator.ts';

interface Made {
  anchor: Anchor;
  /** Origins of the words the anchor quoted. */
  quoted: Set<number>;
  /** Whether every quoted word is still there, unchanged and in one paragraph. */
  intact: boolean;
}

/** Comments on `revision` as the widget makes them: selections of 1-12 words and whole paragraphs. */
function makeComments(revision: Revision, seed: number, count: number): Made[] {
  document.body.innerHTML = renderRevision(revision);
  const page = buildPageText(listBlocks(document));
  const next = random(seed);
  const made: Made[] = [];
  for (let i = 0; i < count; i++) {
    const index = Math.floor(next() * revision.paragraphs.length);
    const element = document.getElementById(`${revision.idPrefix}-${index + 1}`) as HTMLElement;
    const words = wordOffsets(revision.paragraphs[index] ?? []);
    const span = page.blocks.find((block) => block.element === element);
    if (!span) continue;
    let anchor: Exclude<Anchor, { kind: 'page' }> | undefined;
    if (next() < 0.25) anchor = blockAnchor(element, page);
    else {
      const first = Math.floor(next() * words.length);
      const last = Math.min(words.length - 1, first + Math.floor(next() * 12));
      const range = page.rangeOf(span.start + (words[first]?.start ?? 0), span.start + (words[last]?.end ?? 0));
      anchor = anchorFromRange(range, page);
    }
    if (!anchor || anchor.exact === undefined || anchor.start === undefined) continue;
    const from = anchor.start - span.start;
    const to = from + anchor.exact.length;
    const quoted = new Set(words.filter((w) => w.end > from && w.start < to).map((w) => w.word.origin as number));
    made.push({ anchor, quoted, intact: false });
  }
  return made;
}

describe('anchors across real edits of a long document', () => {
  for (const seed of (process.env.ANCHOR_SEEDS ?? '1,2,3').split(',').map(Number)) {
    it(`seed ${seed}: every comment on a paragraph holding its words, or an orphan; most found`, () => {
      const before = makeDocument(seed, 80);
      const comments = makeComments(before, seed * 7919, 150);
      const after = makeRevision(before, seed * 104729);
      const originals = new Map(before.paragraphs.flat(2).map((w) => [w.origin as number, w.text]));
      for (const comment of comments) {
        const homes = after.paragraphs.filter((paragraph) => paragraph.flat().filter((w) => w.origin !== null && comment.quoted.has(w.origin) && w.text === originals.get(w.origin)).length === comment.quoted.size);
        comment.intact = homes.length === 1;
      }
      document.body.innerHTML = renderRevision(after);
      const page = buildPageText(listBlocks(document));
      let found = 0;
      let intact = 0;
      let intactFound = 0;
      for (const comment of comments) {
        const place = locateAnchor(comment.anchor, page);
        if (comment.intact) intact++;
        if (place.kind !== 'block') continue;
        found++;
        if (comment.intact) intactFound++;
        const index = Number(place.block.id.split('-')[1]) - 1;
        const holds = (after.paragraphs[index] ?? []).flat().some((w) => w.origin !== null && comment.quoted.has(w.origin));
        expect(holds, `seed ${seed}: "${'exact' in comment.anchor ? comment.anchor.exact : ''}" placed on ${place.block.id}, which holds none of its words`).toBe(true);
      }
      if (process.env.ANCHOR_SEEDS) console.log(`seed ${seed}: intact ${intactFound}/${intact}, placed ${found}/${comments.length}`);
      expect(intactFound / intact, `seed ${seed}: ${intactFound} of ${intact} intact quotes found (${found} of ${comments.length} placed)`).toBeGreaterThanOrEqual(0.9);
    });
  }
});
