import { mapInGroups, ObjectNotFoundError, type GitObject, type GitStore, type Oid } from '../store/index.ts';

/** Bases read (and so hashed, as every read is) at once: a few hundred KB of hashing at most. */
const BASE_GROUP = 16;

/**
 * A stored object that a thin pack's delta is based on (a fetched pack's or a bundle's):
 * `undefined` when this device lacks it, so the pack is refused as the sender's fault. One it
 * cannot read for a reason of its own (a corrupt object, a closed store) fails with that error,
 * never reported as a broken pack.
 */
export async function readLocalBase(store: GitStore, oid: Oid): Promise<GitObject | undefined> {
  try {
    return await store.objects.read(oid);
  } catch (error) {
    if (error instanceof ObjectNotFoundError) return undefined;
    throw error;
  }
}

/**
 * {@link readLocalBase} of many (a thin pack's bases), a group at a time so that their checks
 * never hold the page in one task.
 */
export function readLocalBases(store: GitStore, oids: readonly Oid[]): Promise<Array<GitObject | undefined>> {
  return resolveInGroups(oids, (oid) => readLocalBase(store, oid));
}

/** Lends `oids` through `resolve`, {@link BASE_GROUP} at a time, the page let through between. */
export function resolveInGroups<T>(oids: readonly Oid[], resolve: (oid: Oid) => Promise<T>): Promise<T[]> {
  return mapInGroups(oids, BASE_GROUP, resolve);
}
