// The widget's own storage and publish code against the real comment remote, in Node with one
// fake IndexedDB per reader: a comment committed to the outbox is published and lands on main
// byte for byte; a first visit reads the page's snapshot only; a comment refused for good is set
// aside with the reason and blocks nothing; a crowd publishes with no merge commits on main; the
// remote's answer, shown at once, is recorded with the next snapshot, and a visit before that
// loses nothing; a comment removed from main before any snapshot showed it is settled (retracted)
// or set aside with the reason (deleted by a moderator).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { moderateComment } from '../../server/comments/index.ts';
import { startGitRemote, type GitRemote } from '../../server/git-remote.ts';
import { publish } from '../../src/comments/publish/publish.ts';
import { commentFilePath, encodeCommentFile } from '../../src/comments/record.ts';
import { CommentRepo } from '../../src/comments/storage/index.ts';
import { gitAsync, makeTempDir, removeTempDirs } from '../support/git-cli.ts';
import { cloneRemote, newComment } from './comment-fixture.ts';

const LIMIT = { pushes: 2, perSeconds: 3600 };
const MODERATOR = { username: 'editor', password: 'correct horse battery staple' };
let remote: GitRemote;
const readers: CommentRepo[] = [];
let counter = 0;

beforeAll(async () => {
  remote = await startGitRemote({ dataDir: join(makeTempDir('comments-publish'), 'remotes'), comments: { repos: Array.from({ length: 10 }, (_, i) => `p${i + 1}.git`), moderator: MODERATOR } });
});
afterAll(async () => {
  await remote?.close();
  removeTempDirs();
});
afterEach(async () => {
  await Promise.all(readers.splice(0).map((reader) => reader.close()));
});

async function reader(url: string, indexedDB = new IDBFactory(), databaseName = `reader-${++counter}`): Promise<CommentRepo> {
  const repo = await CommentRepo.open({ remote: url, indexedDB, databaseName });
  readers.push(repo);
  return repo;
}

async function outboxPaths(repo: CommentRepo): Promise<string[]> {
  return [...(await (await repo.repo.branch('outbox')).getAll()).keys()].filter((path) => path !== '.outbox');
}

async function mainFiles(url: string): Promise<Map<string, string>> {
  const clone = await cloneRemote(url);
  const files = new Map<string, string>();
  for (const path of (await gitAsync(['ls-tree', '-r', '--name-only', 'origin/main'], { cwd: clone })).split('\n').filter(Boolean)) {
    files.set(path, await gitAsync(['show', `origin/main:${path}`], { cwd: clone }));
  }
  return files;
}

describe('publishing from the widget store', () => {
  it('publishes an outbox comment onto main byte for byte; a second reader sees it from the snapshot alone', async () => {
    const url = `${remote.url}p1.git`;
    const ada = await reader(url);
    const { comment, path } = newComment();
    await ada.addComment(comment);
    expect(await publish(ada, url, 'chapter-3')).toEqual({ ok: true, refreshed: true });
    expect(await ada.listPending()).toEqual([]);
    expect((await ada.readPage('chapter-3')).published).toEqual(new Set([path]));
    expect((await mainFiles(url)).get(path)).toBe(new TextDecoder().decode(encodeCommentFile(comment)));
    // The snapshot shows it: the outbox keeps nothing of it. A second comment's snapshot stores
    // only what this browser lacks: the new trees and commit (the blobs it has: the first from
    // the last snapshot, the second its own outbox's), not the page again.
    expect([...(await (await ada.repo.branch('outbox')).getAll('published')).keys()]).toEqual([]);
    const second = newComment();
    await ada.addComment(second.comment);
    const before = await ada.repo.git.refs.read('refs/heads/pages/chapter-3');
    const written: string[] = [];
    const lookedUp: string[] = [];
    const objects = ada.repo.git.objects;
    const missing = objects.missing.bind(objects);
    objects.missing = async (oids) => {
      lookedUp.push(...oids);
      return missing(oids);
    };
    const refs = ada.repo.git.refs;
    const compareAndSet = refs.compareAndSet.bind(refs);
    refs.compareAndSet = async (ref, expected, next, objects = []) => {
      if (ref === 'refs/heads/pages/chapter-3') written.push(...objects.map((object) => object.type));
      return compareAndSet(ref, expected, next, objects);
    };
    expect(await publish(ada, url, 'chapter-3')).toEqual({ ok: true, refreshed: true });
    expect(written.sort()).toEqual(['commit', 'tree', 'tree', 'tree']);
    // The first comment's blob came in the last snapshot: it is not even looked up.
    const firstBlob = (await ada.repo.git.objects.readTree((await ada.repo.git.objects.readTree((await ada.repo.git.objects.readTree((await ada.repo.git.objects.readCommit(before as string)).tree)).find((entry) => entry.name === 'comments')?.oid as string)).find((entry) => entry.name === 'chapter-3')?.oid as string))[0]?.oid;
    expect(firstBlob).toBeDefined();
    expect(lookedUp).not.toContain(firstBlob);
    expect(lookedUp.length).toBeLessThan(6);
    const after = (await ada.repo.git.refs.read('refs/heads/pages/chapter-3')) as string;
    expect(after).not.toBe(before);
    expect(new Set((await ada.readPage('chapter-3')).files.keys())).toEqual(new Set([path, second.path]));
    expect([...(await (await ada.repo.branch('outbox')).getAll('published')).keys()]).toEqual([]);

    const bo = await reader(url);
    expect(await publish(bo, url, 'chapter-3')).toEqual({ ok: true, refreshed: true });
    const seen = await bo.readPage('chapter-3');
    expect(new Set(seen.files.keys())).toEqual(new Set([path, second.path]));
    expect(seen.published).toEqual(new Set([path, second.path]));
    expect(await bo.repo.git.refs.list('refs/heads/')).toEqual(new Map([['refs/heads/pages/chapter-3', expect.any(String)]]));
  });

  it('sets aside a comment refused for good, with the reason, and still publishes the next one', async () => {
    const url = `${remote.url}p2.git`;
    const [ada, bo] = [await reader(url), await reader(url)];
    const first = newComment();
    await ada.addComment(first.comment);
    expect(await publish(ada, url, 'chapter-3')).toEqual({ ok: true, refreshed: true });
    await bo.addComment({ ...first.comment, body: 'Same id, other words' });
    const next = newComment();
    await bo.addComment(next.comment);
    expect(await publish(bo, url, 'chapter-3')).toEqual({ ok: true, refreshed: true });
    const page = await bo.readPage('chapter-3');
    expect(page.setAside.get(first.path)).toMatch(/already exists with other contents/);
    expect(page.published.has(next.path)).toBe(true);
    expect(await bo.listPending()).toEqual([]);
    const later = newComment();
    await bo.addComment(later.comment);
    expect(await publish(bo, url, 'chapter-3')).toEqual({ ok: true, refreshed: true });
    expect((await mainFiles(url)).has(later.path)).toBe(true);
  });

  it('retracts a published comment: it leaves main, the tombstone stays', async () => {
    const url = `${remote.url}p3.git`;
    const ada = await reader(url);
    const { comment, path, secret } = newComment();
    await ada.addComment(comment);
    await publish(ada, url, 'chapter-3');
    await ada.retract({ id: comment.id, page: comment.page, secret, retracted: '2026-11-23T11:00:00.000Z' });
    expect(await publish(ada, url, 'chapter-3')).toEqual({ ok: true, refreshed: true });
    expect([...(await mainFiles(url)).keys()]).toEqual([commentFilePath(comment.page, comment.id, 'retraction')]);
    expect([...(await ada.readPage('chapter-3')).files.keys()]).toEqual([commentFilePath(comment.page, comment.id, 'retraction')]);
    expect(path).not.toBe('');
  });

  it('folds a crowd of readers posting at once: all published, main linear, no merge commits', async () => {
    const url = `${remote.url}p4.git`;
    const crowd = await Promise.all(Array.from({ length: 10 }, () => reader(url)));
    const comments = crowd.map(() => newComment());
    await Promise.all(crowd.map((repo, i) => repo.addComment(comments[i]!.comment)));
    const outcomes = await Promise.all(crowd.map((repo) => publish(repo, url, 'chapter-3')));
    expect(outcomes).toEqual(crowd.map(() => ({ ok: true, refreshed: true })));
    const files = await mainFiles(url);
    for (const { comment, path } of comments) expect(files.get(path)).toBe(new TextDecoder().decode(encodeCommentFile(comment)));
    const clone = await cloneRemote(url);
    expect(await gitAsync(['rev-list', '--merges', '--count', 'origin/main'], { cwd: clone })).toBe('0\n');
    expect(await gitAsync(['log', '--format=%s', 'origin/main'], { cwd: clone })).toMatch(/^(Publish \d+ comments|Comment by Ada on chapter-3)$/m);
  });

  it('shows a comment published from the answer, records it with the next snapshot, and loses nothing to a visit before that', async () => {
    const url = `${remote.url}p5.git`;
    const browser = new IDBFactory();
    const ada = await reader(url, browser, 'ada');
    const { comment, path } = newComment();
    await ada.addComment(comment);
    let told = 0;
    const stop = await ada.watch('chapter-3', () => told++);
    expect(await publish(ada, url, 'chapter-3', { deferRefresh: true })).toEqual({ ok: true, refreshed: false });
    stop();
    expect(told).toBeGreaterThan(0);
    expect((await ada.readPage('chapter-3')).published.has(path)).toBe(true);
    expect(await ada.listPending()).toEqual([]);
    // Not recorded yet: the outbox still holds it as written.
    expect(await outboxPaths(ada)).toEqual([path]);
    await ada.close();
    // The tab closed before the snapshot: the next visit shows it waiting and pushes it again;
    // the remote, which has it, answers that it is published, and main holds it once.
    const again = await reader(url, browser, 'ada');
    expect((await again.listPending()).map((change) => change.path)).toEqual([path]);
    expect((await again.readPage('chapter-3')).published.has(path)).toBe(false);
    expect(await publish(again, url, 'chapter-3')).toEqual({ ok: true, refreshed: true });
    expect((await again.readPage('chapter-3')).published.has(path)).toBe(true);
    expect(await outboxPaths(again)).toEqual([]);
    expect([...(await mainFiles(url)).keys()]).toEqual([path]);
  });

  it('settles a comment retracted, and sets aside with the reason one a moderator deleted, before any snapshot showed them', async () => {
    const url = `${remote.url}p6.git`;
    const ada = await reader(url);
    const [kept, deleted, retracted] = [newComment(), newComment(), newComment()];
    for (const { comment } of [kept, deleted, retracted]) await ada.addComment(comment);
    expect(await publish(ada, url, 'chapter-3', { deferRefresh: true })).toEqual({ ok: true, refreshed: false });
    await moderateComment({ action: 'delete', url, id: deleted.comment.id, credentials: MODERATOR });
    await ada.retract({ id: retracted.comment.id, page: 'chapter-3', secret: retracted.secret, retracted: '2026-11-23T11:00:00.000Z' });
    expect(await publish(ada, url, 'chapter-3', { deferRefresh: true })).toEqual({ ok: true, refreshed: false });
    expect((await ada.readPage('chapter-3')).published).toEqual(new Set([kept.path, deleted.path, retracted.path, commentFilePath('chapter-3', retracted.comment.id, 'retraction')]));
    expect(await publish(ada, url, 'chapter-3')).toEqual({ ok: true, refreshed: true });
    const page = await ada.readPage('chapter-3');
    expect(page.setAside).toEqual(new Map([[deleted.path, expect.stringMatching(/deleted by a moderator/)]]));
    expect(page.published).toEqual(new Set([kept.path, commentFilePath('chapter-3', retracted.comment.id, 'retraction')]));
    expect(await outboxPaths(ada)).toEqual([deleted.path.replace(/^comments/, 'set-aside'), `${deleted.path.replace(/^comments/, 'set-aside')}.reason`]);
  });

  it('keeps comments waiting on a 429 and says so', async () => {
    const limited = await startGitRemote({ dataDir: join(makeTempDir('comments-limited'), 'remotes'), comments: { repos: ['comments.git'], rateLimit: LIMIT } });
    try {
      const url = `${limited.url}comments.git`;
      const ada = await reader(url);
      for (let i = 0; i < LIMIT.pushes; i++) {
        await ada.addComment(newComment().comment);
        expect(await publish(ada, url, 'chapter-3')).toEqual({ ok: true, refreshed: true });
      }
      await ada.addComment(newComment().comment);
      expect(await publish(ada, url, 'chapter-3')).toEqual({ ok: false, failure: { kind: 'rate-limited' } });
      expect(await ada.listPending()).toHaveLength(1);
    } finally {
      await limited.close();
    }
  });
});
