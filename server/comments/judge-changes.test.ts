import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { commentFilePath, encodeCommentFile, type Comment } from '../../src/comments/record.ts';
import { judgeChanges, judgeShapes, type FileChange, type JudgeOptions } from './judge-changes.ts';
import { diffTrees, TooManyChangesError } from './tree-diff.ts';

const ID = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
const SECRET = 'the secret of this comment';
const comment: Comment = {
  id: ID,
  page: 'p',
  anchor: { kind: 'page' },
  parent: null,
  author: 'Ada',
  body: 'Hello',
  created: '2026-11-23T10:00:00Z',
  secretHash: bytesToHex(sha256(new TextEncoder().encode(SECRET))),
};
const COMMENT = commentFilePath('p', ID);
const RETRACTED = commentFilePath('p', ID, 'retraction');
const HIDDEN = commentFilePath('p', ID, 'hiding');
const blobs = new Map<string, Uint8Array | number>([
  ['c', encodeCommentFile(comment)],
  ['r', encodeCommentFile({ id: ID, page: 'p', secret: SECRET, retracted: '2026-11-23T11:00:00Z' })],
  ['h', encodeCommentFile({ id: ID, page: 'p', hidden: '2026-11-23T12:00:00Z' })],
  ['big', 9000],
]);
const add = (path: string, oid: string, mode = '100644'): FileChange => ({ path, after: { oid, mode } });
const remove = (path: string, oid: string): FileChange => ({ path, before: { oid, mode: '100644' } });
const judge = (changes: FileChange[], options: Partial<JudgeOptions> = {}) => judgeChanges(changes, { role: 'reader', blobs, ...options });

describe('judgeChanges', () => {
  it('counts added comments and lets a moderator hide and delete', () => {
    expect(judge([add(COMMENT, 'c')])).toEqual({ ok: true, addedComments: [COMMENT] });
    expect(judge([add(HIDDEN, 'h'), remove(COMMENT, 'c')], { role: 'moderator' })).toEqual({ ok: true, addedComments: [] });
    expect(judge([remove('README.md', 'c')], { role: 'moderator' })).toEqual({ ok: false, reason: 'README.md is not a comment file; nobody may remove it here' });
  });

  it('lets a reader remove only a comment they retract, and never a tombstone', () => {
    expect(judge([remove(COMMENT, 'c'), add(RETRACTED, 'r')])).toEqual({ ok: true, addedComments: [] });
    expect(judge([remove(RETRACTED, 'r')])).toMatchObject({ ok: false, reason: expect.stringMatching(/retracted\.json may not be removed/) });
    expect(judge([add(RETRACTED, 'r')])).toMatchObject({ ok: false, reason: expect.stringMatching(/retracts a comment this change does not remove/) });
    expect(judge([add(RETRACTED, 'r')], { allowUnpairedRetraction: (path) => path === COMMENT })).toEqual({ ok: true, addedComments: [] });
  });

  it('refuses other modes, unread blobs and blobs past the limit', () => {
    expect(judge([add(COMMENT, 'c', '100755')])).toMatchObject({ ok: false, reason: expect.stringMatching(/must be a plain file \(mode 100644, not 100755\)/) });
    expect(judge([add(COMMENT, 'missing')])).toMatchObject({ ok: false, reason: expect.stringMatching(/could not be read/) });
    expect(judge([add(COMMENT, 'big')])).toEqual({ ok: false, reason: `${COMMENT} is 9000 bytes; the limit is 8192` });
  });
});

describe('judgeShapes', () => {
  it('judges paths, raw modes and the file count without any blob', () => {
    expect(judgeShapes([add(COMMENT, 'c')], 'reader', 5)).toBeUndefined();
    expect(judgeShapes([add(COMMENT, 'c', '100664')], 'reader', 5)).toBe(`${COMMENT} must be a plain file (mode 100644, not 100664)`);
    expect(judgeShapes([add('README.md', 'c')], 'reader', 5)).toMatch(/^README.md is not a comment file/);
    expect(judgeShapes([add(HIDDEN, 'h')], 'reader', 5)).toBe(`only a moderator may hide a comment (${HIDDEN})`);
    expect(judgeShapes([add(HIDDEN, 'h')], 'moderator', 5)).toBeUndefined();
    expect(judgeShapes([{ path: COMMENT, before: { oid: 'a', mode: '100644' }, after: { oid: 'b', mode: '100644' } }], 'reader', 5)).toMatch(/cannot be changed/);
    expect(judgeShapes([add(COMMENT, 'c'), add(RETRACTED, 'r')], 'reader', 1)).toMatch(/more than 1 files/);
  });
});

describe('diffTrees', () => {
  it('reads only differing subtrees and keeps raw modes', async () => {
    const tree = (entries: Array<[string, string, string]>) => entries.map(([mode, name, oid]) => ({ mode, name, oid: oid as never }));
    const trees = new Map([
      ['r1', tree([['40000', 'comments', 'c1'], ['100644', 'README', 'x']])],
      ['c1', tree([['40000', 'p', 'p1'], ['40000', 'q', 'q1']])],
      ['p1', tree([['100644', 'a.json', 'a']])],
      ['r2', tree([['40000', 'comments', 'c2'], ['100644', 'README', 'x']])],
      ['c2', tree([['40000', 'p', 'p2'], ['40000', 'q', 'q1']])],
      ['p2', tree([['100644', 'a.json', 'a'], ['100664', 'b.json', 'b']])],
    ]);
    const read: string[] = [];
    const changes = await diffTrees('r1', 'r2', async (oid) => (read.push(oid), trees.get(oid)), 10);
    expect(changes).toEqual([{ path: 'comments/p/b.json', after: { oid: 'b', mode: '100664' } }]);
    expect(read).not.toContain('q1');
    await expect(diffTrees(undefined, 'r2', async (oid) => trees.get(oid), 10)).rejects.toThrow(/q1/);
    await expect(diffTrees('r1', 'r2', async (oid) => trees.get(oid), 0)).rejects.toThrow(TooManyChangesError);
  });
});
