import type { CommitData, TreeEntry } from '../objects/index.ts';
import type { Oid } from '../oid.ts';

/** What the object graph reads from a store: verified and decoded objects (results must not be mutated). */
export interface GraphSource {
  readCommit(oid: Oid): Promise<CommitData>;
  readTree(oid: Oid): Promise<readonly TreeEntry[]>;
  /** Several trees, those not cached read a group per transaction. */
  readTrees(oids: readonly Oid[]): Promise<Array<readonly TreeEntry[]>>;
  /** The ids among `oids` that are not stored (the empty tree always is). */
  missing(oids: readonly Oid[]): Promise<Oid[]>;
}
