import type { Oid, Repo } from '../../store/index.ts';
import type { PackObject } from '../protocol/index.ts';
import { BundleError } from './bundle-error.ts';
import { EMPTY_TREE_OID } from './empty-tree.ts';
import { listObjectLinks } from './object-links.ts';

/**
 * Refuses a bundle that leaves holes: every ref's object, and every object the packed commits,
 * trees and tags point to, must be in the pack or already in the store, the empty tree aside
 * (git's connectivity check, limited to the pack; the store is complete below what it holds).
 * A link to a packed object of the wrong type (a commit whose tree is a blob) is refused as
 * well. Reads nothing but one `objects.missing` call; writes nothing.
 */
export async function checkBundleConnectivity(repo: Repo, objects: readonly PackObject[], tips: readonly Oid[]): Promise<void> {
  const byId = new Map<Oid, PackObject>(objects.map((object) => [object.oid, object]));
  const outside = new Set<Oid>();
  for (const tip of tips) if (!byId.has(tip)) outside.add(tip);
  for (const { oid, type, content } of objects) {
    for (const link of listObjectLinks(oid, { type, content })) {
      const target = byId.get(link.oid);
      if (target === undefined) outside.add(link.oid);
      else if (target.type !== link.type) {
        throw new BundleError('corrupt', `its ${type} ${oid} points to ${link.oid} as a ${link.type}, but that object is a ${target.type}`);
      }
    }
  }
  outside.delete(EMPTY_TREE_OID); // always there, as in git
  const [missing] = await repo.objects.missing([...outside]);
  if (missing !== undefined) {
    throw new BundleError('incomplete', `it needs object ${missing}, which neither the file nor this device has`);
  }
}
