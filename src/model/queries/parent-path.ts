import type { Snapshot } from '../snapshot.ts';
import type { ItemRecord } from '../types.ts';
import { linkedParent } from './tree-index.ts';

/**
 * The items above `id`, from the top level down to its parent, following its `parent` links.
 * Stops at a link to a missing record and before an item comes round a second time, so a
 * cycle a merge made gives a finite chain. Empty for a top-level item or an unknown id.
 */
export function parentChain(snapshot: Snapshot, id: string): ItemRecord[] {
  const start = snapshot.records.get(id);
  if (start === undefined || start.kind === 'contact' || start.kind === 'context') return [];
  const seen = new Set([start.id]);
  const chain: ItemRecord[] = [];
  for (let parent = linkedParent(snapshot, start); parent !== undefined && !seen.has(parent.id); parent = linkedParent(snapshot, parent)) {
    seen.add(parent.id);
    chain.push(parent);
  }
  return chain.reverse();
}

/**
 * The names from the top level down to the parent of `id`, for breadcrumbs: a robust
 * {@link parentChain}, as names.
 *
 * @example
 * parentPath(snapshot, fileReturn.id); // ['Home', 'Taxes']
 */
export function parentPath(snapshot: Snapshot, id: string): string[] {
  return parentChain(snapshot, id).map((item) => item.name);
}
