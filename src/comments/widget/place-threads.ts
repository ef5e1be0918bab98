// Which part of the page each thread belongs to, as the page is now.
import { locateAnchor, type PageText } from '../anchoring/index.ts';
import type { ThreadEntry } from '../threads/index.ts';

/** Threads by where they show. */
export interface Placement {
  page: ThreadEntry[];
  byBlock: Map<HTMLElement, ThreadEntry[]>;
  /** Threads whose block or quoted words are gone: listed at the end, never hidden. */
  orphans: ThreadEntry[];
  /** The quoted spans still found, to highlight. */
  quotes: Range[];
}

/** Places each thread by its anchor in the page's text. */
export function placeThreads(threads: readonly ThreadEntry[], page: PageText): Placement {
  const placement: Placement = { page: [], byBlock: new Map(), orphans: [], quotes: [] };
  for (const thread of threads) {
    const place = locateAnchor(thread.anchor, page);
    if (place.kind === 'page') placement.page.push(thread);
    else if (place.kind === 'orphan') placement.orphans.push(thread);
    else {
      const list = placement.byBlock.get(place.block) ?? [];
      list.push(thread);
      placement.byBlock.set(place.block, list);
      if (place.range && thread.state === 'visible') placement.quotes.push(place.range);
    }
  }
  return placement;
}
