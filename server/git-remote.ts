// A git remote for this machine: Node's HTTP server in front of the real `git http-backend`
// (smart HTTP, run as CGI per request), with CORS so the browser app can sync with it, and bare
// repositories created on first use. Loopback only; it authenticates no one, except the
// moderator of the repositories named as comment repositories (see server/comments/).
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { backendEnv } from './backend-env.ts';
import { createRepoProvisioner, type ProvisionRepo } from './bare-repos.ts';
import { createCommentRepos, type CommentRemoteOptions, type CommentRepos } from './comments/index.ts';
import { corsHeaders, type AllowedOrigins } from './cors.ts';
import { BackendSpawnError } from './errors.ts';
import { baseUrl, closeServer, listenOrFallBack } from './listen.ts';
import { parseRepoPath } from './repo-path.ts';
import { runCgi } from './run-cgi.ts';

/** How to start a {@link GitRemote}. */
export interface GitRemoteOptions {
  /** The folder holding the bare repositories (`<name>.git`); created when missing. */
  dataDir: string;
  /** The port to try first; 0 (the default) picks a free one, as does a busy port. */
  port?: number;
  /** Loopback by default. */
  host?: string;
  /** Origins whose pages may read the answers (CORS); default `'any'`. */
  allowedOrigins?: AllowedOrigins;
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
  const context: RequestContext = {
    dataDir,
    backend,
    allowedOrigins: options.allowedOrigins ?? 'any',
    provision: createRepoProvisioner(dataDir, (name) => (comments?.has(name) ? comments.setUp : undefined)),
    comments,
  };
  const server = createServer((request, response) => {
    handleRequest(context, request, response).catch((error: unknown) => {
      const failure = error instanceof Error ? error : new Error(String(error));
      options.onError?.(failure);
      if (!response.headersSent) sendText(response, 500, `${failure.message}\n`);
      else response.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  const port = await listenOrFallBack(server, options.port ?? 0, host);
  const close = async () => {
    await closeServer(server);
    await comments?.close();
  };
  return { url: baseUrl(host, port), port, close };
}

interface RequestContext {
  dataDir: string;
  backend: string;
  allowedOrigins: AllowedOrigins;
  provision: ProvisionRepo;
  comments: CommentRepos | undefined;
}

async function handleRequest(context: RequestContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  for (const [name, value] of Object.entries(corsHeaders(request, context.allowedOrigins))) response.setHeader(name, value);
  if (request.method === 'OPTIONS') {
    response.writeHead(204).end();
    return;
  }
  if (request.method !== 'GET' && request.method !== 'POST') {
    response.setHeader('Allow', 'GET, POST, OPTIONS');
    sendText(response, 405, 'method not allowed\n');
    return;
  }
  const target = parseRepoPath(request.url ?? '/');
  if (target === undefined || (context.comments?.only && !context.comments.has(target.name))) {
    sendText(response, 404, 'not found: a repository is at /<name>.git, name of [A-Za-z0-9._-]\n');
    return;
  }
  const env = backendEnv(request, { dataDir: context.dataDir, pathInfo: target.pathInfo, query: target.query });
  const comments = context.comments?.has(target.name) ? context.comments : undefined;
  const isPush = request.method === 'POST' && target.pathInfo.endsWith('/git-receive-pack');
  if (comments) {
    const admission = comments.admit(request, isPush);
    if (admission.kind === 'answer') {
      for (const [name, value] of Object.entries(admission.headers)) response.setHeader(name, value);
      sendText(response, admission.status, admission.body);
      return;
    }
    // The hook takes REMOTE_USER for the moderator: only a name the front checked goes there.
    delete env.REMOTE_USER;
    if (admission.remoteUser !== undefined) env.REMOTE_USER = admission.remoteUser;
  }
  await context.provision(target.name);
  await runCgi({ command: context.backend, env, request, response });
  if (comments && isPush) comments.afterPush(target.name);
}

/** Where git keeps its helper programs, `http-backend` among them. */
async function gitExecPath(): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)('git', ['--exec-path']);
    return stdout.trim();
  } catch (error) {
    throw new BackendSpawnError({ command: 'git --exec-path' }, { cause: error });
  }
}

function sendText(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}
