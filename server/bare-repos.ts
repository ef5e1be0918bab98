// Bare repositories made on first use: `git init --bare -b main` plus `http.receivepack` so
// anonymous pushes are taken. Each is built in a hidden temporary folder and renamed into place,
// so a request never sees half a repository, and racing first requests build it once.
import { execFile } from 'node:child_process';
import { stat, mkdtemp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RepoInitError } from './errors.ts';

const run = promisify(execFile);

/** Makes sure the bare repository `<name>.git` exists. */
export type ProvisionRepo = (name: string) => Promise<void>;

/**
 * A {@link ProvisionRepo} for the folder `dataDir`. Concurrent calls for one name share one
 * creation; `name` must already be checked (see `parseRepoPath`).
 */
export function createRepoProvisioner(dataDir: string): ProvisionRepo {
  const pending = new Map<string, Promise<void>>();
  return (name) => {
    let ready = pending.get(name);
    if (ready === undefined) {
      ready = provision(dataDir, name).finally(() => pending.delete(name));
      pending.set(name, ready);
    }
    return ready;
  };
}

async function provision(dataDir: string, name: string): Promise<void> {
  const dir = join(dataDir, `${name}.git`);
  if (await isFile(join(dir, 'HEAD'))) return;
  const temp = await mkdtemp(join(dataDir, '.new-'));
  try {
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
    await run('git', ['init', '--quiet', '--bare', '-b', 'main', temp], { env });
    await run('git', ['-C', temp, 'config', 'http.receivepack', 'true'], { env });
    // Another process may have made it meanwhile; its repository then stands.
    await rename(temp, dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
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
