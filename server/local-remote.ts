// The git remote as the command-line entry points run it: port 8174 (or a free one when busy),
// repositories in `.data/remotes` at the project root (gitignored), failures logged to stderr.
import { fileURLToPath } from 'node:url';
import type { CommentRemoteOptions } from './comments/index.ts';
import { startGitRemote, type GitRemote } from './git-remote.ts';

/** The port the local git remote tries first. */
export const DEFAULT_REMOTE_PORT = 8174;

/** Where the local git remote keeps its bare repositories by default. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../.data/remotes', import.meta.url));

/** The comment repository `npm start` serves beside `tasks.git`. */
export const DEFAULT_COMMENTS_REPO = 'comments.git';

/**
 * Starts the local git remote; says on stderr when the port asked for was busy. With `comments`,
 * those repositories are comment remotes; a failed mirror push is logged (never its token).
 * Pages of `origins` may sync with it. With `urls` (a reverse proxy in front), their host names
 * are the only ones it answers.
 */
export async function startLocalRemote(port: number, dataDir: string, comments?: CommentRemoteOptions, origins: readonly string[] = [], urls?: readonly string[]): Promise<GitRemote> {
  const remote = await startGitRemote({
    dataDir,
    port,
    allowedOrigins: origins,
    ...(urls ? { urls } : {}),
    onError: (error) => process.stderr.write(`git remote: ${error.message}\n`),
    ...(comments
      ? {
          comments: {
            ...comments,
            onMirror: (outcome) => {
              if (!outcome.ok) process.stderr.write(`git remote: ${outcome.error.message}\n`);
            },
          },
        }
      : {}),
  });
  if (port !== 0 && remote.port !== port) process.stderr.write(`port ${port} is busy; the git remote uses ${remote.port}\n`);
  return remote;
}
