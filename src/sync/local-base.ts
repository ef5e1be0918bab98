import { ObjectNotFoundError, type GitObject, type GitStore, type Oid } from '../store/index.ts';

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
