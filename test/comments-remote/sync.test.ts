// The widget's path to the comment remote: the store commits a comment, `sync()` from src/sync
// pushes it through the hook; a refusal and the push limit come back as typed SyncErrors whose
// message carries what the remote said.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGitRemote, type GitRemote } from '../../server/git-remote.ts';
import { encodeCommentFile } from '../../src/comments/record.ts';
import { openRepo, type Repo } from '../../src/store/index.ts';
import { SyncError } from '../../src/sync/index.ts';
import { syncFailure, syncOk } from '../support/sync-ok.ts';
import { parseRetryAfter } from '../../src/sync/transport.ts';
import { gitAsync, makeTempDir, removeTempDirs } from '../support/git-cli.ts';
import { cloneRemote, newComment } from './comment-fixture.ts';

const LIMIT = { pushes: 2, perSeconds: 3600 };
let remote: GitRemote;
const repos: Repo[] = [];
let counter = 0;

beforeAll(async () => {
  const names = Array.from({ length: 10 }, (_, i) => `s${i + 1}.git`);
  remote = await startGitRemote({ dataDir: join(makeTempDir('comments-sync'), 'remotes'), comments: { repos: names } });
});
afterAll(async () => {
  await remote?.close();
  removeTempDirs();
});
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.close()));
});

async function reader(): Promise<Repo> {
  const repo = await openRepo({ name: `reader-${++counter}`, indexedDB: new IDBFactory(), author: { name: 'Comment widget', email: 'reader@comments.invalid' } });
  repos.push(repo);
  return repo;
}

/** Commits one comment the way the widget does, and returns its path. */
async function commitComment(repo: Repo): Promise<string> {
  const { comment, path } = newComment();
  await (await repo.branch()).set(path, encodeCommentFile(comment), { message: `Comment on ${comment.page}` });
  return path;
}

describe('sync() with the comment remote', () => {
  it('publishes a comment committed in the store; git log on the remote shows it', async () => {
    const url = `${remote.url}s1.git`;
    const repo = await reader();
    const path = await commitComment(repo);
    expect((await syncOk(repo.git, { url })).kind).toBe('pushed');
    const clone = await cloneRemote(url);
    expect(await gitAsync(['log', '--format=%s', '--name-only'], { cwd: clone })).toContain(path);
  });

  it('merges a rival reader and pushes the merge through the hook', async () => {
    const url = `${remote.url}s2.git`;
    const [a, b] = [await reader(), await reader()];
    await commitComment(a);
    await syncOk(a.git, { url });
    const pathB = await commitComment(b);
    expect((await syncOk(b.git, { url })).kind).toBe('merged-and-pushed');
    expect(await gitAsync(['ls-tree', '-r', '--name-only', 'main'], { cwd: await cloneRemote(url) })).toContain(pathB);
  });

  it('rejects a refused push with a typed error carrying the hook line', async () => {
    const url = `${remote.url}s3.git`;
    const repo = await reader();
    await (await repo.branch()).set('comments/chapter-3/not-a-uuid.json', '{}\n', { message: 'Bad file' });
    const failure = await syncFailure(repo.git, { url });
    expect(failure).toBeInstanceOf(SyncError);
    const error = failure as SyncError;
    expect(error.code).toBe('rejected');
    expect(error.message).toContain('pre-receive hook declined');
    expect(error.message).toContain('pre-receive hook declined: Push refused: comments/chapter-3/not-a-uuid.json is not a comment file');
    expect(error.message).not.toMatch(/Resolving deltas|Counting objects/);
  });

  it(`answers 429 after ${LIMIT.pushes} pushes from one address, as a typed error with the wait`, async () => {
    const limited = await startGitRemote({ dataDir: join(makeTempDir('comments-limited'), 'remotes'), comments: { repos: ['comments.git'], rateLimit: LIMIT } });
    try {
      await expectLimited(`${limited.url}comments.git`);
    } finally {
      await limited.close();
    }
  });

  async function expectLimited(url: string): Promise<void> {
    const repo = await reader();
    let published: string | undefined;
    for (let i = 0; i < LIMIT.pushes; i++) {
      await commitComment(repo);
      const result = await syncOk(repo.git, { url });
      expect(result.kind).toBe('pushed');
      published = result.head;
    }
    await commitComment(repo);
    const failure = await syncFailure(repo.git, { url });
    expect(failure).toBeInstanceOf(SyncError);
    const error = failure as SyncError<{ status: number; retryAfterSeconds?: number }>;
    expect(error.code).toBe('server-error');
    expect(error.data.status).toBe(429);
    expect(error.data.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.data.retryAfterSeconds).toBeLessThanOrEqual(LIMIT.perSeconds);
    expect(error.message).toMatch(/too many pushes from this address .*try again in \d+ seconds/i);
    // Reads are not limited, and the comment waits on this device.
    expect(await gitAsync(['ls-remote', url, 'refs/heads/main'])).toBe(`${published}\trefs/heads/main\n`);
    expect(await (await repo.branch()).head()).not.toBe(published);
    const again = await fetch(`${url}/git-receive-pack`, { method: 'POST', headers: { Origin: 'http://book.test' } });
    expect(again.status).toBe(429);
    expect(again.headers.get('access-control-expose-headers')).toContain('Retry-After');
  }

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter(new Date(Date.UTC(2026, 0, 1, 0, 1)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(60);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
