// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryBackend } from '../../store/index.ts';
import { MAX_COMMENTS_PER_PUSH, commentFilePath, parseCommentFilePath } from '../record.ts';
import { CommentRepo, LocalMemory, hashSecret } from '../storage/index.ts';
import { en } from '../strings/index.ts';
import { postComment, retractComment, type ActionTarget } from './comment-actions.ts';

const REMOTE = 'http://127.0.0.1:1/comments.git';
const request = (body: string) => ({ author: 'Ada', body, parent: null, anchor: { kind: 'block' as const, block: 'p1' } });

describe('comment actions', () => {
  let target: ActionTarget;
  beforeEach(async () => {
    localStorage.clear();
    target = { repo: await CommentRepo.open({ remote: REMOTE, backend: createMemoryBackend() }), memory: new LocalMemory(REMOTE), page: 'chapter-3', strings: en };
  });
  afterEach(() => target.repo.close());

  it('posts a comment whose secretHash is the hash of a secret kept only in this browser', async () => {
    expect(await postComment(target, request('First'), new Date('2026-11-23T10:00:00Z'))).toBeUndefined();
    const { files } = await target.repo.readPage('chapter-3');
    const [path, bytes] = [...files][0] ?? [];
    const id = parseCommentFilePath(path ?? '')?.id ?? '';
    const comment = JSON.parse(new TextDecoder().decode(bytes));
    expect(comment).toMatchObject({ id, author: 'Ada', body: 'First', created: '2026-11-23T10:00:00.000Z', parent: null });
    const secret = target.memory.secret(id);
    expect(secret?.length).toBeGreaterThanOrEqual(16);
    expect(comment.secretHash).toBe(await hashSecret(secret ?? ''));
    expect(new TextDecoder().decode(bytes)).not.toContain(secret);
  });

  it(`refuses a comment beyond ${MAX_COMMENTS_PER_PUSH} waiting ones, in words, and commits nothing`, async () => {
    for (let i = 0; i < MAX_COMMENTS_PER_PUSH; i++) expect(await postComment(target, request(`Comment ${i}`))).toBeUndefined();
    expect(await postComment(target, request('One too many'))).toBe(en.tooManyPending(MAX_COMMENTS_PER_PUSH));
    expect((await target.repo.readPage('chapter-3')).files.size).toBe(MAX_COMMENTS_PER_PUSH);
  });

  it('says why when the validator refuses the comment', async () => {
    expect(await postComment(target, { ...request('Body'), author: '   ' })).toMatch(/cannot be saved: .*author/);
  });

  it('retracts with the kept secret; a comment of another browser is left alone', async () => {
    await postComment(target, request('To retract'));
    const [path] = (await target.repo.readPage('chapter-3')).files.keys();
    const id = parseCommentFilePath(path ?? '')?.id ?? '';
    expect(await retractComment(target, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(await retractComment(target, id)).toBeUndefined();
    const { files } = await target.repo.readPage('chapter-3');
    expect([...files.keys()].sort()).toEqual([commentFilePath('chapter-3', id), commentFilePath('chapter-3', id, 'retraction')]);
    expect(JSON.parse(new TextDecoder().decode(files.get(commentFilePath('chapter-3', id, 'retraction'))))).toMatchObject({ id, secret: target.memory.secret(id) });
  });
});
