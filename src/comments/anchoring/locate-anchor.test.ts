// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { listBlocks } from './blocks.ts';
import { anchorFromRange, blockAnchor, locateAnchor } from './locate-anchor.ts';
import { buildPageText } from './page-text.ts';

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

  it('turns a selection across inline markup into a quote of the page text, with its block and position', () => {
    const block = document.getElementById('p1') as HTMLElement;
    const page = buildPageText(listBlocks(document));
    const anchor = anchorFromRange(selectText(block, 'stores most objects'), page);
    expect(anchor).toEqual({ kind: 'quote', block: 'p1', exact: 'stores most objects', prefix: 'Pack files Git ', suffix: ' in pack files. A delta names it', start: page.text.indexOf('stores') });
  });

  it('takes a triple-click (which ends at the start of the next block) as the paragraph it selected', () => {
    const range = document.createRange();
    range.setStart(document.getElementById('p1')?.firstChild as Node, 0);
    range.setEnd(document.getElementById('p2') as Node, 0);
    expect(anchorFromRange(range, buildPageText(listBlocks(document)))).toMatchObject({ kind: 'quote', block: 'p1', exact: 'Git stores most objects in pack files.' });
  });

  it('keeps whole-block comments by their words: found again after an insertion above renumbers every id', () => {
    const page = buildPageText(listBlocks(document));
    const anchor = blockAnchor(document.getElementById('p2') as HTMLElement, page);
    expect(anchor).toMatchObject({ kind: 'block', block: 'p2', exact: 'A delta names its base by offset or by id.', prefix: expect.stringMatching(/pack files\. $/) });
    const old = document.getElementById('p2') as HTMLElement;
    old.id = 'p3';
    document.getElementById('p1')?.insertAdjacentHTML('afterend', '<p id="p2">A new paragraph, inserted.</p>');
    const place = locateAnchor(anchor, buildPageText(listBlocks(document)));
    expect(place.kind === 'block' && place.block).toBe(old);
    old.remove();
    expect(locateAnchor(anchor, buildPageText(listBlocks(document)))).toEqual({ kind: 'orphan' });
  });

  it('places quotes as a range over the words, and anchors of the first version by id', () => {
    const page = buildPageText(listBlocks(document));
    const place = locateAnchor({ kind: 'quote', block: 'p1', exact: 'stores most objects', prefix: 'Git ', suffix: ' in pack' }, page);
    expect(place.kind === 'block' && place.block.id).toBe('p1');
    expect(place.kind === 'block' && place.range?.toString()).toBe('stores most objects');
    expect(locateAnchor({ kind: 'block', block: 'p2' }, page)).toMatchObject({ kind: 'block', block: { id: 'p2' } });
  });

  it('ignores whitespace no reader sees: a re-wrapped source line', () => {
    const anchor = { kind: 'quote' as const, exact: 'names its base by offset', prefix: 'files. A delta ', suffix: ' or by id.' };
    (document.getElementById('p2') as HTMLElement).innerHTML = 'A delta names its\n      base by\toffset or by id.';
    const place = locateAnchor(anchor, buildPageText(listBlocks(document)));
    expect(place.kind === 'block' && place.range?.toString()).toBe('names its\n      base by\toffset');
  });

  it('re-finds a quote after a small edit of the page text', () => {
    const p1 = document.getElementById('p1') as HTMLElement;
    p1.innerHTML = 'Git stores <em>most</em> of its objects in pack files.';
    const place = locateAnchor({ kind: 'quote', block: 'p1', exact: 'most objects in pack', prefix: 'Git stores ', suffix: ' files.' }, buildPageText(listBlocks(document)));
    expect(place.kind === 'block' && place.range?.toString()).toBe('most of its objects in pack');
  });

  it('calls anchors whose block or words are gone orphans', () => {
    const page = buildPageText(listBlocks(document));
    expect(locateAnchor({ kind: 'block', block: 'gone' }, page)).toEqual({ kind: 'orphan' });
    expect(locateAnchor({ kind: 'quote', block: 'p1', exact: 'loose objects forever', prefix: 'x', suffix: 'y' }, page)).toEqual({ kind: 'orphan' });
    expect(locateAnchor({ kind: 'page' }, page)).toEqual({ kind: 'page' });
  });
});
