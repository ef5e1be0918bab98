import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryBackend, openRepo, type Oid } from '../../store/index.ts';
import { commentFilePath, encodeCommentFile, type Comment } from '../record.ts';
import { CommentRepo, InvalidCommentError, OUTBOX_BRANCH, commentDatabaseName } from './comment-repo.ts';
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
    secretHash: createHash('sha256').update('a secret of twenty chars').digest('hex'),
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

  it('commits a comment to the outbox, waiting; the remote taking it marks it published until a snapshot shows it', async () => {
    await repo.addComment(comment());
    const path = commentFilePath(PAGE, ID);
    const before = await repo.readPage(PAGE);
    expect([...before.files.keys()]).toEqual([path]);
    expect(JSON.parse(new TextDecoder().decode(before.files.get(path))).anchor.exact).toBe('pack files');
    expect(before.published.size).toBe(0);
    const pending = await repo.listPending();
    expect(pending.map(({ path, kind }) => ({ path, kind }))).toEqual([{ path, kind: 'comment' }]);
    const [commit] = await (await repo.repo.branch(OUTBOX_BRANCH)).history({ limit: 1 });
    expect(commit?.message).toBe('Comment by Ada on chapter-3');

    await repo.recordOutcomes(new Map([[path, undefined]]));
    expect(await repo.listPending()).toEqual([]);
    expect((await repo.readPage(PAGE)).published).toEqual(new Set([path]));
  });

  it('sets a refused file aside with the reason, and discards it on request', async () => {
    await repo.addComment(comment());
    const path = commentFilePath(PAGE, ID);
    await repo.recordOutcomes(new Map([[path, 'comments/chapter-3/x.json was deleted by a moderator']]));
    const page = await repo.readPage(PAGE);
    expect(page.setAside).toEqual(new Map([[path, 'comments/chapter-3/x.json was deleted by a moderator']]));
    expect(page.files.has(path)).toBe(true);
    expect(await repo.listPending()).toEqual([]);
    await repo.discard(path);
    expect((await repo.readPage(PAGE)).files.size).toBe(0);
  });

  it('puts a retraction in the outbox after its comment', async () => {
    await repo.addComment(comment());
    await repo.retract({ id: ID, page: PAGE, secret: 'a secret of twenty chars', retracted: '2026-11-23T11:00:00.000Z' });
    expect((await repo.listPending()).map((change) => change.kind)).toEqual(['comment', 'retraction']);
  });

  it('moves what a first-version widget left unpublished on main into the outbox, once', async () => {
    const backend = createMemoryBackend();
    const v1 = await openRepo({ name: 'v1', backend });
    const main = await v1.branch('main');
    const old = comment({ id: '00000000-0000-4000-8000-000000000001' });
    await main.set(commentFilePath(PAGE, old.id), encodeCommentFile(old), { message: 'published by v1' });
    await v1.git.refs.compareAndSet('refs/remotes/origin/main', undefined, (await main.head()) as Oid);
    await main.set(commentFilePath(PAGE, ID), encodeCommentFile(comment()), { message: 'waiting in v1' });
    const upgraded = await CommentRepo.open({ remote: 'r', backend });
    try {
      expect((await upgraded.listPending()).map((change) => change.path)).toEqual([commentFilePath(PAGE, ID)]);
      await upgraded.recordOutcomes(new Map([[commentFilePath(PAGE, ID), undefined]]));
      expect(await upgraded.listPending()).toEqual([]);
      // The answer is recorded with the next snapshot: a visit before that pushes it again (the
      // remote answers that it has it), and the move from main is not made a second time.
      const outbox = await backend.getRef('refs/heads/outbox');
      const again = await CommentRepo.open({ remote: 'r', backend });
      expect((await again.listPending()).map((change) => change.path)).toEqual([commentFilePath(PAGE, ID)]);
      expect(await backend.getRef('refs/heads/outbox')).toBe(outbox);
      await again.close();
    } finally {
      await upgraded.close();
    }
  });

  it('sets aside at once, with the validator\'s reason, a waiting file an older widget left invalid; later comments still wait', async () => {
    const backend = createMemoryBackend();
    const v1 = await openRepo({ name: 'v1', backend });
    const tooBig = comment({ id: '00000000-0000-4000-8000-000000000002', body: 'x'.repeat(9000) });
    await (await v1.branch('main')).set(commentFilePath(PAGE, tooBig.id), encodeCommentFile(tooBig), { message: 'waiting in v1' });
    const upgraded = await CommentRepo.open({ remote: 'r', backend });
    try {
      await upgraded.addComment(comment());
      expect((await upgraded.listPending()).map((change) => change.path)).toEqual([commentFilePath(PAGE, ID)]);
      const page = await upgraded.readPage(PAGE);
      expect(page.setAside.get(commentFilePath(PAGE, tooBig.id))).toMatch(/bytes; the limit is 8192$/);
      expect(page.setAside.get(commentFilePath(PAGE, tooBig.id))).not.toContain('comments/');
    } finally {
      await upgraded.close();
    }
  });

  it('refuses to write what the comment remote would refuse', async () => {
    await expect(repo.addComment(comment({ body: '   ' }))).rejects.toBeInstanceOf(InvalidCommentError);
    await expect(repo.addComment(comment({ author: 'x'.repeat(200) }))).rejects.toThrow(/author/);
    expect((await repo.readPage(PAGE)).files.size).toBe(0);
  });
});

describe('secrets', () => {
  it('are random, long enough for the remote, and hashed with SHA-256', async () => {
    const secret = makeSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(makeSecret()).not.toBe(secret);
    expect(await hashSecret(secret)).toBe(createHash('sha256').update(secret).digest('hex'));
  });

  it('are hashed alike where the page has no WebCrypto (plain HTTP), by the script fallback', async () => {
    const secret = makeSecret();
    expect(await hashSecret(secret, undefined)).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(await hashSecret('pâté ✓', undefined)).toBe(await hashSecret('pâté ✓', globalThis.crypto.subtle));
  });
});
