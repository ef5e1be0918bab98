import type { GitObject, Oid, Repo } from '../../store/index.ts';

/**
 * The tree with no entries, the same id in every git repository. Git treats it as always
 * present, and so does the store: a commit may name it without it being stored (a branch whose
 * last file was removed). A bundle must carry it all the same, and may count on the receiver
 * having it.
 */
export const EMPTY_TREE_OID = '4b825dc642cb6eb9a060e54bf8d69288fbee4904' as Oid;

/** `repo.objects.read`, except that the empty tree is always there. */
export async function readObjectOrEmptyTree(repo: Repo, oid: Oid): Promise<GitObject> {
  if (oid === EMPTY_TREE_OID) return { type: 'tree', content: new Uint8Array() };
  return repo.objects.read(oid);
}
