import { describe, expect, it } from 'vitest';
import { commentFilePath, encodeCommentFile, type Comment } from '../record.ts';
import { buildThreads, countEntries } from './build-threads.ts';
import { readPageFiles } from './page-files.ts';

const PAGE = 'chapter-3';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function comment(n: number, extra: Partial<Comment> = {}): Comment {
  return {
    id: id(n),
    page: PAGE,
    anchor: { kind: 'block', block: 'p1' },
    parent: null,
    author: `Reader ${n}`,
    body: `Comment ${n}`,
    created: `2026-11-23T10:00:0${n}Z`,
    secretHash: 'a'.repeat(64),
    ...extra,
  };
}

function files(...records: Array<[string, object]>): Map<string, Uint8Array> {
  return new Map(records.map(([path, record]) => [path, encodeCommentFile(record as Comment)]));
}

describe('readPageFiles', () => {
  it('sorts files by kind and sets aside what the validator refuses', () => {
    const page = readPageFiles(
      new Map([
        ...files([commentFilePath(PAGE, id(1)), comment(1)]),
        ...files([commentFilePath(PAGE, id(2), 'hiding'), { id: id(2), page: PAGE, hidden: '2026-11-23T11:00:00Z' }]),
        [commentFilePath(PAGE, id(3)), new TextEncoder().encode('{"id": "not it"}')],
      ]),
    );
    expect([...page.comments.keys()]).toEqual([id(1)]);
    expect([...page.hidings.keys()]).toEqual([id(2)]);
    expect(page.refused.map((refused) => refused.path)).toEqual([commentFilePath(PAGE, id(3))]);
  });
});

describe('buildThreads', () => {
  it('threads replies under their parent, oldest first, and marks what the remote has', () => {
    const page = readPageFiles(
      files(
        [commentFilePath(PAGE, id(2)), comment(2, { parent: id(1) })],
        [commentFilePath(PAGE, id(1)), comment(1)],
        [commentFilePath(PAGE, id(3)), comment(3, { parent: id(1) })],
        [commentFilePath(PAGE, id(4)), comment(4, { anchor: { kind: 'page' } })],
      ),
    );
    const threads = buildThreads(PAGE, page, new Set([commentFilePath(PAGE, id(1))]));
    expect(threads.map((entry) => entry.id)).toEqual([id(1), id(4)]);
    expect(threads[0]?.replies.map((entry) => entry.id)).toEqual([id(2), id(3)]);
    expect(threads[0]?.publish).toBe('published');
    expect(threads[0]?.replies[0]?.publish).toBe('local');
    expect(countEntries(threads)).toBe(4);
  });

  it("shows this reader's set-aside file the validator refuses as an unreadable entry with the reason; others' invalid files stay out", () => {
    const mine = commentFilePath(PAGE, id(5));
    const theirs = commentFilePath(PAGE, id(6));
    const bad = new TextEncoder().encode('{"id": "not it", "body": "Words worth keeping"}');
    const page = readPageFiles(new Map([...files([commentFilePath(PAGE, id(1)), comment(1)]), [mine, bad], [theirs, bad]]));
    const threads = buildThreads(PAGE, page, new Set([commentFilePath(PAGE, id(1)), theirs]), new Map([[mine, '"id" must be the file name']]));
    expect(threads.map((entry) => [entry.id, entry.state, entry.publish])).toEqual([
      [id(5), 'unreadable', 'set-aside'],
      [id(1), 'visible', 'published'],
    ]);
    expect(threads[0]?.refusal).toEqual({ path: mine, reason: '"id" must be the file name' });
    expect(threads[0]?.words, 'the words the file holds, for its writer to copy').toBe('Words worth keeping');
    const unparsable = readPageFiles(new Map([[mine, new TextEncoder().encode('{"body": ')]]));
    expect(buildThreads(PAGE, unparsable, new Set(), new Map([[mine, 'not JSON']]))[0]?.words).toBeUndefined();
    expect(threads[0]?.anchor).toEqual({ kind: 'page' });
  });

  it('keeps a retracted comment as a placeholder where its replies are', () => {
    const page = readPageFiles(
      files(
        [commentFilePath(PAGE, id(1), 'retraction'), { id: id(1), page: PAGE, secret: 's'.repeat(20), retracted: '2026-11-23T12:00:00Z' }],
        [commentFilePath(PAGE, id(2)), comment(2, { parent: id(1), anchor: { kind: 'block', block: 'p7' } })],
      ),
    );
    const [thread] = buildThreads(PAGE, page, new Set());
    expect(thread).toMatchObject({ id: id(1), state: 'retracted', publish: 'local', anchor: { kind: 'block', block: 'p7' } });
    expect(thread?.comment).toBeUndefined();
    expect(thread?.replies.map((entry) => entry.id)).toEqual([id(2)]);
  });

  it('shows a hidden comment as removed, replies in place', () => {
    const page = readPageFiles(
      files(
        [commentFilePath(PAGE, id(1)), comment(1)],
        [commentFilePath(PAGE, id(1), 'hiding'), { id: id(1), page: PAGE, hidden: '2026-11-23T12:00:00Z' }],
        [commentFilePath(PAGE, id(2)), comment(2, { parent: id(1) })],
      ),
    );
    const [thread] = buildThreads(PAGE, page, new Set());
    expect(thread).toMatchObject({ id: id(1), state: 'hidden' });
    expect(thread?.replies).toHaveLength(1);
  });

  it('never drops comments: unknown parents and parent loops become threads of their own', () => {
    const page = readPageFiles(
      files(
        [commentFilePath(PAGE, id(1)), comment(1, { parent: id(9) })],
        [commentFilePath(PAGE, id(2)), comment(2, { parent: id(3) })],
        [commentFilePath(PAGE, id(3)), comment(3, { parent: id(2) })],
      ),
    );
    const threads = buildThreads(PAGE, page, new Set());
    expect(countEntries(threads)).toBe(3);
    expect(threads.map((entry) => entry.id)).toContain(id(1));
  });
});
