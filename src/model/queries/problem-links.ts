import { canHold } from '../guards.ts';
import { kindWithArticle, quoteName } from '../record-name.ts';
import { isItem, type Snapshot } from '../snapshot.ts';
import type { ItemRecord } from '../types.ts';
import { compareByName } from './collate.ts';
import { labelOf, recordProblem, type Problem } from './problem.ts';
import type { TreeIndex } from './tree-index.ts';

type Link = 'parent' | 'context' | 'contact';

const MISSING: Record<Link, string> = {
  parent: 'is inside an item that no longer exists',
  context: 'has a context that no longer exists',
  contact: 'names a contact that no longer exists',
};
const WRONG: Record<Link, string> = { parent: 'is inside', context: 'has the context', contact: 'names the contact' };
const WANTED: Record<Link, string> = { parent: 'item', context: 'context', contact: 'contact' };

/**
 * Links that lead nowhere or to the wrong kind of record ('dangling-link'), items inside one
 * that cannot hold them ('misplaced'), and cycles of parents ('parent-cycle', one per cycle,
 * on its first item by name).
 */
export function linkProblems(snapshot: Snapshot, index: TreeIndex): Problem[] {
  const out: Problem[] = [];
  for (const item of index.items) {
    const links: [Link, string | undefined][] = [['parent', item.parent], ['context', item.kind === 'action' ? item.context : undefined], ['contact', item.contact]];
    for (const [link, id] of links) {
      if (id === undefined) continue;
      const target = snapshot.records.get(id);
      if (target === undefined) out.push(recordProblem('dangling-link', item, `${labelOf(item)} ${MISSING[link]}.`));
      else if ((link === 'parent' ? isItem(target) : target.kind === link) === false) {
        out.push(recordProblem('dangling-link', item, `${labelOf(item)} ${WRONG[link]} ${quoteName(target.name)}, which is ${kindWithArticle(target.kind)}, not ${article(WANTED[link])}.`));
      } else if (link === 'parent' && isItem(target) && !canHold(target.kind, item.kind) && !index.onCycle.has(item.id)) {
        out.push(recordProblem('misplaced', item, `${labelOf(item)} is inside the ${target.kind} ${quoteName(target.name)}; ${kindWithArticle(item.kind)} cannot be inside ${kindWithArticle(target.kind)}.`));
      }
    }
  }
  return [...out, ...cycleProblems(snapshot, index)];
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

function cycleProblems(snapshot: Snapshot, index: TreeIndex): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const id of index.onCycle) {
    if (seen.has(id)) continue;
    const members: ItemRecord[] = [];
    let current = snapshot.records.get(id);
    while (isItem(current) && !seen.has(current.id)) {
      seen.add(current.id);
      members.push(current);
      current = current.parent === undefined ? undefined : snapshot.records.get(current.parent);
    }
    const [first, ...others] = members.sort(compareByName) as [ItemRecord, ...ItemRecord[]];
    const names = others.map((member) => quoteName(member.name)).join(', ');
    const message =
      others.length === 0
        ? `${labelOf(first)} is inside itself.`
        : `${labelOf(first)} and ${names} are inside each other, round in a circle.`;
    out.push(recordProblem('parent-cycle', first, message));
  }
  return out;
}
