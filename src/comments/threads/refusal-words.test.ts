import { describe, expect, it } from 'vitest';
import { refusalWords } from './refusal-words.ts';

const ID = '0b5e4c1a-8d3f-4e2a-9c71-2f6b8a0d4e15';
const COMMENT = `comments/chapter-3/${ID}.json`;
const RETRACTION = `comments/chapter-3/${ID}.retracted.json`;

describe('refusalWords', () => {
  it('sorts the refusals a reader can meet, whatever file they name', () => {
    expect(refusalWords(COMMENT, `${COMMENT} was deleted by a moderator and cannot be published again`).kind).toBe('deleted');
    expect(refusalWords(COMMENT, `${COMMENT} was retracted by its author and cannot be published again`).kind).toBe('retracted');
    expect(refusalWords(COMMENT, `${COMMENT} already exists with other contents; comment ids are never reused`).kind).toBe('id-taken');
    expect(refusalWords(RETRACTION, `the secret in ${RETRACTION} does not match the comment's secretHash; only the browser that wrote a comment can retract it`).kind).toBe('wrong-secret');
    expect(refusalWords(RETRACTION, `${RETRACTION} retracts a comment the remote does not have`).kind).toBe('no-such-comment');
  });

  it('puts words where the remote named a file, and drops commit ids and advice for git users', () => {
    const other = `comments/chapter-3/${'1'.repeat(8)}-1111-4111-8111-${'1'.repeat(12)}.json`;
    expect(refusalWords(COMMENT, `"body" must be 1 to 20000 characters; fix the file and push again (commit 0123456789ab)`)).toEqual({ kind: 'other', words: '"body" must be 1 to 20000 characters' });
    expect(refusalWords(RETRACTION, `${RETRACTION} retracts a comment this change does not remove; remove ${other} in the same commit.`).words).toBe(
      'this retraction retracts a comment this change does not remove; remove a comment in the same commit',
    );
    expect(refusalWords(RETRACTION, `${RETRACTION}: "secret" must be 16 to 200 characters`).words).toBe('"secret" must be 16 to 200 characters');
    expect(refusalWords(COMMENT, `${COMMENT} must be a plain file (mode 100644, not 100755)`).words).not.toMatch(/comments\//);
  });
});
