import { FILE_MODE, isTreeMode, type Oid, type Repo, type TreeEntry } from '../store/index.ts';
import { contentOfType, decodePackCommit, decodePackTree, type PackedObject } from './pack-objects.ts';
import { ParentEntries } from './parent-entries.ts';
import { changedEntries, type ChangedEntry } from './tree-changes.ts';
import { ProtocolError } from './protocol/index.ts';


/** A pack tree to check, with the trees at the same path in its commit's parents. */
interface Pending {
  tree: Oid;
  parents: Oid[];
}

/**
 * Refuses a fetched pack that leaves holes: everything the pack's commits and trees point to
 * must be in the pack or already stored (git's connectivity check). Each commit's trees are
 * compared with its parents' trees level by level, and an entry equal to a parent's is known
 * present without a look-up, so the cost follows what changed, not the size of the trees.
 */
export async function checkConnectivity(repo: Repo, objects: readonly PackedObject[], wanted: Oid): Promise<void> {
  const pack = new Map<Oid, PackedObject>(objects.map((object) => [object.oid, object]));
  const decoded = new Map<Oid, readonly TreeEntry[]>();
  const outside = new Set<Oid>();
  const need = (oid: Oid): void => {
    if (!pack.has(oid)) outside.add(oid);
  };
  const packTree = (oid: Oid): readonly TreeEntry[] => {
    let entries = decoded.get(oid);
    if (!entries) decoded.set(oid, (entries = decodePackTree(pack.get(oid) as PackedObject)));
    return entries;
  };
  const packContent = (oid: Oid): Uint8Array => contentOfType(pack.get(oid) as PackedObject, 'tree');
  /** The entries of pack tree `tree` that none of `parents` has, found by decoding all of them. */
  const decodedChanges = async (tree: Oid, parents: readonly Oid[]): Promise<ChangedEntry[]> => {
    const parentTrees = await Promise.all(parents.map(async (p) => new ParentEntries(pack.has(p) ? packTree(p) : await repo.readTree(p))));
    const changes: ChangedEntry[] = [];
    for (const [position, entry] of packTree(tree).entries()) {
      if (entry.mode === FILE_MODE.gitlink) continue;
      const same = parentTrees.map((parent) => parent.find(entry, position));
      if (same.some((p) => p?.oid === entry.oid)) continue; // the parent has it, so we do
      const parentSubtrees = same.filter((p): p is TreeEntry => p !== undefined && isTreeMode(p.mode)).map((p) => p.oid);
      changes.push({ oid: entry.oid, isTree: isTreeMode(entry.mode), parentTrees: parentSubtrees });
    }
    return changes;
  };
  const treeOfCommit = async (oid: Oid): Promise<Oid> => {
    const inPack = pack.get(oid);
    return inPack ? decodePackCommit(inPack).tree : (await repo.readCommit(oid)).tree;
  };
  need(wanted);
  let level: Pending[] = [];
  for (const object of objects) {
    if (object.type === 'tag') need(tagTarget(object.content));
    if (object.type !== 'commit') continue;
    const commit = decodePackCommit(object);
    commit.parents.forEach(need);
    need(commit.tree);
    if (!pack.has(commit.tree)) continue;
    // A parent this device lacks is reported below; its tree then proves nothing.
    const parents = await Promise.all(commit.parents.map((p) => treeOfCommit(p).catch(() => undefined)));
    level.push({ tree: commit.tree, parents: parents.filter((p): p is Oid => p !== undefined) });
  }
  const visited = new Set<Oid>();
  while (level.length > 0) {
    // Parent trees this device holds are read in one transaction per level.
    await repo.readTrees([...new Set(level.flatMap(({ parents }) => parents.filter((p) => !pack.has(p))))]);
    const next: Pending[] = [];
    for (const { tree, parents } of level) {
      if (visited.has(tree)) continue;
      visited.add(tree);
      const changes = (parents.length > 0 && parents.every((p) => pack.has(p)) && changedEntries(packContent(tree), parents.map(packContent))) || (await decodedChanges(tree, parents));
      for (const { oid, isTree, parentTrees } of changes) {
        need(oid);
        if (isTree && pack.has(oid)) next.push({ tree: oid, parents: parentTrees });
      }
    }
    level = next;
  }
  const [missing] = await repo.objects.missing([...outside]);
  if (missing !== undefined) {
    throw new ProtocolError('pack', `it refers to object ${missing}, which neither the pack nor this device has`);
  }
}

/** The object an annotated tag points at (its first header line, `object <id>`). */
function tagTarget(content: Uint8Array): Oid {
  const match = /^object ([0-9a-f]{40})\n/.exec(new TextDecoder().decode(content.subarray(0, 48)));
  if (!match) throw new ProtocolError('pack', 'a tag in it has no object line');
  return match[1] as Oid;
}
