// Bare repositories made by a first push (or a command): `git init --bare -b main` plus
// `http.receivepack` so pushes are taken. Each is built in a hidden temporary folder and renamed into place,
// so a request never sees half a repository, and racing first requests build it once. Some names
// get more set-up (a comment repository's hook): before the rename for a new repository, and
// once per process for one that exists.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { RepoInitError } from './errors.ts';

const run = promisify(execFile);

/** Makes sure the bare repository `<name>.git` exists. */
export type ProvisionRepo = (name: string) => Promise<void>;

/** Extra set-up of the bare repository at `dir`; must be safe to run again on a repository it set up. */
export type SetUpRepo = (dir: string) => Promise<void>;

/**
 * A {@link ProvisionRepo} for the folder `dataDir`. Concurrent calls for one name share one
 * creation; `name` (`tasks`, or `alice/tasks` in a folder of its own) must already be checked. `setUpFor` names the extra
 * set-up a repository gets, if any.
 */
export function createRepoProvisioner(dataDir: string, setUpFor: (name: string) => SetUpRepo | undefined = () => undefined): ProvisionRepo {
  const pending = new Map<string, Promise<void>>();
  const setUpDone = new Set<string>();
  return (name) => {
    let ready = pending.get(name);
    if (ready === undefined) {
      const setUp = setUpFor(name);
      ready = provision(dataDir, name, setUp, setUpDone.has(name))
        .then(() => {
          if (setUp) setUpDone.add(name);
        })
        .finally(() => pending.delete(name));
      pending.set(name, ready);
    }
    return ready;
  };
}

/** Creates `<name>.git` (set up before it appears) unless it exists; sets up an existing one unless `setUpDone`. */
async function provision(dataDir: string, name: string, setUp: SetUpRepo | undefined, setUpDone: boolean): Promise<void> {
  const dir = join(dataDir, `${name}.git`);
  if (await isFile(join(dir, 'HEAD'))) {
    if (setUp && !setUpDone) {
      await setUp(dir).catch((error: unknown) => {
        throw new RepoInitError({ dir }, { cause: error });
      });
    }
    return;
  }
  const temp = await mkdtemp(join(dataDir, '.new-'));
  try {
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
    await run('git', ['init', '--quiet', '--bare', '-b', 'main', temp], { env });
    await run('git', ['-C', temp, 'config', 'http.receivepack', 'true'], { env });
    await setUp?.(temp);
    await mkdir(dirname(dir), { recursive: true }); // `alice/` of `alice/tasks`
    // Another process may have made it meanwhile; its repository then stands, set up as ours.
    await rename(temp, dir).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
      await setUp?.(dir);
    });
  } catch (error) {
    throw new RepoInitError({ dir }, { cause: error });
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}
