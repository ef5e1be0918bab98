import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_AUTHOR_LENGTH,
  MAX_BODY_LENGTH,
  MAX_COMMENT_FILE_BYTES,
  MAX_PAGE_LENGTH,
  MAX_QUOTE_CONTEXT_LENGTH,
  commentFilePath,
  encodeCommentFile,
  pageKey,
  parseCommentFilePath,
  validateCommentFile,
  type Comment,
  type Hiding,
  type Retraction,
} from './record.ts';

const ID = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
const OTHER_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const PATH = `comments/chapter-3/${ID}.json`;

const comment: Comment = {
  id: ID,
  page: 'chapter-3',
  anchor: { kind: 'quote', block: 'p-12', exact: 'the quick fox', prefix: 'so ', suffix: ' jumped' },
  parent: null,
  author: 'Ada',
  body: 'Nicely put. <script>alert(1)</script>',
  created: '2026-11-23T10:00:00.000Z',
  secretHash: 'a'.repeat(64),
};

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const reasonOf = (path: string, value: unknown) => {
  const judged = validateCommentFile(path, value instanceof Uint8Array ? value : json(value));
  return judged.ok ? undefined : judged.reason;
};

describe('pageKey', () => {
  it.each([
    ['/book/Chapter 3.html', 'book-chapter-3.html'],
    ['chapter-3', 'chapter-3'],
    ['', 'index'],
    ['///', 'index'],
    ['..hidden', 'hidden'],
    ['Ünïcode Päge', 'n-code-p-ge'],
  ])('%j -> %j', (input, key) => {
    expect(pageKey(input)).toBe(key);
  });

  it('always gives a page name the file paths accept', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (input) => {
        const key = pageKey(input);
        expect(key.length).toBeLessThanOrEqual(MAX_PAGE_LENGTH);
        expect(parseCommentFilePath(commentFilePath(key, ID))).toEqual({ page: key, id: ID, kind: 'comment' });
      }),
    );
  });
});

describe('comment file paths', () => {
  it('round-trip the three kinds', () => {
    for (const kind of ['comment', 'retraction', 'hiding'] as const) {
      expect(parseCommentFilePath(commentFilePath('chapter-3', ID, kind))).toEqual({ page: 'chapter-3', id: ID, kind });
    }
    expect(commentFilePath('p', ID, 'retraction')).toBe(`comments/p/${ID}.retracted.json`);
    expect(commentFilePath('p', ID, 'hiding')).toBe(`comments/p/${ID}.hidden.json`);
  });

  it.each([
    `comments/Chapter/${ID}.json`,
    `comments/-x/${ID}.json`,
    `comments/${'a'.repeat(MAX_PAGE_LENGTH + 1)}/${ID}.json`,
    `comments/chapter-3/${ID.toUpperCase()}.json`,
    `comments/chapter-3/not-a-uuid.json`,
    `comments/chapter-3/${ID}.deleted.json`,
    `comments/chapter-3/${ID}.json.txt`,
    `comments/a/b/${ID}.json`,
    `${ID}.json`,
    `other/chapter-3/${ID}.json`,
  ])('refuses %s', (path) => {
    expect(parseCommentFilePath(path)).toBeUndefined();
  });
});

describe('validateCommentFile', () => {
  it('accepts a comment, a retraction and a hiding, and returns the record', () => {
    expect(validateCommentFile(PATH, encodeCommentFile(comment))).toEqual({ ok: true, value: comment });
    const retraction: Retraction = { id: ID, page: 'chapter-3', secret: 'sixteen chars ok', retracted: '2026-11-23T11:00:00Z' };
    expect(validateCommentFile(commentFilePath('chapter-3', ID, 'retraction'), encodeCommentFile(retraction))).toEqual({ ok: true, value: retraction });
    const hiding: Hiding = { id: ID, page: 'chapter-3', hidden: '2026-11-23T12:00:00Z', reason: '' };
    expect(validateCommentFile(commentFilePath('chapter-3', ID, 'hiding'), encodeCommentFile(hiding))).toEqual({ ok: true, value: hiding });
  });

  it('accepts page and block anchors, and a reply', () => {
    for (const anchor of [{ kind: 'page' }, { kind: 'block', block: 'intro' }, { kind: 'quote', exact: 'x', prefix: '', suffix: '' }]) {
      expect(reasonOf(PATH, { ...comment, anchor, parent: OTHER_ID })).toBeUndefined();
    }
  });

  it('encodes pretty JSON with every key sorted, nested ones too', () => {
    const text = new TextDecoder().decode(encodeCommentFile(comment));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "anchor": {\n    "block": "p-12",\n    "exact": "the quick fox",\n    "kind": "quote",');
    expect(Object.keys(JSON.parse(text) as object)).toEqual(Object.keys(comment).sort());
  });

  it('takes files up to the size limit and refuses one byte more', () => {
    const encoded = encodeCommentFile(comment);
    const padded = (size: number) => {
      const bytes = new Uint8Array(size).fill(0x20);
      bytes.set(encoded);
      return bytes;
    };
    expect(reasonOf(PATH, padded(MAX_COMMENT_FILE_BYTES))).toBeUndefined();
    expect(reasonOf(PATH, padded(MAX_COMMENT_FILE_BYTES + 1))).toBe(`${PATH} is ${MAX_COMMENT_FILE_BYTES + 1} bytes; the limit is ${MAX_COMMENT_FILE_BYTES}`);
  });

  it.each<[string, unknown, RegExp]>([
    ['not JSON', new TextEncoder().encode('{"id": '), /is not valid UTF-8 JSON/],
    ['not UTF-8', new Uint8Array([0x7b, 0xff, 0x7d]), /is not valid UTF-8 JSON/],
    ['an array', [comment], /must hold a JSON object/],
    ['null', null, /must hold a JSON object/],
    ['an id not matching the name', { ...comment, id: OTHER_ID }, new RegExp(`"id" must be ${ID}, as in the file name`)],
    ['a page not matching the folder', { ...comment, page: 'chapter-4' }, /"page" must be chapter-3, as in the folder name/],
    ['an unknown field', { ...comment, admin: true }, /unknown field "admin"/],
    ['a __proto__ field', JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(comment).slice(1)}`) as unknown, /unknown field "__proto__"/],
    ['an unknown anchor kind', { ...comment, anchor: { kind: 'line' } }, /"anchor.kind" must be page, block or quote/],
    ['an extra anchor field', { ...comment, anchor: { kind: 'page', block: 'x' } }, /unknown anchor field "block"/],
    ['a block id with spaces', { ...comment, anchor: { kind: 'block', block: 'a b' } }, /"anchor.block" must be an element id/],
    ['a long quote prefix', { ...comment, anchor: { ...comment.anchor, prefix: 'x'.repeat(MAX_QUOTE_CONTEXT_LENGTH + 1) } }, /"anchor.prefix" must be 0 to/],
    ['an empty quote', { ...comment, anchor: { ...comment.anchor, exact: '' } }, /"anchor.exact" must be 1 to/],
    ['a parent that is not an id', { ...comment, parent: 'parent' }, /"parent" must be a comment id or null/],
    ['a blank author', { ...comment, author: '   ' }, /"author" must be 1 to/],
    ['a long author', { ...comment, author: 'x'.repeat(MAX_AUTHOR_LENGTH + 1) }, /"author" must be 1 to 80 characters/],
    ['a missing body', { ...comment, body: undefined }, /"body" must be text/],
    ['a long body', { ...comment, body: 'x'.repeat(MAX_BODY_LENGTH + 1) }, /"body" must be 1 to 4000 characters/],
    ['a local time', { ...comment, created: '2026-11-23T10:00:00+01:00' }, /"created" must be an ISO 8601 UTC time/],
    ['a 13th month', { ...comment, created: '2026-13-01T10:00:00Z' }, /"created" must be an ISO 8601 UTC time/],
    ['February 30th', { ...comment, created: '2026-02-30T10:00:00Z' }, /"created" must be an ISO 8601 UTC time/],
    ['an uppercase secretHash', { ...comment, secretHash: 'A'.repeat(64) }, /"secretHash" must be 64 lowercase hex digits/],
  ])('refuses a comment with %s', (_name, value, reason) => {
    expect(reasonOf(PATH, value)).toMatch(reason);
    expect(reasonOf(PATH, value)).toMatch(new RegExp(`^${PATH.replace(/[.]/g, '\\.')}`));
  });

  it('refuses bad retractions and hidings', () => {
    const retracted = commentFilePath('chapter-3', ID, 'retraction');
    expect(reasonOf(retracted, { id: ID, page: 'chapter-3', secret: 'short', retracted: '2026-11-23T11:00:00Z' })).toMatch(/"secret" must be 16 to 200 characters/);
    expect(reasonOf(retracted, { id: ID, page: 'chapter-3', secret: 'sixteen chars ok', retracted: 'yesterday' })).toMatch(/"retracted" must be an ISO 8601 UTC time/);
    expect(reasonOf(retracted, { ...comment })).toMatch(/unknown field/);
    const hidden = commentFilePath('chapter-3', ID, 'hiding');
    expect(reasonOf(hidden, { id: ID, page: 'chapter-3', hidden: '2026-11-23T12:00:00Z', reason: 'x'.repeat(501) })).toMatch(/"reason" must be 0 to 500 characters/);
    expect(reasonOf(hidden, { id: ID, page: 'chapter-3', hidden: '2026-11-23T12:00:00Z', by: 'mod' })).toMatch(/unknown field "by"/);
  });

  it('refuses a path that is not a comment file', () => {
    expect(reasonOf('notes.txt', comment)).toBe('notes.txt is not a comment file (comments/<page>/<id>.json)');
  });

  it('accepts a body of the longest length in plain ASCII', () => {
    expect(reasonOf(PATH, { ...comment, body: 'x'.repeat(MAX_BODY_LENGTH) })).toBeUndefined();
  });

  // Bodies kept to 1,000 characters: at up to 6 bytes each once escaped, a longer one may pass
  // the file size limit (4,000 CJK characters, 3 bytes each in UTF-8, do).
  it('accepts whatever valid comment the widget could encode', () => {
    const text = (max: number) => fc.string({ minLength: 1, maxLength: max }).filter((value) => value.trim() !== '');
    const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 });
    fc.assert(
      fc.property(text(MAX_AUTHOR_LENGTH), text(1000), hex, fc.date({ min: new Date(0), max: new Date(Date.UTC(9999, 0)), noInvalidDate: true }), (author, body, secretHash, created) => {
        const record: Comment = { ...comment, author, body, secretHash, created: created.toISOString() };
        expect(validateCommentFile(PATH, encodeCommentFile(record))).toEqual({ ok: true, value: record });
      }),
    );
  });
});
