// The comment remote: what a git server does for the repositories named as comment repositories.
// Readers fetch a page's comments as a snapshot (`GET <repo>/pages/<page>.pack`) or the whole
// history with git's own upload-pack (protocol v0, smart HTTP only: no dumb downloads, no
// unadvertised objects); they push comments to `refs/for/main/<name>`, which the server judges
// and folds into `main` itself. The moderator, checked here, may fast-forward `main`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { parseCommentFilePath } from '../../src/comments/record.ts';
import { backendEnv } from '../backend-env.ts';
import { createRepoProvisioner, type ProvisionRepo } from '../bare-repos.ts';
import type { RepoPath } from '../repo-path.ts';
import { runCgi } from '../run-cgi.ts';
import { clientAddressOf } from '../client-address.ts';
import { CommentConfigError } from './errors.ts';
import { createFold, type Fold } from './fold.ts';
import { createMirror, type Mirror, type MirrorOptions, type MirrorOutcome } from './mirror.ts';
import { identifyCaller, type ModeratorCredentials } from './moderator-auth.ts';
import { createPageSnapshots, type PageSnapshots } from './page-snapshot.ts';
import { createRateLimiter, type RateLimit, type RateLimiter } from '../rate-limit.ts';
import { advertiseReceivePack, receivePack, sendText, type PushEvent } from './receive-pack.ts';
import { openRepoObjects, type RepoObjects } from './repo-objects.ts';
import { setUpCommentRepo } from './repo-setup.ts';

/** The comment repositories a server hosts, and how. */
export interface CommentRemoteOptions {
  /** Their names as in the URL, e.g. `['comments.git']`, compared without case. */
  repos: readonly string[];
  /**
   * Serve these repositories only: any other name answers 404 instead of being created (a
   * public comment remote must not also be an open git host). Default false.
   */
  only?: boolean;
  /** Credentials of the one moderator, who may hide and delete comments. */
  moderator?: ModeratorCredentials;
  /** Pushes per client address; the moderator is not limited. Default: none. */
  rateLimit?: RateLimit;
  /** Failed moderator logins per client address; default 10 in 15 minutes. */
  loginLimit?: RateLimit;
  /**
   * Addresses of reverse proxies in front of this server (e.g. `['127.0.0.1']`): for requests
   * from them, the client address of the limits is read from `X-Forwarded-For`.
   */
  trustedProxies?: readonly string[];
  /** Where to mirror the accepted history; with one comment repository only. */
  mirror?: MirrorOptions;
  /** Told of each mirror push (failures too; they are tried again after the next change). */
  onMirror?: (outcome: MirrorOutcome) => void;
  /** Told of each push answered: how long it took from its arrival, and how many refs it named and were taken. */
  onPush?: (event: PushEvent) => void;
  /** Told of a page snapshot file that could not be written (it is served from memory); default a process warning. */
  onSnapshotError?: (error: Error) => void;
}

/** Where the repositories live and how fetches reach git. */
export interface CommentRemoteContext {
  /** The folder holding the bare repositories (`<name>.git`). */
  dataDir: string;
  /** The `git http-backend` binary, for fetches. */
  backend: string;
}

/** The comment remote's request handling, mountable in any Node HTTP server. */
export interface CommentRemote {
  /** Whether `name` (without `.git`, any case) is one of its repositories. */
  owns(name: string): boolean;
  /** Whether other repositories are refused. */
  readonly only: boolean;
  /**
   * Answers a request for one of its repositories (CORS and OPTIONS are the caller's). `address`
   * is the client's, when the caller's front has already worked it out (else this remote does,
   * trusting `trustedProxies`).
   */
  handle(request: IncomingMessage, response: ServerResponse, target: RepoPath, address?: string): Promise<void>;
  /** Waits for folds and mirror pushes under way, and stops the helper processes. */
  close(): Promise<void>;
}

const DEFAULT_LOGIN_LIMIT: RateLimit = { pushes: 10, perSeconds: 15 * 60 };
const SNAPSHOT = /^\/pages\/([^/]+)\.pack$/;
/** How long a fold that finds pushes waiting after each batch may hold back the snapshot files of the pages it changed. */
const SNAPSHOT_HOLD_MS = 1_000;

interface Repository {
  objects: RepoObjects;
  fold: Fold;
  snapshots: PageSnapshots;
  /** Writes the snapshot files held back while the fold was busy. */
  writeSnapshots(): void;
  mirror: Mirror | undefined;
}

/** Validates `options` and builds the {@link CommentRemote}. */
export function createCommentRemote(options: CommentRemoteOptions, context: CommentRemoteContext): CommentRemote {
  const names = new Set(options.repos.map(repoName));
  if (options.mirror && names.size !== 1) throw new CommentConfigError({ problem: `a mirror serves one comment repository, not ${names.size}` });
  const pushLimiter: RateLimiter | undefined = options.rateLimit ? createRateLimiter(options.rateLimit) : undefined;
  const loginLimiter = createRateLimiter(options.loginLimit ?? DEFAULT_LOGIN_LIMIT);
  const addressOf = clientAddressOf(options.trustedProxies);
  const provision: ProvisionRepo = createRepoProvisioner(context.dataDir, () => setUpCommentRepo);
  const opened = new Map<string, Promise<Repository>>();
  const open = (name: string): Promise<Repository> => {
    let repository = opened.get(name);
    if (repository === undefined) {
      repository = provision(name).then(() => {
        const gitDir = join(context.dataDir, `${name}.git`);
        const objects = openRepoObjects(gitDir);
        const mirror = options.mirror ? createMirror(name, gitDir, options.mirror, options.onMirror ?? (() => undefined)) : undefined;
        // Each change mirrors main and writes the snapshot files of the pages it touched: at once
        // when nothing waits to be folded, else once the fold is through (at most SNAPSHOT_HOLD_MS
        // later), so a crowd's pushes do not wait on rebuilds each next batch makes stale.
        const touched = new Set<string>();
        let held: ReturnType<typeof setTimeout> | undefined;
        const writeSnapshots = (): void => {
          clearTimeout(held);
          held = undefined;
          if (touched.size === 0) return;
          void snapshots.update([...touched]);
          touched.clear();
        };
        const fold = createFold(gitDir, objects, (_head, pages) => {
          mirror?.schedule();
          for (const page of pages) touched.add(page);
          if (fold.waiting === 0) writeSnapshots();
          else held ??= setTimeout(writeSnapshots, SNAPSHOT_HOLD_MS);
        });
        const snapshots = createPageSnapshots(fold, objects, gitDir, options.onSnapshotError ?? ((error) => process.emitWarning(error.message)));
        void snapshots.reconcile();
        return { objects, fold, snapshots, writeSnapshots, mirror };
      });
      repository.catch(() => opened.delete(name));
      opened.set(name, repository);
    }
    return repository;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse, target: RepoPath, given?: string): Promise<void> => {
    const name = target.name.toLowerCase();
    const rest = target.pathInfo.slice(target.pathInfo.indexOf('.git') + 4);
    const service = new URLSearchParams(target.query).get('service');
    // Proxies named here are this remote's own word; else the front's address stands.
    const address = options.trustedProxies || given === undefined ? addressOf(request) : given;
    const authorization = request.headers.authorization;
    let role: 'reader' | 'moderator' = 'reader';
    if (authorization !== undefined && authorization !== '') {
      const blocked = loginLimiter.check(address);
      if (!blocked.ok) {
        return sendText(response, 429, `Too many failed moderator logins from your address; try again in ${blocked.retryAfterSeconds} seconds.\n`, { 'Retry-After': String(blocked.retryAfterSeconds) });
      }
      const caller = identifyCaller(authorization, options.moderator);
      if (caller.kind === 'refused') {
        loginLimiter.take(address);
        return sendText(response, 401, 'Wrong moderator credentials. Readers comment without any; check the user name and password.\n', { 'WWW-Authenticate': 'Basic realm="comments", charset="UTF-8"' });
      }
      if (caller.kind === 'moderator') role = 'moderator';
    }
    const snapshot = request.method === 'GET' ? SNAPSHOT.exec(rest) : null;
    if (snapshot) {
      const page = snapshot[1] as string;
      if (!parseCommentFilePath(`comments/${page}/00000000-0000-0000-0000-000000000000.json`)) return sendText(response, 404, 'not a page name\n');
      const found = await (await open(name)).snapshots.get(page);
      const headers = { ETag: found.etag, 'Cache-Control': 'public, no-cache', 'Content-Type': 'application/x-git-packfile' };
      if (request.headers['if-none-match'] === found.etag) return void response.writeHead(304, headers).end();
      return void response.writeHead(200, { ...headers, 'Content-Length': found.pack.length }).end(found.pack);
    }
    const isReceive = (request.method === 'GET' && rest === '/info/refs' && service === 'git-receive-pack') || (request.method === 'POST' && rest === '/git-receive-pack');
    const isUpload = (request.method === 'GET' && rest === '/info/refs' && service === 'git-upload-pack') || (request.method === 'POST' && rest === '/git-upload-pack');
    if (!isReceive && !isUpload) return sendText(response, 404, 'not found: a comment remote serves git smart HTTP and pages/<page>.pack only\n');
    const repository = await open(name);
    if (isUpload) return fetchWithGit(request, response, target, name, context);
    if (request.method === 'GET') return advertiseReceivePack(repository, response);
    if (role === 'reader' && pushLimiter) {
      const decision = pushLimiter.take(address);
      if (!decision.ok) {
        const limit = options.rateLimit as RateLimit;
        return sendText(
          response,
          429,
          `Too many pushes from your address (at most ${limit.pushes} in ${limit.perSeconds} seconds). Your comment is kept; try again in ${decision.retryAfterSeconds} seconds.\n`,
          { 'Retry-After': String(decision.retryAfterSeconds) },
        );
      }
    }
    return receivePack(repository, role, request, response, options.onPush);
  };

  return {
    owns: (name) => names.has(name.toLowerCase()),
    only: options.only ?? false,
    handle,
    close: async () => {
      for (const repository of await Promise.all([...opened.values()].map((open) => open.catch(() => undefined)))) {
        if (!repository) continue;
        await repository.fold.close();
        repository.writeSnapshots();
        await repository.snapshots.close();
        await repository.mirror?.close();
        repository.objects.close();
      }
    },
  };
}

/** Fetches through `git http-backend`, speaking protocol v0 only (v2 would hand out any object by id). */
async function fetchWithGit(request: IncomingMessage, response: ServerResponse, target: RepoPath, name: string, context: CommentRemoteContext): Promise<void> {
  const pathInfo = `/${name}.git${target.pathInfo.slice(target.pathInfo.indexOf('.git') + 4)}`;
  const env = backendEnv(request, { dataDir: context.dataDir, pathInfo, query: target.query });
  delete env.GIT_PROTOCOL;
  delete env.REMOTE_USER;
  await runCgi({ command: context.backend, env, request, response });
}

/** `comments` from `comments.git` (or `Comments`), checked as a request's path is. */
function repoName(given: string): string {
  const name = given.replace(/\.git$/i, '').toLowerCase();
  if (!/^[a-z0-9_-][a-z0-9._-]*$/.test(name)) throw new CommentConfigError({ problem: `"${given}" is not a repository name such as comments.git` });
  return name;
}
