// A git remote for this machine: Node's HTTP server in front of the real `git http-backend`
// (smart HTTP only, run as CGI per request), with bare repositories created by their first push
// and no force pushes or branch deletions. Loopback only, answering only to loopback names; pages
// of the origins it is given may use it (CORS), pages of any other are refused. It authenticates
// no one, except the moderator of the repositories named as comment repositories (see
// server/comments/).
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer, type RequestListener } from 'node:http';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createRepoProvisioner } from './bare-repos.ts';
import { clientAddressOf } from './client-address.ts';
import { createCommentRepos, type CommentRemoteOptions } from './comments/index.ts';
import type { AllowedOrigins } from './cors.ts';
import { createEmptyRepo } from './empty-repo.ts';
import { BackendSpawnError } from './errors.ts';
import { createFlatRepos } from './flat-repos.ts';
import { createFront } from './front.ts';
import { listeningHosts, type AllowedHosts } from './host-check.ts';
import { baseUrl, closeServer, listenOrFallBack } from './listen.ts';
import type { PushPolicy } from './push-policy.ts';

/** How to start a {@link GitRemote}. */
export interface GitRemoteOptions {
  /** The folder holding the bare repositories (`<name>.git`); created when missing. */
  dataDir: string;
  /** The port to try first; 0 (the default) picks a free one, as does a busy port. */
  port?: number;
  /** Loopback by default. */
  host?: string;
  /** `Host` names answered; default the loopback names (and `host`) with the port it listens on. */
  hosts?: AllowedHosts;
  /** Origins whose pages may fetch and push (CORS); default none. `'any'` is for tests only. */
  allowedOrigins?: AllowedOrigins;
  /** What pushes may do; default neither force pushes nor deletions. */
  pushPolicy?: PushPolicy;
  /** The `git http-backend` binary; default the one in `git --exec-path`. */
  backend?: string;
  /** Told of each request that failed with a 500 (a `ServerError` unless something unforeseen broke). */
  onError?: (error: Error) => void;
  /** Repositories served as comment remotes: hooked, moderated, rate-limited, mirrored. */
  comments?: CommentRemoteOptions;
}

/** A running git remote. */
export interface GitRemote {
  /** `http://<host>:<port>/`; a repository is at `<url><name>.git`. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and cuts open connections (their backends are killed). */
  close(): Promise<void>;
}

/** Starts a git remote; resolves once it listens. Rejects with {@link BackendSpawnError} when git is missing. */
export async function startGitRemote(options: GitRemoteOptions): Promise<GitRemote> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const backend = options.backend ?? join(await gitExecPath(), 'git-http-backend');
  const comments = options.comments ? createCommentRepos(options.comments, dataDir) : undefined;
  const provision = createRepoProvisioner(dataDir, (name) => (comments?.has(name) ? comments.setUp : undefined));
  for (const name of options.comments?.repos ?? []) await provision(name.replace(/\.git$/, ''));
  const emptyRepo = await createEmptyRepo();
  const repos = createFlatRepos({
    dataDir,
    service: { backend, emptyRepo },
    provision,
    origins: options.allowedOrigins ?? [],
    policy: options.pushPolicy ?? {},
    ...(comments ? { comments } : {}),
  });
  // The names it answers to depend on the port it gets: the front is made once it listens.
  let front: RequestListener = (_request, response) => response.destroy();
  const server = createServer((request, response) => front(request, response));
  const host = options.host ?? '127.0.0.1';
  const port = await listenOrFallBack(server, options.port ?? 0, host);
  front = createFront({
    hosts: options.hosts ?? listeningHosts(host, port),
    ownOrigins: new Set(),
    clientAddress: clientAddressOf(),
    routers: [repos],
    ...(options.onError ? { onError: options.onError } : {}),
  });
  const close = async () => {
    await closeServer(server);
    await comments?.close();
    await emptyRepo.close();
  };
  return { url: baseUrl(host, port), port, close };
}

/** Where git keeps its helper programs, `http-backend` among them. */
export async function gitExecPath(): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)('git', ['--exec-path']);
    return stdout.trim();
  } catch (error) {
    throw new BackendSpawnError({ command: 'git --exec-path' }, { cause: error });
  }
}
