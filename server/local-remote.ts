// The git remote as the command-line entry points run it: port 8174 (or a free one when busy),
// repositories in `.data/remotes` at the project root (gitignored), failures logged to stderr.
import { fileURLToPath } from 'node:url';
import { startGitRemote, type GitRemote } from './git-remote.ts';

/** The port the local git remote tries first. */
export const DEFAULT_REMOTE_PORT = 8174;

/** Where the local git remote keeps its bare repositories by default. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../.data/remotes', import.meta.url));

/** Starts the local git remote; says on stderr when the port asked for was busy. */
export async function startLocalRemote(port: number, dataDir: string): Promise<GitRemote> {
  const remote = await startGitRemote({
    dataDir,
    port,
    onError: (error) => process.stderr.write(`git remote: ${error.message}\n`),
  });
  if (port !== 0 && remote.port !== port) process.stderr.write(`port ${port} is busy; the git remote uses ${remote.port}\n`);
  return remote;
}
