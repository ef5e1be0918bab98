import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryBackend } from '../../store/index.ts';
import { commentFilePath, type Comment } from '../record.ts';
import { COMMENTS_BRANCH, CommentRepo, InvalidCommentError, TRACKING_REF, commentDatabaseName } from './comment-repo.ts';
import { hashSecret, makeSecret } from './secret.ts';

const PAGE = 'chapter-3';
const ID = '3f2a0c4e-1b2d-4c5e-8f90-a1b2c3d4e5f6';

function comment(extra: Partial<Comment> = {}): Comment {
  return {
    id: ID,
    page: PAGE,
    anchor: { kind: 'quote', block: 'p1', exact: 'pack files', prefix: 'in ', suffix: '.' },
    parent: null,
    author: 'Ada',
    body: 'Are *thin* packs covered later?',
    created: '2026-11-23T10:00:00.000Z',
    secretHash: hashSecret('a secret of twenty chars'),
    ...extra,
  };
}

describe('CommentRepo', () => {
  let repo: CommentRepo;
  beforeEach(async () => {
    repo = await CommentRepo.open({ remote: 'http://127.0.0.1:1/comments.git', backend: createMemoryBackend() });
  });
  afterEach(() => repo.close());

  it('names its database after the remote, apart from the task app', () => {
    expect(commentDatabaseName('http://h/c.git')).toBe('git-comments:http://h/c.git');
  });

  it('commits a comment as one new file, pending until the remote-tracking ref reaches it', async () => {
    const head = await repo.addComment(comment());
    const path = commentFilePath(PAGE, ID);
    const before = await repo.readPage(PAGE);
    expect([...before.files.keys()]).toEqual([path]);
    expect(JSON.parse(new TextDecoder().decode(before.files.get(path))).anchor.exact).toBe('pack files');
    expect(before.published.size).toBe(0);
    expect(await repo.listPending()).toEqual([{ path, kind: 'comment' }]);

    // What sync does once the remote has the head.
    await repo.repo.git.refs.compareAndSet(TRACKING_REF, undefined, head);
    expect((await repo.readPage(PAGE)).published).toEqual(new Set([path]));
    expect(await repo.listPending()).toEqual([]);
    const [commit] = await (await repo.repo.branch(COMMENTS_BRANCH)).history({ limit: 1 });
    expect(commit?.message).toBe('Comment by Ada on chapter-3');
  });

  it('retracts in one commit: the comment file goes, the tombstone comes', async () => {
    await repo.addComment(comment());
    await repo.retract({ id: ID, page: PAGE, secret: 'a secret of twenty chars', retracted: '2026-11-23T11:00:00.000Z' });
    const { files } = await repo.readPage(PAGE);
    expect([...files.keys()]).toEqual([commentFilePath(PAGE, ID, 'retraction')]);
    expect(await repo.listPending()).toEqual([{ path: commentFilePath(PAGE, ID, 'retraction'), kind: 'retraction' }]);
  });

  it('refuses to write what the comment remote would refuse', async () => {
    await expect(repo.addComment(comment({ body: '   ' }))).rejects.toBeInstanceOf(InvalidCommentError);
    await expect(repo.addComment(comment({ author: 'x'.repeat(200) }))).rejects.toThrow(/author/);
    expect((await repo.readPage(PAGE)).files.size).toBe(0);
  });
});

describe('secrets', () => {
  it('are random, long enough for the remote, and hashed with SHA-256', () => {
    const secret = makeSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(makeSecret()).not.toBe(secret);
    expect(hashSecret(secret)).toBe(createHash('sha256').update(secret).digest('hex'));
  });
});
