// A bare repository that is always empty, in a private temporary folder: what a client is shown
// for a repository that does not exist yet. A fetch of a new name then sees an empty repository
// and a push's ref advertisement offers to create it, while nothing is created on disk until the
// push itself arrives (a GET never creates a repository).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RepoInitError } from './errors.ts';

/** The empty repository: `GIT_PROJECT_ROOT` and the path of the repository below it. */
export interface EmptyRepo {
  readonly root: string;
  readonly repoPath: string;
  /** Removes it. */
  close(): Promise<void>;
}

/** Creates the empty repository (`git init --bare`, taking pushes' advertisements). */
export async function createEmptyRepo(): Promise<EmptyRepo> {
  const root = await mkdtemp(join(tmpdir(), 'taskgit-empty-'));
  const dir = join(root, 'empty.git');
  const run = promisify(execFile);
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
  try {
    await run('git', ['init', '--quiet', '--bare', '-b', 'main', dir], { env });
    await run('git', ['-C', dir, 'config', 'http.receivepack', 'true'], { env });
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw new RepoInitError({ dir }, { cause: error });
  }
  return { root, repoPath: '/empty.git', close: () => rm(root, { recursive: true, force: true }) };
}
