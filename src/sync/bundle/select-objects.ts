import { decodeTagTarget, listLinks, TimeSlice, type GitObject, type GitStore, type Oid } from '../../store/index.ts';
import type { PackObject } from '../protocol/index.ts';
import { BundleError } from './bundle-error.ts';
import type { BundleRef } from './bundle-header.ts';

/** Ids looked up in the store per transaction. */
const LOOKUP_SLICE = 128;

/** Annotated tags pointing at tags: how many to follow before giving up. */
const MAX_TAG_DEPTH = 16;

/**
 * The commit `ref` leads to, through annotated tags if it names one. Looks in the pack first,
 * then the store (the pack was checked closed already, so the object is in one of them). A ref
 * that ends at a tree or a blob is a BundleError (`no-ref`).
 */
export async function resolveRefCommit(store: GitStore, byId: ReadonlyMap<Oid, PackObject>, ref: BundleRef): Promise<Oid> {
  let oid = ref.oid;
  for (let depth = 0; depth <= MAX_TAG_DEPTH; depth++) {
    const object: GitObject = byId.get(oid) ?? (await store.objects.read(oid));
    if (object.type === 'commit') return oid;
    if (object.type !== 'tag') throw new BundleError('no-ref', `its ref ${ref.name} points to a ${object.type}, not a commit`);
    oid = decodeTagTarget(object.content).oid;
  }
  throw new BundleError('no-ref', `its ref ${ref.name} is a chain of more than ${MAX_TAG_DEPTH} tags`);
}

/**
 * The packed objects `head` reaches that the store does not hold yet: what an import must
 * write. Objects only other refs of the bundle reach are left out, so nothing is stored that
 * no branch points to. The walk stops at objects outside the pack (the store has them).
 */
export async function selectObjectsToStore(store: GitStore, byId: ReadonlyMap<Oid, PackObject>, head: Oid): Promise<PackObject[]> {
  const reached: PackObject[] = [];
  const seen = new Set<Oid>();
  const stack: Oid[] = [head];
  const slice = new TimeSlice(); // thousands of trees are read: in slices, so the page keeps painting
  for (let oid = stack.pop(); oid !== undefined; oid = stack.pop()) {
    if (seen.has(oid)) continue;
    if (slice.due()) await slice.next();
    seen.add(oid);
    const object = byId.get(oid);
    if (object === undefined) continue;
    reached.push(object);
    for (const link of listLinks(object)) if (!seen.has(link.oid)) stack.push(link.oid);
  }
  const missing = new Set<Oid>();
  // Asked a slice at a time: one look-up of every id would queue them all in one task.
  for (let start = 0; start < reached.length; start += LOOKUP_SLICE) {
    for (const oid of await store.objects.missing(reached.slice(start, start + LOOKUP_SLICE).map(({ oid }) => oid))) missing.add(oid);
  }
  return reached.filter(({ oid }) => missing.has(oid));
}
