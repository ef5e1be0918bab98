import { SyncError } from '../errors.ts';

/**
 * What was wrong with a bundle, for code to branch on:
 * - `not-a-bundle`: the file is something else (empty, a zip, a gzip, a bare pack, text…);
 * - `corrupt`: a git bundle, but damaged or cut short (its header or its pack);
 * - `unsupported`: a git bundle using what Taskgit cannot read (SHA-256, a filter, version 4…);
 * - `missing-prerequisite`: an incremental bundle whose base history this device lacks;
 * - `incomplete`: its branches reach objects neither the file nor this device has;
 * - `no-ref`: it names no branch that can be imported (or several, none of them the one asked for);
 * - `nothing-to-export`: export only: the branches asked for have no commit.
 */
export type BundleProblem = 'not-a-bundle' | 'corrupt' | 'unsupported' | 'missing-prerequisite' | 'incomplete' | 'no-ref' | 'nothing-to-export';

/** What a {@link BundleError} carries for code to inspect and logs to show. */
export interface BundleErrorData {
  problem: BundleProblem;
  /** What exactly was wrong, in a few words (also in the message). */
  detail: string;
  /** Byte offset of the problem in the file, when known. */
  offset?: number;
}

const LEADS: Record<BundleProblem, string> = {
  'not-a-bundle': 'This file is not a Taskgit export (a git bundle)',
  corrupt: 'This Taskgit export (a git bundle) is damaged',
  unsupported: 'This git bundle uses a feature Taskgit cannot import',
  'missing-prerequisite': 'This export only continues history this device does not have',
  incomplete: 'This file is not a complete Taskgit export (a git bundle)',
  'no-ref': 'This file is not a Taskgit export (a git bundle) with a branch to import',
  'nothing-to-export': 'There is nothing to export',
};

const ADVICE: Record<BundleProblem, string> = {
  'not-a-bundle': 'Nothing was imported; choose a file made by "Export" (or `git bundle create`).',
  corrupt: 'Nothing was imported; the file may have been damaged or cut short while copying. Export it again.',
  unsupported: 'Nothing was imported; make the bundle with `git bundle create --all` and no other options.',
  'missing-prerequisite': 'Nothing was imported; import the full export first, or make one with `git bundle create --all`.',
  incomplete: 'Nothing was imported; export the whole history again.',
  'no-ref': 'Nothing was imported.',
  'nothing-to-export': 'Make a change first.',
};

/**
 * A bundle (a git bundle file, Taskgit's export format) was refused: not a bundle, damaged,
 * incomplete, or using what Taskgit cannot read. An import that throws this changed nothing.
 * Code `'invalid-bundle'`; `data.problem` says which case.
 */
export class BundleError extends SyncError<BundleErrorData> {
  declare readonly code: 'invalid-bundle';

  constructor(problem: BundleProblem, detail: string, extra: { offset?: number; cause?: unknown } = {}) {
    const { offset, cause } = extra;
    super('invalid-bundle', `${LEADS[problem]}: ${detail}. ${ADVICE[problem]}`, offset === undefined ? { problem, detail } : { problem, detail, offset }, { cause });
  }
}
