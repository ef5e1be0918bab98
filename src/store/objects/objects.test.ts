import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Oid } from '../oid.ts';
import { decodeCommit, encodeCommit, type CommitData } from './commit.ts';
import { fromUtf8, utf8 } from './bytes.ts';
import { hashObject } from './hash.ts';
import { readObjectHeader, unwrapObject, wrapObject } from './object-format.ts';
import { decodeTree, encodeTree, sortTreeEntries, type TreeEntry } from './tree.ts';
import { findTreeProblem } from './tree-check.ts';
import { decodeTagTarget } from './tag.ts';

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

  it('reads a header byte by byte, and refuses what git would not write', () => {
    expect(readObjectHeader(utf8('commit 1234\0...'))).toEqual({ type: 'commit', size: 1234, contentStart: 12 });
    expect(readObjectHeader(utf8('blob 0\0'))).toEqual({ type: 'blob', size: 0, contentStart: 7 });
    expect(readObjectHeader(utf8('thing 3\0abc'))).toEqual({ type: 'thing', size: 3, contentStart: 8 }); // a word: unwrapObject refuses the type
    for (const bad of ['blob 03\0abc', 'blob \0', ' blob 3\0abc', 'Blob 3\0abc', 'blob 3x\0abc', 'blob 3', `blob ${'9'.repeat(30)}\0`]) {
      expect(readObjectHeader(utf8(bad)), bad).toBeUndefined();
      expect(() => unwrapObject(utf8(bad)), bad).toThrow(/bad header|no object header/);
    }
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

describe('findTreeProblem (git fsck rules for trees)', () => {
  /** Tree content written entry by entry as given, without sorting. */
  const raw = (...entries: Array<[mode: string, name: string]>): Uint8Array =>
    Uint8Array.from(entries.flatMap(([mode, name]) => [...utf8(`${mode} ${name}\0`), ...new Uint8Array(20).fill(0xab)]));

  it('accepts every tree encodeTree writes (property)', () => {
    const entryArb = fc.record({
      name: fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !s.includes('/') && !s.includes('\0') && !['.', '..'].includes(s) && s.toLowerCase() !== '.git'),
      mode: fc.constantFrom('100644', '100755', '120000', '40000', '160000'),
      oid: oidArb,
    });
    fc.assert(
      fc.property(fc.uniqueArray(entryArb, { selector: (e) => e.name, maxLength: 20 }), (entries) => {
        expect(findTreeProblem(encodeTree(entries))).toBeUndefined();
      }),
    );
  });

  it('refuses ".", "..", ".git" in any case, "/" in a name, and an empty name', () => {
    expect(findTreeProblem(raw(['40000', '.']))).toMatch(/named "\."/);
    expect(findTreeProblem(raw(['40000', '..']))).toMatch(/named "\.\."/);
    for (const name of ['.git', '.GIT', '.gIt']) expect(findTreeProblem(raw(['40000', name]))).toBe(`it holds an entry named "${name}"`);
    expect(findTreeProblem(raw(['100644', '.gitignore']))).toBeUndefined();
    expect(findTreeProblem(raw(['100644', 'a/b']))).toMatch(/holds "\/"/);
    expect(findTreeProblem(raw(['100644', '']))).toMatch(/empty name/);
  });

  it('refuses a name twice, also a file and a folder of one name apart from each other', () => {
    expect(findTreeProblem(raw(['100644', 'a'], ['100644', 'a']))).toMatch(/"a" twice/);
    expect(findTreeProblem(raw(['100644', 'a'], ['40000', 'a']))).toMatch(/"a" twice/);
    // git orders the folder "a" as "a/", after "a-b": the two "a" are not neighbours.
    expect(findTreeProblem(raw(['100644', 'a'], ['100644', 'a-b'], ['40000', 'a']))).toMatch(/"a" twice/);
    expect(findTreeProblem(raw(['100644', 'a'], ['100644', 'a-b'], ['40000', 'a-b0'], ['40000', 'ab']))).toBeUndefined();
  });

  it("refuses entries out of git's order", () => {
    expect(findTreeProblem(raw(['100644', 'b'], ['100644', 'a']))).toMatch(/not in git's order \("b" before "a"\)/);
    expect(findTreeProblem(raw(['40000', 'a'], ['100644', 'a-b']))).toMatch(/not in git's order/);
    expect(findTreeProblem(raw(['100644', 'a-b'], ['40000', 'a']))).toBeUndefined();
  });

  it('refuses zero-padded and malformed modes, and an entry cut short', () => {
    expect(findTreeProblem(raw(['040000', 'd']))).toBe('an entry has the zero-padded mode "040000"');
    expect(findTreeProblem(raw(['10064', 'f']))).toBeUndefined();
    expect(findTreeProblem(raw(['1006449', 'f']))).toMatch(/not 5 or 6 octal digits/);
    expect(findTreeProblem(raw(['100648', 'f']))).toMatch(/not 5 or 6 octal digits/);
    expect(findTreeProblem(raw(['100644', 'f']).subarray(0, 12))).toBe('an entry is cut short');
  });
});

describe('decodeTagTarget', () => {
  it('reads the object and type lines, and refuses a tag without them', () => {
    expect(decodeTagTarget(utf8(`object ${A}\ntype commit\ntag v1\n\nmsg\n`))).toEqual({ oid: A, type: 'commit' });
    expect(() => decodeTagTarget(utf8(`type commit\nobject ${A}\n`))).toThrow(/no "object" and "type"/);
    expect(() => decodeTagTarget(utf8(`object ${A}\ntype thing\n`))).toThrow(/no "object" and "type"/);
  });
});
