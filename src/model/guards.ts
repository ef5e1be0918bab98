import { compareByName, kindWithArticle, nameList, quoteName } from './record-name.ts';
import { childrenByParent, isItem, type Snapshot } from './snapshot.ts';
import type { ItemKind, ItemRecord } from './types.ts';

/**
 * Guards: may this change be made? Each answers `{ ok: true }` or a reason in words for the
 * person; the commands throw a ModelError with that reason when a guard says no.
 *
 * The rules of the tree:
 * - an area may hold areas, projects and actions; a project may hold projects and actions;
 *   an action holds nothing;
 * - so an area sits at the top level or in an area; projects and actions anywhere but in an
 *   action;
 * - no item is inside itself, however deep (no cycles).
 */
export type GuardResult = { ok: true } | { ok: false; reason: string };

const OK: GuardResult = { ok: true };
const no = (reason: string): GuardResult => ({ ok: false, reason });

const HOLDS: Record<ItemKind, ReadonlySet<ItemKind>> = {
  area: new Set(['area', 'project', 'action']),
  project: new Set(['project', 'action']),
  action: new Set(),
};

/** True when an item of kind `parent` may hold one of kind `child`. */
export function canHold(parent: ItemKind, child: ItemKind): boolean {
  return HOLDS[parent].has(child);
}

/** Every item under `id`, at any depth (stops at cycles a merge may have made). */
export function descendantsOf(snapshot: Snapshot, id: string): ItemRecord[] {
  const children = childrenByParent(snapshot);
  const out: ItemRecord[] = [];
  const seen = new Set([id]);
  const queue = [id];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of children.get(next) ?? []) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      out.push(child);
      queue.push(child.id);
    }
  }
  return out;
}

/** True when `ancestorId` is `id` or one of its ancestors. */
function isSelfOrAncestor(snapshot: Snapshot, ancestorId: string, id: string): boolean {
  const seen = new Set<string>();
  for (let current: string | undefined = id; current !== undefined && !seen.has(current); ) {
    if (current === ancestorId) return true;
    seen.add(current);
    const record = snapshot.records.get(current);
    current = isItem(record) ? record.parent : undefined;
  }
  return false;
}

/**
 * May `item` (in the snapshot or about to be) sit inside `parentId`? `undefined` is the top
 * level, which takes any item. The parent must be an area or project able to hold the kind,
 * and must not be the item or inside it.
 */
export function canPlace(snapshot: Snapshot, item: { id: string; kind: ItemKind; name: string }, parentId: string | undefined): GuardResult {
  if (parentId === undefined) return OK;
  const parent = snapshot.records.get(parentId);
  if (parent === undefined) return no(`There is no item with id ${parentId} to put ${quoteName(item.name)} in.`);
  if (!isItem(parent) || parent.kind === 'action') {
    return no(`${quoteName(parent.name)} is ${kindWithArticle(parent.kind)}; only areas and projects can hold items.`);
  }
  if (!canHold(parent.kind, item.kind)) {
    return no(`${quoteName(parent.name)} is a project; a project cannot hold an area.`);
  }
  if (isSelfOrAncestor(snapshot, item.id, parentId)) {
    return parent.id === item.id
      ? no(`${quoteName(item.name)} cannot be inside itself.`)
      : no(`${quoteName(parent.name)} is inside ${quoteName(item.name)}; an item cannot be moved inside itself.`);
  }
  return OK;
}

/** May item `id` move to `newParent` (`undefined`: the top level)? See {@link canPlace}. */
export function canMove(snapshot: Snapshot, id: string, newParent: string | undefined): GuardResult {
  const item = snapshot.records.get(id);
  if (!isItem(item)) return no(`There is no item with id ${id}.`);
  return canPlace(snapshot, item, newParent);
}

/**
 * May item `id` become a `toKind`? Refused when it already is one; when it would break the
 * rules of the tree: an item with anything inside cannot become an action, an area holding
 * areas cannot become a project, and an item inside a project cannot become an area (move
 * it to an area or the top level first).
 */
export function canConvert(snapshot: Snapshot, id: string, toKind: ItemKind): GuardResult {
  const item = snapshot.records.get(id);
  if (!isItem(item)) return no(`There is no item with id ${id}.`);
  const name = quoteName(item.name);
  if (item.kind === toKind) return no(`${name} is already ${kindWithArticle(toKind)}.`);
  const inside = descendantsOf(snapshot, id);
  const children = inside.filter((child) => child.parent === id);
  if (toKind === 'action' && children.length > 0) {
    return no(`${name} holds ${countItems(inside.length)}; an action cannot hold any. Move or delete them first.`);
  }
  const blocked = children.filter((child) => !canHold(toKind, child.kind)).sort(compareByName);
  if (blocked.length > 0) return no(`${name} holds the area${blocked.length > 1 ? 's' : ''} ${nameList(blocked)}; a project cannot hold an area.`);
  const parent = item.parent === undefined ? undefined : snapshot.records.get(item.parent);
  if (isItem(parent) && !canHold(parent.kind, toKind)) {
    return no(`${name} is inside the ${parent.kind} ${quoteName(parent.name)}; ${kindWithArticle(toKind)} cannot be inside ${kindWithArticle(parent.kind)}. Move it first.`);
  }
  return OK;
}

/** The items that name contact or context `id` (in `contact` or `context`), by name. */
export function findReferences(snapshot: Snapshot, id: string): ItemRecord[] {
  const users: ItemRecord[] = [];
  for (const record of snapshot.records.values()) {
    if (!isItem(record)) continue;
    if (record.contact === id || (record.kind === 'action' && record.context === id)) users.push(record);
  }
  return users.sort(compareByName);
}

/** Options of {@link canDelete} and the delete command. */
export interface DeleteOptions {
  /** Delete an item with everything inside it. */
  recursive?: boolean;
}

/**
 * May record `id` be deleted? A contact or context still in use is refused, naming its users
 * ('Cannot delete “Alice”: used by “Call bank”, “Taxes”.'); an item with items inside is
 * refused, naming how many, unless `recursive`.
 */
export function canDelete(snapshot: Snapshot, id: string, options: DeleteOptions = {}): GuardResult {
  const record = snapshot.records.get(id);
  if (record === undefined) return no(`There is no record with id ${id}.`);
  if (!isItem(record)) {
    const users = findReferences(snapshot, id);
    return users.length > 0 ? no(`Cannot delete ${quoteName(record.name)}: used by ${nameList(users)}.`) : OK;
  }
  const inside = descendantsOf(snapshot, id);
  if (inside.length > 0 && !options.recursive) return no(`Cannot delete ${quoteName(record.name)}: it holds ${countItems(inside.length)}.`);
  return OK;
}

/** "1 item", "3 items". */
export function countItems(count: number): string {
  return count === 1 ? '1 item' : `${count} items`;
}
