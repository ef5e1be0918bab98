import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Oid } from '../oid.ts';
import { decodeCommit, encodeCommit, type CommitData } from './commit.ts';
import { fromUtf8, utf8 } from './bytes.ts';
import { hashObject } from './hash.ts';
import { unwrapObject, wrapObject } from './object-format.ts';
import { decodeTree, encodeTree, sortTreeEntries, type TreeEntry } from './tree.ts';

const oidArb = fc.uint8Array({ minLength: 20, maxLength: 20 }).map(
  (bytes) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('') as Oid,
);
const A = 'a'.repeat(40) as Oid;

describe('hashObject', () => {
  it('gives the ids git hash-object gives', () => {
    expect(hashObject('blob', utf8('hello\n')).oid).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    expect(hashObject('blob', new Uint8Array()).oid).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
    expect(hashObject('tree', new Uint8Array()).oid).toBe('4b825dc642cb6eb9a060e54bf8d69288fbee4904');
  });
});

describe('wrapObject / unwrapObject', () => {
  it('round-trips and checks the declared size', () => {
    const raw = wrapObject('blob', utf8('abc'));
    expect(fromUtf8(raw)).toBe('blob 3\0abc');
    expect(unwrapObject(raw)).toEqual({ type: 'blob', content: utf8('abc') });
    expect(() => unwrapObject(utf8('blob 4\0abc'))).toThrow(/header says 4 bytes/);
    expect(() => unwrapObject(utf8('thing 3\0abc'))).toThrow(/bad header/);
    expect(() => unwrapObject(utf8('no header at all'))).toThrow(/no object header/);
  });
});

describe('tree encoding', () => {
  it('sorts like git: a folder compares as its name plus "/"', () => {
    const entries: TreeEntry[] = [
      { name: 'a0', mode: '100644', oid: A },
      { name: 'a', mode: '40000', oid: A },
      { name: 'a.txt', mode: '100644', oid: A },
      { name: 'a-b', mode: '100644', oid: A },
      { name: 'B', mode: '100644', oid: A },
    ];
    expect(sortTreeEntries(entries).map((e) => e.name)).toEqual(['B', 'a-b', 'a.txt', 'a', 'a0']);
    // As a file, "a" sorts before "a-b".
    const asFile = entries.map((e) => (e.name === 'a' ? { ...e, mode: '100644' } : e));
    expect(sortTreeEntries(asFile).map((e) => e.name)).toEqual(['B', 'a', 'a-b', 'a.txt', 'a0']);
  });

  it('orders by UTF-8 bytes, not UTF-16 code units', () => {
    const entries: TreeEntry[] = [
      { name: '\u{1F600}', mode: '100644', oid: A }, // F0 9F 98 80, but UTF-16 D83D...
      { name: '\uFF21', mode: '100644', oid: A }, // EF BC A1, UTF-16 FF21
    ];
    expect(sortTreeEntries(entries).map((e) => e.name)).toEqual(['\uFF21', '\u{1F600}']);
  });

  it('decodes what it encodes, in git order (property)', () => {
    const entryArb = fc.record({
      name: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes('/') && !s.includes('\0')),
      mode: fc.constantFrom('100644', '100755', '120000', '40000', '160000'),
      oid: oidArb,
    });
    fc.assert(
      fc.property(fc.uniqueArray(entryArb, { selector: (e) => e.name, maxLength: 20 }), (entries) => {
        const decoded = decodeTree(encodeTree(entries));
        expect(decoded).toEqual(sortTreeEntries(entries));
        expect(encodeTree(decoded)).toEqual(encodeTree(entries));
      }),
    );
  });

  it('keeps names that are not valid UTF-8 byte for byte', () => {
    const content = new Uint8Array([...utf8('100644 '), 0xff, 0xfe, 0, ...new Uint8Array(20)]);
    const [entry] = decodeTree(content);
    expect(entry?.nameBytes).toEqual(new Uint8Array([0xff, 0xfe]));
    expect(encodeTree(decodeTree(content))).toEqual(content);
  });

  it('refuses truncated or malformed trees', () => {
    expect(() => decodeTree(utf8('100644 name'))).toThrow(/truncated/);
    expect(() => decodeTree(new Uint8Array([...utf8('1x0644 a'), 0, ...new Uint8Array(20)]))).toThrow(/bad mode/);
  });
});

describe('commit encoding', () => {
  const commit: CommitData = {
    tree: A,
    parents: ['b'.repeat(40) as Oid, 'c'.repeat(40) as Oid],
    author: { name: 'Ada Lövelace', email: 'ada@example.org', timestamp: 1700000000, timezoneOffset: -330 },
    committer: { name: 'Bob', email: 'bob@example.org', timestamp: 1700000001, timezoneOffset: 60 },
    message: 'Merge things\n\nWith a body.\n',
  };

  it('writes the header lines git writes', () => {
    expect(fromUtf8(encodeCommit(commit))).toBe(
      `tree ${A}\nparent ${'b'.repeat(40)}\nparent ${'c'.repeat(40)}\n` +
        'author Ada Lövelace <ada@example.org> 1700000000 -0530\n' +
        'committer Bob <bob@example.org> 1700000001 +0100\n\nMerge things\n\nWith a body.\n',
    );
  });

  it('round-trips, including multi-line headers such as gpgsig', () => {
    expect(decodeCommit(encodeCommit(commit))).toEqual(commit);
    const signed = { ...commit, extraHeaders: [['gpgsig', '-----BEGIN-----\nabc\n-----END-----']] as Array<[string, string]> };
    expect(decodeCommit(encodeCommit(signed))).toEqual(signed);
  });

  it('refuses a commit without a tree or author', () => {
    expect(() => decodeCommit(utf8('author A <a> 1 +0000\n\nmsg'))).toThrow(/no tree/);
    expect(() => decodeCommit(utf8(`tree ${A}\n\nmsg`))).toThrow(/no author/);
  });
});
