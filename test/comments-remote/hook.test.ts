// The comment remote's pre-receive hook, through the real `git http-backend` behind our Node
// front, pushed to with the real git CLI: what an anonymous reader may push, and the one line
// that says why anything else is refused.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitRemote, type GitRemote } from '../../server/git-remote.ts';
import { encodeCommentFile, MAX_COMMENTS_PER_PUSH, MAX_COMMENT_FILE_BYTES } from '../../src/comments/record.ts';
import { gitAsync, makeTempDir, removeTempDirs } from '../support/git-cli.ts';
import { cloneRemote, commitFiles, newComment, push, remoteLines, retraction } from './comment-fixture.ts';

let remote: GitRemote;
let dataDir: string;
let counter = 0;

beforeAll(async () => {
  dataDir = join(makeTempDir('comments-hook'), 'remotes');
  remote = await startGitRemote({ dataDir, comments: { repos: Array.from({ length: 40 }, (_, i) => `c${i + 1}.git`) } });
});

afterAll(async () => {
  await remote?.close();
  removeTempDirs();
});

/** A clone of a fresh comment repository that already holds one accepted comment. */
async function seeded(): Promise<{ dir: string; url: string; first: ReturnType<typeof newComment> }> {
  const url = `${remote.url}c${++counter}.git`;
  const dir = await cloneRemote(url);
  const first = newComment();
  await commitFiles(dir, { [first.path]: encodeCommentFile(first.comment) }, 'First comment');
  const result = await push(dir);
  expect(result.ok, result.stderr).toBe(true);
  return { dir, url, first };
}

/** The remote's branch head, seen through a fresh `ls-remote`. */
async function remoteHead(url: string): Promise<string> {
  return (await gitAsync(['ls-remote', url, 'refs/heads/main'])).split('\t')[0] ?? '';
}

/** Pushes `dir` and expects a refusal whose one hook line matches `words`; the remote must not move. */
async function expectRefused(dir: string, url: string, words: RegExp, args?: string[]): Promise<void> {
  const before = await remoteHead(url);
  const result = await push(dir, args);
  expect(result.ok, result.stderr).toBe(false);
  const lines = remoteLines(result.stderr);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Push refused: /);
  expect(lines[0]).toMatch(words);
  expect(await remoteHead(url)).toBe(before);
}

describe('comment remote hook: accepted pushes', () => {
  it('installs the hook and takes a first comment into an empty repository', async () => {
    const { dir, url, first } = await seeded();
    const clone = await cloneRemote(url);
    expect(await gitAsync(['log', '--format=%s', '--name-only'], { cwd: clone })).toContain(first.path);
    expect(await gitAsync(['config', 'receive.denyNonFastForwards'], { cwd: join(dataDir, `c${counter}.git`) })).toBe('true\n');
    expect(dir).not.toBe(clone);
  });

  it('takes a reply and a comment on another page, in one push of two commits', async () => {
    const { dir, url, first } = await seeded();
    const reply = newComment(first.comment.page, { parent: first.comment.id, body: 'I agree.' });
    const other = newComment('chapter-4', { anchor: { kind: 'quote', exact: 'some words', prefix: 'before ', suffix: ' after' } });
    await commitFiles(dir, { [reply.path]: encodeCommentFile(reply.comment) }, 'Reply');
    await commitFiles(dir, { [other.path]: encodeCommentFile(other.comment) }, 'Other page');
    const result = await push(dir);
    expect(result.ok, result.stderr).toBe(true);
    expect(await remoteHead(url)).toBe((await gitAsync(['rev-parse', 'HEAD'], { cwd: dir })).trim());
  });

  it('takes a merge of the accepted tip and a new comment (two readers raced)', async () => {
    const { dir, url } = await seeded();
    const rival = await cloneRemote(url);
    const theirs = newComment();
    await commitFiles(rival, { [theirs.path]: encodeCommentFile(theirs.comment) }, 'Their comment');
    expect((await push(rival)).ok).toBe(true);
    const ours = newComment();
    await commitFiles(dir, { [ours.path]: encodeCommentFile(ours.comment) }, 'Our comment');
    await gitAsync(['pull', '--quiet', '--no-rebase', '--no-edit', 'origin', 'main'], { cwd: dir });
    expect((await gitAsync(['rev-list', '--parents', '-n1', 'HEAD'], { cwd: dir })).trim().split(' ')).toHaveLength(3);
    const result = await push(dir);
    expect(result.ok, result.stderr).toBe(true);
  });

  it('takes a retraction with the right secret', async () => {
    const { dir, first } = await seeded();
    const tombstone = retraction(first.comment, first.secret);
    await commitFiles(dir, { [first.path]: null, [tombstone.path]: tombstone.bytes }, 'Retract');
    const result = await push(dir);
    expect(result.ok, result.stderr).toBe(true);
  });

  it('takes a comment added and retracted before it was ever pushed', async () => {
    const { dir } = await seeded();
    const late = newComment();
    await commitFiles(dir, { [late.path]: encodeCommentFile(late.comment) }, 'Comment');
    const tombstone = retraction(late.comment, late.secret);
    await commitFiles(dir, { [late.path]: null, [tombstone.path]: tombstone.bytes }, 'Retract');
    const result = await push(dir);
    expect(result.ok, result.stderr).toBe(true);
  });
});

describe('comment remote hook: refused pushes', () => {
  it('refuses an edit of an accepted comment', async () => {
    const { dir, url, first } = await seeded();
    await commitFiles(dir, { [first.path]: encodeCommentFile({ ...first.comment, body: 'Rewritten by someone else.' }) });
    await expectRefused(dir, url, /already exists and cannot be changed/);
  });

  it('refuses removing a comment', async () => {
    const { dir, url, first } = await seeded();
    await commitFiles(dir, { [first.path]: null });
    await expectRefused(dir, url, /may not be removed: only its author can retract/);
  });

  it('refuses a file outside comments/', async () => {
    const { dir, url } = await seeded();
    await commitFiles(dir, { 'index.html': '<script>alert(1)</script>' });
    await expectRefused(dir, url, /index\.html is not a comment file/);
  });

  it('refuses an oversized comment file', async () => {
    const { dir, url } = await seeded();
    const big = newComment();
    const bytes = new Uint8Array(MAX_COMMENT_FILE_BYTES + 1).fill(0x20);
    bytes.set(encodeCommentFile(big.comment));
    await commitFiles(dir, { [big.path]: bytes });
    await expectRefused(dir, url, new RegExp(`is ${MAX_COMMENT_FILE_BYTES + 1} bytes; the limit is ${MAX_COMMENT_FILE_BYTES}`));
  });

  it('refuses invalid JSON', async () => {
    const { dir, url } = await seeded();
    const broken = newComment();
    await commitFiles(dir, { [broken.path]: '{"id": ' });
    await expectRefused(dir, url, /is not valid UTF-8 JSON; fix the file/);
  });

  it('refuses a comment whose id does not match its file name', async () => {
    const { dir, url } = await seeded();
    const named = newComment();
    const other = newComment();
    await commitFiles(dir, { [named.path]: encodeCommentFile(other.comment) });
    await expectRefused(dir, url, new RegExp(`"id" must be ${named.comment.id}, as in the file name`));
  });

  it(`refuses more than ${MAX_COMMENTS_PER_PUSH} new comments in one push`, async () => {
    const { dir, url } = await seeded();
    for (let i = 0; i <= MAX_COMMENTS_PER_PUSH; i++) {
      const extra = newComment();
      await commitFiles(dir, { [extra.path]: encodeCommentFile(extra.comment) }, `Comment ${i}`);
    }
    await expectRefused(dir, url, new RegExp(`adds ${MAX_COMMENTS_PER_PUSH + 1} comments; the limit is ${MAX_COMMENTS_PER_PUSH}`));
  });

  it('refuses a force-push', async () => {
    const { dir, url } = await seeded();
    const replacement = newComment();
    await gitAsync(['reset', '--quiet', '--hard', 'HEAD'], { cwd: dir });
    await gitAsync(['checkout', '--quiet', '--orphan', 'rewrite'], { cwd: dir });
    await gitAsync(['rm', '-r', '--quiet', '-f', '.'], { cwd: dir });
    await commitFiles(dir, { [replacement.path]: encodeCommentFile(replacement.comment) }, 'Rewritten history');
    await expectRefused(dir, url, /does not fast-forward refs\/heads\/main \(force-pushes are refused\)/, ['--force', 'origin', 'HEAD:refs/heads/main']);
  });

  it('refuses deleting the branch', async () => {
    const { dir, url } = await seeded();
    await expectRefused(dir, url, /refs\/heads\/main cannot be deleted/, ['origin', ':refs/heads/main']);
  });

  it('refuses another ref', async () => {
    const { dir, url } = await seeded();
    const side = newComment();
    await commitFiles(dir, { [side.path]: encodeCommentFile(side.comment) });
    await expectRefused(dir, url, /only refs\/heads\/main takes pushes here, not refs\/heads\/other/, ['origin', 'HEAD:refs/heads/other']);
    await expectRefused(dir, url, /not refs\/tags\/v1/, ['origin', 'HEAD:refs/tags/v1']);
  });

  it('refuses a retraction with a wrong secret', async () => {
    const { dir, url, first } = await seeded();
    const tombstone = retraction(first.comment, 'a guess at the secret, long enough');
    await commitFiles(dir, { [first.path]: null, [tombstone.path]: tombstone.bytes }, 'Retract');
    await expectRefused(dir, url, /secret in .* does not match the comment's secretHash/);
  });

  it('refuses a hiding from a reader', async () => {
    const { dir, url, first } = await seeded();
    const path = first.path.replace(/\.json$/, '.hidden.json');
    await commitFiles(dir, { [path]: encodeCommentFile({ id: first.comment.id, page: first.comment.page, hidden: '2026-11-23T12:00:00Z' }) });
    await expectRefused(dir, url, /only a moderator may hide a comment/);
  });

  it('refuses bad content in history even when a later commit removes it', async () => {
    const { dir, url } = await seeded();
    await commitFiles(dir, { 'notes.txt': 'spam' }, 'Add spam');
    const good = newComment();
    await commitFiles(dir, { 'notes.txt': null, [good.path]: encodeCommentFile(good.comment) }, 'Hide the spam');
    await expectRefused(dir, url, /notes\.txt is not a comment file.*\(commit [0-9a-f]{12}\)/);
  });

  it('refuses a merge that drops an accepted comment', async () => {
    const { dir, url, first } = await seeded();
    await gitAsync(['checkout', '--quiet', '--orphan', 'empty'], { cwd: dir });
    await gitAsync(['rm', '-r', '--quiet', '-f', '.'], { cwd: dir });
    await commitFiles(dir, {}, 'Empty root');
    await gitAsync(['merge', '--quiet', '--allow-unrelated-histories', '-s', 'ours', '-m', 'Merge', 'main'], { cwd: dir });
    await expectRefused(dir, url, new RegExp(`${first.path} may not be removed`));
  });
});

describe('comment remote set-up', () => {
  it('hooks a repository that existed before the server named it a comment repository', async () => {
    const dir = join(makeTempDir('comments-existing'), 'remotes');
    const plain = await startGitRemote({ dataDir: dir });
    let work: string;
    try {
      work = await cloneRemote(`${plain.url}book.git`);
      await commitFiles(work, { 'notes.txt': 'taken while plain' });
      expect((await push(work)).ok).toBe(true);
    } finally {
      await plain.close();
    }
    const hooked = await startGitRemote({ dataDir: dir, comments: { repos: ['book.git'] } });
    try {
      await gitAsync(['remote', 'set-url', 'origin', `${hooked.url}book.git`], { cwd: work });
      await commitFiles(work, { 'more.txt': 'refused now' });
      expect(remoteLines((await push(work)).stderr)).toEqual([expect.stringMatching(/^Push refused: more\.txt is not a comment file/)]);
    } finally {
      await hooked.close();
    }
  });

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

  it('refuses options that cannot work', async () => {
    const dataDir = makeTempDir('comments-config');
    await expect(startGitRemote({ dataDir, comments: { repos: ['../x.git'] } })).rejects.toThrow(/"..\/x.git" is not a repository name/);
    await expect(startGitRemote({ dataDir, comments: { repos: ['a.git', 'b.git'], mirror: { url: '/tmp/m.git' } } })).rejects.toThrow(
      /a mirror serves one comment repository, not 2/,
    );
    await expect(startGitRemote({ dataDir, comments: { repos: ['a.git'], rateLimit: { pushes: 0, perSeconds: 1 } } })).rejects.toThrow(RangeError);
  });
});
