// Hides or deletes one comment on a comment remote, as its moderator: a temporary clone with the
// git CLI, one commit, one push with the moderator's Basic credentials (sent in a header through
// git's environment, never on a command line), then the clone is removed. Readers' comments move
// `main` all the time on a busy book: when the push finds it moved ("fetch first"), the change is
// made again on the new `main` (the comment may be gone by then) and pushed again.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commentFilePath, encodeCommentFile, validateCommentFile, type Hiding } from '../../src/comments/record.ts';
import { ModerationError } from './errors.ts';
import type { ModeratorCredentials } from './moderator-auth.ts';
import { runGit } from './run-git.ts';

/** What git says when `main` moved between the fetch and the push. */
const MAIN_MOVED = /fetch first|does not fast-forward|non-fast-forward/;
/** Pushes tried before giving up on a `main` that keeps moving. */
const MAX_ATTEMPTS = 5;

/** What git says when the server answered 401 and it may not prompt for credentials. */
const REFUSED_CREDENTIALS = /could not read Username|Authentication failed|\b401\b/;

/** One moderation. */
export interface ModerateOptions {
  action: 'hide' | 'delete';
  /** The comment remote, e.g. `http://127.0.0.1:8174/comments.git`. */
  url: string;
  /** The comment's id (its page is found in the repository). */
  id: string;
  credentials: ModeratorCredentials;
  /** Shown beside a hidden comment's "removed". */
  reason?: string;
  /** The time written in the hiding; default now. */
  now?: Date;
}

/** What was done: the commit pushed, the files it added or removed, and how many pushes it took. */
export interface ModerationResult {
  commit: string;
  page: string;
  paths: string[];
  attempts: number;
}

/** Hides or deletes a comment; rejects with {@link ModerationError} saying why not. */
export async function moderateComment(options: ModerateOptions): Promise<ModerationResult> {
  const { action, id } = options;
  const fail = (detail: string) => new ModerationError({ action, id, detail });
  const refusedCredentials = () => fail('the remote refused the moderator credentials (HTTP 401); check the user name and password');
  const work = await mkdtemp(join(tmpdir(), 'taskgit-moderate-'));
  const env = moderatorEnv(options);
  const git = async (args: string[]) => {
    const outcome = await runGit(args, work, env);
    if (outcome.status !== 0 && REFUSED_CREDENTIALS.test(outcome.stderr)) throw refusedCredentials();
    if (outcome.status !== 0) throw fail(`git ${args[0] ?? ''} failed: ${outcome.stderr.trim()}`);
    return outcome.stdout.toString('utf8');
  };
  try {
    await git(['clone', '--quiet', '--branch', 'main', '--single-branch', options.url, '.']);
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) {
        await git(['fetch', '--quiet', 'origin', 'main']);
        await git(['reset', '--quiet', '--hard', 'FETCH_HEAD']);
      }
      const { page, paths } = await commitChange(work, options, fail, git);
      const pushed = await runGit(['push', '--quiet', '--porcelain', 'origin', 'HEAD:refs/heads/main'], work, env);
      if (pushed.status === 0) return { commit: (await git(['rev-parse', 'HEAD'])).trim(), page, paths, attempts: attempt };
      const said = `${pushed.stdout.toString('utf8')}\n${pushed.stderr}`;
      if (REFUSED_CREDENTIALS.test(said)) throw refusedCredentials();
      if (!MAIN_MOVED.test(said) || attempt === MAX_ATTEMPTS) {
        const moved = MAIN_MOVED.test(said) ? ` (main moved under each of ${MAX_ATTEMPTS} pushes; try again)` : '';
        throw fail(`git push failed: ${said.trim()}${moved}`);
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Makes the moderation's commit on the clone's `main` as it is now. */
async function commitChange(work: string, options: ModerateOptions, fail: (detail: string) => ModerationError, git: (args: string[]) => Promise<string>): Promise<{ page: string; paths: string[] }> {
  const { action, id } = options;
  const page = await findPage(work, id);
  if (page === undefined) throw fail('no such comment on the remote');
  const files = (await readdir(join(work, 'comments', page))).filter((name) => name.startsWith(`${id}.`));
  let paths: string[];
  if (action === 'hide') {
    const path = commentFilePath(page, id, 'hiding');
    if (files.includes(`${id}.hidden.json`)) throw fail('it is hidden already');
    const hiding: Hiding = { id, page, hidden: (options.now ?? new Date()).toISOString(), ...(options.reason ? { reason: options.reason } : {}) };
    const bytes = encodeCommentFile(hiding);
    const judged = validateCommentFile(path, bytes);
    if (!judged.ok) throw fail(judged.reason);
    await writeFile(join(work, path), bytes);
    await git(['add', '--', path]);
    paths = [path];
  } else {
    paths = files.map((name) => `comments/${page}/${name}`);
    await git(['rm', '--quiet', '--', ...paths]);
  }
  await git(['commit', '--quiet', '-m', `${action === 'hide' ? 'Hide' : 'Delete'} comment ${id} on ${page} (moderator ${options.credentials.username})`]);
  return { page, paths };
}

/** The page folder holding comment `id`, if any. */
async function findPage(work: string, id: string): Promise<string | undefined> {
  const pages = await readdir(join(work, 'comments')).catch(() => [] as string[]);
  for (const page of pages) {
    const files = await readdir(join(work, 'comments', page)).catch(() => [] as string[]);
    if (files.includes(`${id}.json`) || files.includes(`${id}.retracted.json`)) return page;
  }
  return undefined;
}

/** git's environment: no user config or prompts, the credentials as a header, the moderator as author. */
function moderatorEnv(options: ModerateOptions): NodeJS.ProcessEnv {
  const { username, password } = options.credentials;
  const basic = Buffer.from(`${username}:${password}`).toString('base64');
  const email = `${username.replace(/[^A-Za-z0-9._-]/g, '') || 'moderator'}@moderator.invalid`;
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'http.extraHeader',
    GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
    GIT_AUTHOR_NAME: username,
    GIT_AUTHOR_EMAIL: email,
    GIT_COMMITTER_NAME: username,
    GIT_COMMITTER_EMAIL: email,
  };
}
