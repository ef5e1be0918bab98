// What the Node front does for the repositories named as comment repositories: the hook at
// provisioning, the moderator's credentials checked (and the identity passed to the hook as
// REMOTE_USER, nothing a client sent), the per-address push limit, and the mirror after a push.
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { parseRepoPath } from '../repo-path.ts';
import { CommentConfigError } from './errors.ts';
import { installCommentHook } from './hook-install.ts';
import { createMirror, type Mirror, type MirrorOptions, type MirrorOutcome } from './mirror.ts';
import { identifyCaller, type ModeratorCredentials } from './moderator-auth.ts';
import { createRateLimiter, type RateLimit, type RateLimiter } from './rate-limit.ts';

/** The comment repositories a git remote serves, and how. */
export interface CommentRemoteOptions {
  /** Their names as in the URL, e.g. `['comments.git']`; each gets the pre-receive hook. */
  repos: readonly string[];
  /**
   * Serve these repositories only: any other name answers 404 instead of being created (a
   * public comment remote must not also be an open git host). Default false.
   */
  only?: boolean;
  /** Credentials of the one moderator, who may hide and delete comments. */
  moderator?: ModeratorCredentials;
  /** Pushes (git-receive-pack POSTs) per client address; the moderator is not limited. */
  rateLimit?: RateLimit;
  /** Where to mirror the accepted history; with one comment repository only. */
  mirror?: MirrorOptions;
  /** Told of each mirror push (failures too; they are tried again after the next push). */
  onMirror?: (outcome: MirrorOutcome) => void;
}

/** What to do with a request to a comment repository before the backend sees it. */
export type Admission =
  | { kind: 'pass'; remoteUser: string | undefined }
  | { kind: 'answer'; status: number; headers: Record<string, string>; body: string };

/** The server's handling of its comment repositories. */
export interface CommentRepos {
  /** Whether `name` (without `.git`) is a comment repository. */
  has(name: string): boolean;
  /** Whether other repositories are refused. */
  readonly only: boolean;
  /** The hook installer for a comment repository. */
  readonly setUp: (dir: string) => Promise<void>;
  /** Checks credentials and the push limit for a request to comment repository `name`. */
  admit(request: IncomingMessage, isPush: boolean): Admission;
  /** Called once the backend has answered a push to `name`. */
  afterPush(name: string): void;
  /** Waits for mirror pushes under way. */
  close(): Promise<void>;
}

/** Validates `options` and builds the {@link CommentRepos} of a server over `dataDir`. */
export function createCommentRepos(options: CommentRemoteOptions, dataDir: string): CommentRepos {
  const names = new Set(options.repos.map(repoName));
  if (options.mirror && names.size !== 1) throw new CommentConfigError({ problem: `a mirror serves one comment repository, not ${names.size}` });
  const limiter: RateLimiter | undefined = options.rateLimit ? createRateLimiter(options.rateLimit) : undefined;
  const mirrors = new Map<string, Mirror>();
  if (options.mirror) {
    const onMirror = options.onMirror ?? (() => undefined);
    for (const name of names) mirrors.set(name, createMirror(name, join(dataDir, `${name}.git`), options.mirror, onMirror));
  }
  return {
    has: (name) => names.has(name),
    only: options.only ?? false,
    setUp: installCommentHook,
    admit(request, isPush) {
      const caller = identifyCaller(request.headers.authorization, options.moderator);
      if (caller.kind === 'refused') {
        return answer(401, 'Wrong moderator credentials. Readers comment without any; check the user name and password.\n', {
          'WWW-Authenticate': 'Basic realm="comments", charset="UTF-8"',
        });
      }
      if (caller.kind === 'moderator') return { kind: 'pass', remoteUser: caller.username };
      const decision = isPush && limiter ? limiter.take(request.socket.remoteAddress ?? '') : { ok: true as const };
      if (!decision.ok) {
        const limit = options.rateLimit as RateLimit;
        return answer(
          429,
          `Too many pushes from your address (at most ${limit.pushes} in ${limit.perSeconds} seconds). Your comment is kept; try again in ${decision.retryAfterSeconds} seconds.\n`,
          { 'Retry-After': String(decision.retryAfterSeconds) },
        );
      }
      return { kind: 'pass', remoteUser: undefined };
    },
    afterPush: (name) => mirrors.get(name)?.schedule(),
    close: async () => {
      await Promise.all([...mirrors.values()].map((mirror) => mirror.close()));
    },
  };
}

/** `comments` from `comments.git` (or `comments`), checked as a request's path is. */
function repoName(given: string): string {
  const name = parseRepoPath(`/${given.replace(/\.git$/, '')}.git`)?.name;
  if (name === undefined) throw new CommentConfigError({ problem: `"${given}" is not a repository name such as comments.git` });
  return name;
}

function answer(status: number, body: string, headers: Record<string, string>): Admission {
  return { kind: 'answer', status, headers, body };
}
