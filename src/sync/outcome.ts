import type { Oid } from '../store/index.ts';
import type { SyncError } from './errors.ts';

/**
 * The steps of a sync, in the order they come: asking the remote what it has, receiving and
 * unpacking what is missing, storing it, merging, then packing and sending this device's
 * commits. Fetch and push report them (with `remote: <text>` for the remote's own progress
 * lines); {@link SyncProgress} is what callers see. `checking`: a fetch's objects all came and
 * are stored, hidden; what they name is being looked for before they are shown.
 */
export type SyncPhase = 'discovering' | 'receiving' | 'unpacking' | 'storing' | 'checking' | 'merging' | 'packing' | 'pushing';

/** Objects of a fetch so far: their data received, hashed and checked, and stored. */
export interface ObjectCounts {
  received: number;
  resolved: number;
  stored: number;
  /** Objects the pack declares, once its header came. */
  total?: number;
}

/** A progress line the remote itself sent (side-band channel 2), as fetch and push report it. */
export type RemoteMessage = `remote: ${string}`;

/**
 * How the steps of a sync report progress: `loaded` of `total` (bytes, or objects), and during a
 * fetch, its objects.
 */
export type ReportProgress = (phase: SyncPhase | RemoteMessage, loaded: number, total?: number, objects?: ObjectCounts) => void;

/**
 * How far a sync has got: a step with its count (bytes while receiving, objects while packing)
 * and, during a fetch, its objects; or a line of the remote's own progress.
 */
export type SyncProgress = { phase: SyncPhase; loaded: number; total?: number; objects?: ObjectCounts } | { phase: 'remote'; message: string };

/** What a sync that succeeded did; afterwards the branch has the same head here and on the remote. */
export interface SyncSuccess {
  kind: 'up-to-date' | 'pushed' | 'pulled' | 'merged-and-pushed';
  /** The branch head, the same locally and remotely (`undefined`: both empty). */
  head: Oid | undefined;
}

/** A sync that failed: why, typed (see SyncErrorCode). Nothing committed on this device was lost. */
export interface SyncFailure {
  kind: 'failed';
  error: SyncError;
}

/** What {@link import('./sync.ts').sync} came to: `kind` tells success (how) from failure. */
export type SyncOutcome = SyncSuccess | SyncFailure;
