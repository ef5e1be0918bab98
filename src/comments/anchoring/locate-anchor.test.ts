// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { listBlocks } from './blocks.ts';
import { anchorFromRange, locateAnchor } from './locate-anchor.ts';

const PAGE = `
  <h2 id="packs">Pack files</h2>
  <p id="p1">Git stores <em>most</em> objects in pack files.</p>
  <p id="p2">A delta names its base by offset or by id.</p>
  <p>No id here, so no comments.</p>
  <div class="note" id="n1">A note block.</div>`;

function selectText(block: Element, words: string): Range {
  const text = block.textContent ?? '';
  const start = text.indexOf(words);
  const range = document.createRange();
  // Walk text nodes to the offsets, as a reader's mouse would place them.
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node as Text).data.length;
    if (start >= seen && start <= seen + length && range.startContainer === document) range.setStart(node, start - seen);
    if (start + words.length <= seen + length) {
      range.setEnd(node, start + words.length - seen);
      break;
    }
    seen += length;
  }
  return range;
}

describe('anchoring in a page', () => {
  beforeEach(() => {
    document.body.innerHTML = PAGE;
  });

  it('lists paragraphs and headings with ids, or what a selector names', () => {
    expect(listBlocks(document).map((block) => block.id)).toEqual(['packs', 'p1', 'p2']);
    expect(listBlocks(document, '.note').map((block) => block.id)).toEqual(['n1']);
  });

  it('turns a selection across inline markup into a quote of its block', () => {
    const block = document.getElementById('p1') as HTMLElement;
    const anchor = anchorFromRange(selectText(block, 'stores most objects'), listBlocks(document));
    expect(anchor).toEqual({ kind: 'quote', block: 'p1', exact: 'stores most objects', prefix: 'Git ', suffix: ' in pack files.' });
  });

  it('refuses a selection that spans two blocks', () => {
    const range = document.createRange();
    range.setStart(document.getElementById('p1')?.firstChild as Node, 2);
    range.setEnd(document.getElementById('p2')?.firstChild as Node, 3);
    expect(anchorFromRange(range, listBlocks(document))).toBeUndefined();
  });

  it('places block anchors by id and quotes as a range over the words', () => {
    const blocks = listBlocks(document);
    const place = locateAnchor({ kind: 'quote', block: 'p1', exact: 'stores most objects', prefix: 'Git ', suffix: ' in pack' }, blocks);
    expect(place.kind === 'block' && place.block.id).toBe('p1');
    expect(place.kind === 'block' && place.range?.toString()).toBe('stores most objects');
    expect(locateAnchor({ kind: 'block', block: 'p2' }, blocks)).toMatchObject({ kind: 'block', block: { id: 'p2' } });
  });

  it('follows a quote into another block when its paragraph was renamed or split', () => {
    document.getElementById('p2')?.setAttribute('id', 'p2-new');
    const place = locateAnchor({ kind: 'quote', block: 'p2', exact: 'names its base', prefix: 'A delta ', suffix: ' by offset' }, listBlocks(document));
    expect(place.kind === 'block' && place.block.id).toBe('p2-new');
  });

  it('re-finds a quote after a small edit of the page text', () => {
    const p1 = document.getElementById('p1') as HTMLElement;
    p1.innerHTML = 'Git stores <em>most</em> of its objects in pack files.';
    const place = locateAnchor({ kind: 'quote', block: 'p1', exact: 'most objects in pack', prefix: 'Git stores ', suffix: ' files.' }, listBlocks(document));
    expect(place.kind === 'block' && place.range?.toString()).toBe('most of its objects in pack');
  });

  it('calls anchors whose block or words are gone orphans', () => {
    const blocks = listBlocks(document);
    expect(locateAnchor({ kind: 'block', block: 'gone' }, blocks)).toEqual({ kind: 'orphan' });
    expect(locateAnchor({ kind: 'quote', block: 'p1', exact: 'loose objects forever', prefix: 'x', suffix: 'y' }, blocks)).toEqual({ kind: 'orphan' });
    expect(locateAnchor({ kind: 'page' }, blocks)).toEqual({ kind: 'page' });
  });
});
