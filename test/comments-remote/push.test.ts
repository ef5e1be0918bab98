// Pushing comments to the comment remote with the real git CLI: readers push commits to
// refs/for/main/<name>; the server judges them and folds their files into main, one plain commit
// per batch. What is taken, what is refused (per ref, in words), and that main stays linear.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushEvent } from '../../server/comments/index.ts';
import { startGitRemote, type GitRemote } from '../../server/git-remote.ts';
import { encodeCommentFile, MAX_COMMENTS_PER_PUSH, MAX_COMMENT_FILE_BYTES } from '../../src/comments/record.ts';
import { gitAsync, makeTempDir, removeTempDirs } from '../support/git-cli.ts';
import { cloneRemote, commitFiles, newComment, push, rejections, retraction } from './comment-fixture.ts';

let remote: GitRemote;
let counter = 0;

beforeAll(async () => {
  remote = await startGitRemote({ dataDir: join(makeTempDir('comments-push'), 'remotes'), comments: { repos: Array.from({ length: 40 }, (_, i) => `c${i + 1}.git`) } });
});

afterAll(async () => {
  await remote?.close();
  removeTempDirs();
});

/** A clone of a fresh comment repository whose main already holds one published comment. */
async function seeded(): Promise<{ dir: string; url: string; first: ReturnType<typeof newComment> }> {
  const url = `${remote.url}c${++counter}.git`;
  const dir = await cloneRemote(url);
  const first = newComment();
  await commitFiles(dir, { [first.path]: encodeCommentFile(first.comment) }, 'First comment');
  const result = await push(dir);
  expect(result.ok, result.stderr).toBe(true);
  await gitAsync(['fetch', '--quiet', 'origin'], { cwd: dir });
  await gitAsync(['reset', '--quiet', '--hard', 'origin/main'], { cwd: dir });
  return { dir, url, first };
}

async function remoteHead(url: string): Promise<string> {
  return (await gitAsync(['ls-remote', url, 'refs/heads/main'])).split('\t')[0] ?? '';
}

async function filesOnMain(url: string): Promise<string[]> {
  return (await gitAsync(['ls-tree', '-r', '--name-only', 'origin/main'], { cwd: await cloneRemote(url) })).split('\n').filter(Boolean);
}

/** Pushes `dir` as a submission and expects it refused with `words`; main must not move. */
async function expectRefused(dir: string, url: string, words: RegExp, args?: string[]): Promise<void> {
  const before = await remoteHead(url);
  const result = await push(dir, args);
  expect(result.ok, result.stderr).toBe(false);
  expect(rejections(result.stderr), result.stderr).toEqual([expect.stringMatching(words)]);
  expect(await remoteHead(url)).toBe(before);
}

describe('comment remote: accepted pushes', () => {
  it('publishes a first comment into an empty repository as one commit on main, byte for byte', async () => {
    const { url, first } = await seeded();
    const clone = await cloneRemote(url);
    expect(await gitAsync(['log', '--format=%an|%s|%P', 'origin/main'], { cwd: clone })).toBe('Comment remote|Comment by Ada on chapter-3|\n');
    expect(await gitAsync(['show', `origin/main:${first.path}`], { cwd: clone })).toBe(new TextDecoder().decode(encodeCommentFile(first.comment)));
    expect(await gitAsync(['ls-remote', url])).not.toContain('refs/for/');
  });

  it('takes a reply and a comment on another page as a child commit of main, in one push of two commits', async () => {
    const { dir, url, first } = await seeded();
    const reply = newComment(first.comment.page, { parent: first.comment.id, body: 'I agree.' });
    const other = newComment('chapter-4', { anchor: { kind: 'quote', exact: 'some words', prefix: 'before ', suffix: ' after' } });
    await commitFiles(dir, { [reply.path]: encodeCommentFile(reply.comment) }, 'Reply');
    await commitFiles(dir, { [other.path]: encodeCommentFile(other.comment) }, 'Other page');
    const result = await push(dir);
    expect(result.ok, result.stderr).toBe(true);
    expect(await filesOnMain(url)).toEqual([first.path, reply.path, other.path].sort());
  });

  it('takes the same comment again as already published (a retry whose answer was lost)', async () => {
    const { dir, url, first } = await seeded();
    const head = await remoteHead(url);
    const again = await cloneRemote(url);
    await gitAsync(['checkout', '--quiet', '--orphan', 'again'], { cwd: again });
    await gitAsync(['rm', '-r', '--quiet', '--cached', '.'], { cwd: again });
    await commitFiles(again, { [first.path]: encodeCommentFile(first.comment) }, 'Same comment, root commit');
    expect((await push(again)).ok).toBe(true);
    expect(await remoteHead(url)).toBe(head);
    expect(dir).not.toBe(again);
  });

  it('folds many readers pushing at once into a linear main: no merge commits, every comment there', async () => {
    const { url } = await seeded();
    const readers = await Promise.all(Array.from({ length: 8 }, () => cloneRemote(url)));
    const comments = readers.map(() => newComment());
    await Promise.all(readers.map((dir, i) => commitFiles(dir, { [comments[i]!.path]: encodeCommentFile(comments[i]!.comment) })));
    const results = await Promise.all(readers.map((dir) => push(dir)));
    for (const result of results) expect(result.ok, result.stderr).toBe(true);
    const clone = await cloneRemote(url);
    expect(await gitAsync(['rev-list', '--merges', '--count', 'origin/main'], { cwd: clone })).toBe('0\n');
    const files = await filesOnMain(url);
    for (const comment of comments) expect(files).toContain(comment.path);
    expect(Number(await gitAsync(['rev-list', '--count', 'origin/main'], { cwd: clone }))).toBeLessThanOrEqual(1 + readers.length);
  });

  it('takes a retraction with the right secret: the comment leaves main, its tombstone stays', async () => {
    const { dir, url, first } = await seeded();
    const tombstone = retraction(first.comment, first.secret);
    await commitFiles(dir, { [first.path]: null, [tombstone.path]: tombstone.bytes }, 'Retract');
    expect((await push(dir)).ok).toBe(true);
    expect(await filesOnMain(url)).toEqual([tombstone.path]);
  });
});

describe('comment remote: refused pushes, each in words, main unmoved', () => {
  it('refuses an edit of a published comment', async () => {
    const { dir, url, first } = await seeded();
    await commitFiles(dir, { [first.path]: encodeCommentFile({ ...first.comment, body: 'Edited' }) });
    await expectRefused(dir, url, /already exists and cannot be changed/);
  });

  it('refuses removing a comment without retracting it', async () => {
    const { dir, url, first } = await seeded();
    await commitFiles(dir, { [first.path]: null });
    await expectRefused(dir, url, new RegExp(`${first.path} may not be removed`));
  });

  it('refuses a file outside comments/, an oversized file, invalid JSON and a wrong id', async () => {
    const { dir, url } = await seeded();
    await commitFiles(dir, { 'notes.txt': 'hello' });
    await expectRefused(dir, url, /notes\.txt is not a comment file/);
    await gitAsync(['reset', '--quiet', '--hard', 'origin/main'], { cwd: dir });
    const big = newComment('chapter-3', { body: 'x'.repeat(3000) });
    await commitFiles(dir, { [big.path]: `${'\n'.repeat(MAX_COMMENT_FILE_BYTES)}${new TextDecoder().decode(encodeCommentFile(big.comment))}` });
    await expectRefused(dir, url, /pushed pack is refused: an object of \d+ bytes or more, over the 8192-byte limit/);
    await gitAsync(['reset', '--quiet', '--hard', 'origin/main'], { cwd: dir });
    const bad = newComment();
    await commitFiles(dir, { [bad.path]: '{"not": "closed"' });
    await expectRefused(dir, url, /not valid UTF-8 JSON/);
    await gitAsync(['reset', '--quiet', '--hard', 'origin/main'], { cwd: dir });
    const wrong = newComment();
    await commitFiles(dir, { [wrong.path]: encodeCommentFile({ ...wrong.comment, id: newComment().comment.id }) });
    await expectRefused(dir, url, /"id" must be/);
  });

  it(`refuses more than ${MAX_COMMENTS_PER_PUSH} comments in one push, even in one commit`, async () => {
    const { dir, url } = await seeded();
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= MAX_COMMENTS_PER_PUSH; i++) {
      const comment = newComment();
      files[comment.path] = encodeCommentFile(comment.comment);
    }
    await commitFiles(dir, files);
    await expectRefused(dir, url, new RegExp(`more than ${MAX_COMMENTS_PER_PUSH} files`));
  });

  it('refuses a reader pushing to main, deleting refs and pushing other refs', async () => {
    const { dir, url } = await seeded();
    const comment = newComment();
    await commitFiles(dir, { [comment.path]: encodeCommentFile(comment.comment) });
    await expectRefused(dir, url, /readers do not push to main: push each comment as a commit to refs\/for\/main/, ['origin', 'HEAD:refs/heads/main']);
    await expectRefused(dir, url, /only refs\/for\/main\/<name> takes comments here, not refs\/heads\/other/, ['origin', 'HEAD:refs/heads/other']);
    const deletion = await push(dir, ['origin', ':refs/heads/main']);
    expect(deletion.ok).toBe(false);
    expect(deletion.stderr).toMatch(/remote rejected\] main/); // no delete-refs offered: git does not even ask
  });

  it('refuses a retraction with a wrong secret, a reader hiding a comment, and a merge commit', async () => {
    const { dir, url, first } = await seeded();
    const wrong = retraction(first.comment, 'not-the-secret-at-all');
    await commitFiles(dir, { [first.path]: null, [wrong.path]: wrong.bytes });
    await expectRefused(dir, url, /secret .* does not match/);
    await gitAsync(['reset', '--quiet', '--hard', 'origin/main'], { cwd: dir });
    const hidden = first.path.replace(/\.json$/, '.hidden.json');
    await commitFiles(dir, { [hidden]: encodeCommentFile({ id: first.comment.id, page: first.comment.page, hidden: '2026-11-23T12:00:00.000Z' }) });
    await expectRefused(dir, url, /only a moderator may hide/);
    await gitAsync(['reset', '--quiet', '--hard', 'origin/main'], { cwd: dir });
    const side = newComment();
    await gitAsync(['checkout', '--quiet', '-b', 'side'], { cwd: dir });
    await commitFiles(dir, { [side.path]: encodeCommentFile(side.comment) });
    await gitAsync(['checkout', '--quiet', 'main'], { cwd: dir });
    await commitFiles(dir, { [newComment().path]: encodeCommentFile(newComment().comment) });
    await gitAsync(['merge', '--quiet', '--no-edit', 'side'], { cwd: dir });
    await expectRefused(dir, url, /merge commits are not taken/);
  });

  it('refuses bad content in an earlier commit even when a later one removes it', async () => {
    const { dir, url } = await seeded();
    await commitFiles(dir, { 'junk.bin': 'x' });
    await commitFiles(dir, { 'junk.bin': null });
    await expectRefused(dir, url, /junk\.bin is not a comment file/);
  });
});

describe('comment remote set-up', () => {
  it('serves nothing but the comment repositories when told to', async () => {
    const dataDir = makeTempDir('comments-only');
    const only = await startGitRemote({ dataDir, comments: { repos: ['comments.git'], only: true } });
    try {
      expect((await fetch(`${only.url}comments.git/info/refs?service=git-receive-pack`)).status).toBe(200);
      expect((await fetch(`${only.url}open.git/info/refs?service=git-receive-pack`)).status).toBe(404);
      expect(readdirSync(dataDir)).toEqual(['comments.git']);
    } finally {
      await only.close();
    }
  });

  it("tells the owner each push's way through the remote, step by step, and which pushes one batch published", async () => {
    const events: PushEvent[] = [];
    const own = await startGitRemote({ dataDir: makeTempDir('comments-timeline'), comments: { repos: ['comments.git'], onPush: (event) => events.push(event) } });
    try {
      const url = `${own.url}comments.git`;
      const readers = await Promise.all(Array.from({ length: 4 }, () => cloneRemote(url)));
      await Promise.all(readers.map((dir) => ({ dir, ...newComment() })).map(({ dir, path, comment }) => commitFiles(dir, { [path]: encodeCommentFile(comment) })));
      for (const result of await Promise.all(readers.map((dir) => push(dir)))) expect(result.ok, result.stderr).toBe(true);
      const pushes = events.filter((event) => event.taken === 1);
      expect(pushes).toHaveLength(readers.length);
      for (const { timeline } of pushes) {
        const steps = [timeline.accepted, timeline.started, timeline.bodyRead, timeline.judged, timeline.batchBegan, timeline.mainMoved, timeline.answered];
        expect(steps.every((step) => typeof step === 'number')).toBe(true);
        expect([...(steps as number[])].sort((a, b) => a - b)).toEqual(steps);
        expect(pushes.filter((other) => other.timeline.batchBegan === timeline.batchBegan)).toHaveLength(timeline.batchSize ?? 0);
      }
    } finally {
      await own.close();
    }
  });

  it('refuses options that cannot work', async () => {
    const dataDir = makeTempDir('comments-config');
    await expect(startGitRemote({ dataDir, comments: { repos: ['../x.git'] } })).rejects.toThrow(/"..\/x.git" is not a repository name/);
    await expect(startGitRemote({ dataDir, comments: { repos: ['a.git', 'b.git'], mirror: { url: '/tmp/m.git' } } })).rejects.toThrow(/a mirror serves one comment repository, not 2/);
    await expect(startGitRemote({ dataDir, comments: { repos: ['a.git'], rateLimit: { pushes: 0, perSeconds: 1 } } })).rejects.toThrow(RangeError);
  });
});
