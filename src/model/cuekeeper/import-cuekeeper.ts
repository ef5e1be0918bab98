import { createMemoryBackend, openRepo, type Oid, type Repo } from '../../store/index.ts';
import { ModelError } from '../errors.ts';
import type { Tasks } from '../tasks.ts';
import { readCueKeeper, type CueKeeperImport } from './read-repository.ts';

/** The branch CueKeeper keeps its records on. */
export const CUEKEEPER_BRANCH = 'master';

/**
 * A repository in memory, gone when closed, to bring a CueKeeper repository into (with `sync`
 * from a git remote, or `importBundle` from a file) before {@link importCueKeeper} reads it:
 * nothing of CueKeeper's own history enters the app's repository.
 */
export function openScratchRepo(): Promise<Repo> {
  return openRepo({ name: 'cuekeeper-scratch', backend: createMemoryBackend() });
}

/** What {@link importCueKeeper} did: the records converted and the app's new head. */
export type CueKeeperImported = CueKeeperImport & { head: Oid | undefined };

/**
 * Reads the CueKeeper repository on `branch` of `scratch` and commits its records into
 * `tasks` as one commit ("Open CueKeeper repository: …"), every record keeping its uuid (a
 * record of the same uuid already here is replaced). A repository that does not parse is
 * refused before anything is written.
 *
 * @throws ModelError 'unreadable' when the branch is missing or a file does not parse.
 */
export async function importCueKeeper(tasks: Tasks, scratch: Repo, branch = CUEKEEPER_BRANCH): Promise<CueKeeperImported> {
  const head = await (await scratch.branch(branch)).head();
  if (head === undefined) {
    throw new ModelError('unreadable', `This repository has no branch “${branch}”, where CueKeeper keeps its records. Nothing was imported.`, { branch });
  }
  const converted = await readCueKeeper(await scratch.view(head));
  return { ...converted, head: await tasks.apply(converted.edit) };
}
