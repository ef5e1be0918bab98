// A git remote for this machine: the site of server/site.ts without the app and the way through,
// i.e. the real `git http-backend` (smart HTTP only) over the bare repositories `<name>.git` of a
// folder, created by their first push, no force pushes or branch deletions. Loopback only,
// answering only to loopback names (or, behind a reverse proxy, to the names of its `urls`); pages of the origins it is given may use it (CORS), pages of
// any other are refused. It authenticates no one, except the moderator of the repositories named
// as comment repositories (see server/comments/).
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CommentRemoteOptions } from './comments/index.ts';
import type { AllowedOrigins } from './cors.ts';
import type { PushPolicy } from './push-policy.ts';
import { startSite } from './site.ts';

export { gitExecPath } from './git-exec-path.ts';

/** How to start a {@link GitRemote}. */
export interface GitRemoteOptions {
  /** The folder holding the bare repositories (`<name>.git`); created when missing. */
  dataDir: string;
  /** The port to try first; 0 (the default) picks a free one, as does a busy port. */
  port?: number;
  /** Loopback by default. */
  host?: string;
  /** Origins whose pages may fetch and push (CORS); default none. `'any'` is for tests only. */
  allowedOrigins?: AllowedOrigins;
  /** What pushes may do; default neither force pushes nor deletions. */
  pushPolicy?: PushPolicy;
  /** The `git http-backend` binary; default the one in `git --exec-path`. */
  backend?: string;
  /** Told of each request that failed with a 500 (a `ServerError` unless something unforeseen broke). */
  onError?: (error: Error) => void;
  /** Repositories served as comment remotes (server/comments/): judged, folded, moderated, rate-limited, mirrored. */
  comments?: CommentRemoteOptions;
  /**
   * The URLs people reach it at through a reverse proxy (`https://comments.example.org`): their
   * host names are then the only `Host` answered. Default its loopback names.
   */
  urls?: readonly string[];
}

/** A running git remote. */
export interface GitRemote {
  /** `http://<host>:<port>/`; a repository is at `<url><name>.git`. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and cuts open connections (their backends are killed). */
  close(): Promise<void>;
}

/** Starts a git remote; resolves once it listens. Rejects with `BackendSpawnError` when git is missing. */
export async function startGitRemote(options: GitRemoteOptions): Promise<GitRemote> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const site = await startSite({
    ...(options.host ? { host: options.host } : {}),
    port: options.port ?? 0,
    fallBackPort: true,
    repos: { kind: 'local', dataDir },
    corsOrigins: options.allowedOrigins ?? [],
    wayThrough: false,
    ...(options.comments ? { comments: options.comments } : {}),
    ...(options.pushPolicy ? { pushPolicy: options.pushPolicy } : {}),
    ...(options.backend ? { backend: options.backend } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
    ...(options.urls ? { urls: options.urls } : {}),
  });
  return { url: site.url, port: site.port, close: () => site.close(0) };
}
