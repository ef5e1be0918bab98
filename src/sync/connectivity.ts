import { decodeCommit, decodeTree, FILE_MODE, type Oid, type Repo } from '../store/index.ts';
import { ProtocolError, type PackObject } from './protocol/index.ts';

/**
 * Refuses a fetched pack that leaves holes: every object its commits and trees point to must
 * be in the pack or already in the store (git's connectivity check, limited to the pack, so
 * the cost follows what was fetched). Throws ProtocolError naming a missing object.
 */
export async function checkConnectivity(repo: Repo, objects: readonly PackObject[], wanted: Oid): Promise<void> {
  const inPack = new Set<Oid>(objects.map(({ oid }) => oid));
  const outside = new Set<Oid>();
  const need = (oid: Oid): void => {
    if (!inPack.has(oid)) outside.add(oid);
  };
  need(wanted);
  for (const { type, content } of objects) {
    if (type === 'commit') {
      const commit = decodeCommit(content);
      need(commit.tree);
      commit.parents.forEach(need);
    } else if (type === 'tree') {
      for (const entry of decodeTree(content)) if (entry.mode !== FILE_MODE.gitlink) need(entry.oid);
    }
  }
  const [missing] = await repo.objects.missing([...outside]);
  if (missing !== undefined) {
    throw new ProtocolError('pack', `it refers to object ${missing}, which neither the pack nor this device has`);
  }
}
