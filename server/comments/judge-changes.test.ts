import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { commentFilePath, encodeCommentFile, type Comment } from '../../src/comments/record.ts';
import { judgeChanges, type FileChange, type JudgeOptions } from './judge-changes.ts';
import { parseDiffTreeOutput } from './tree-diff.ts';

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

describe('parseDiffTreeOutput', () => {
  it('splits the diffs of tree pairs, empty ones included', () => {
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const zero = '0'.repeat(40);
    const output = Buffer.from(
      `${a} ${b}\n:000000 100644 ${zero} ${b} A\0comments/p/x.json\0:100644 000000 ${a} ${zero} D\0ünï.txt\0${b} ${b}\n`,
    );
    expect(parseDiffTreeOutput(output)).toEqual([
      [
        { path: 'comments/p/x.json', after: { oid: b, mode: '100644' } },
        { path: 'ünï.txt', before: { oid: a, mode: '100644' } },
      ],
      [],
    ]);
  });
});
