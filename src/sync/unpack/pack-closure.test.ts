import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCommit, encodeTree, FILE_MODE, hashObject, MAX_TREE_DEPTH, type ObjectType, type Oid, type TreeEntry } from '../../store/index.ts';
import { ProtocolError } from '../protocol/index.ts';
import { PackClosure } from './pack-closure.ts';

const who = { name: 'Tester', email: 'tester@example.org', timestamp: 1_767_000_000, timezoneOffset: 0 };
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

interface Made {
  oid: Oid;
  type: ObjectType;
  content: Uint8Array;
}

function made(type: ObjectType, content: Uint8Array): Made {
  return { oid: hashObject(type, content).oid, type, content };
}

const blob = (text: string): Made => made('blob', bytes(text));
const tree = (entries: TreeEntry[]): Made => made('tree', encodeTree(entries));
const file = (name: string, of: Made): TreeEntry => ({ name, mode: FILE_MODE.file, oid: of.oid });
const folder = (name: string, of: Made | Oid): TreeEntry => ({ name, mode: FILE_MODE.tree, oid: typeof of === 'string' ? of : of.oid });
const commit = (root: Made, parents: Oid[] = []): Made => made('commit', encodeCommit({ tree: root.oid, parents, author: who, committer: who, message: 'Test\n' }));

const idOf = (oid: Oid): number[] => Array.from(oid.match(/../g) ?? [], (hex) => parseInt(hex, 16));
/** A tree written entry by entry as given (unsorted, so it may break git's rules). */
const rawTree = (entries: ReadonlyArray<[mode: string, name: string, of: Oid]>): Made =>
  made('tree', Uint8Array.from(entries.flatMap(([mode, name, oid]) => [...bytes(`${mode} ${name}\0`), ...idOf(oid)])));

function closureOf(objects: Made[]): PackClosure {
  const closure = new PackClosure();
  for (const { oid, type, content } of objects) closure.add(oid, type, content);
  return closure;
}

describe('PackClosure', () => {
  it('returns what the pack names but lacks, and knows what it holds', () => {
    const a = blob('a');
    const stored = blob('stored before');
    const sub = tree([file('a.txt', a)]);
    const root = tree([folder('sub', sub), file('old.txt', stored), { name: 'lib', mode: FILE_MODE.gitlink, oid: blob('another repository').oid }]);
    const parent = 'a'.repeat(40) as Oid;
    const head = commit(root, [parent]);
    const closure = closureOf([head, root, sub, a]);
    expect(closure.finish().sort()).toEqual([parent, stored.oid].sort()); // the gitlink's commit is another repository's
    for (const object of [head, root, sub, a]) expect(closure.has(object.oid)).toBe(true);
    expect(closure.has(stored.oid)).toBe(false);
  });

  it('refuses an object named as one type that the pack holds as another', () => {
    const sub = tree([file('a.txt', blob('a'))]);
    const root = tree([file('sub', sub)]); // a tree named as a file (a blob)
    expect(() => closureOf([commit(root), root, sub])).toThrow(ProtocolError);
    expect(() => closureOf([commit(root), root, sub])).toThrow(new RegExp(`it names ${sub.oid} as a blob \\(in [0-9a-f]{40}\\), but that object is a tree`));
    // Named once it came: refused with the tree that names it.
    expect(() => closureOf([commit(root), sub, root])).toThrow(`it names ${sub.oid} as a blob (in ${root.oid}), but that object is a tree`);
  });

  it('refuses an object two trees name as two types, though the pack lacks it', () => {
    const missing = blob('not sent');
    const one = tree([file('x', missing)]);
    const other = tree([folder('x', missing)]);
    expect(() => closureOf([tree([folder('one', one), folder('other', other)]), one, other])).toThrow(/names .* as a tree .*but that object is a blob/);
  });

  it('refuses a tree that breaks git\'s rules', () => {
    const entry = (name: string): Uint8Array => new Uint8Array([...bytes(`100644 ${name}\0`), ...new Uint8Array(20).fill(7)]);
    const unordered = made('tree', new Uint8Array([...entry('b'), ...entry('a')]));
    expect(() => closureOf([unordered])).toThrow(/is malformed/);
  });

  it('refuses a tree that breaks git\'s rules as malformed, even when an entry before the problem names an id as the wrong type', () => {
    const sub = tree([file('a.txt', blob('a'))]);
    // "sub" names the tree `sub` as a file, then "a" comes after "b".
    const both = rawTree([['100644', 'sub', sub.oid], ['100644', 'b', blob('b').oid], ['100644', 'a', blob('a').oid]]);
    expect(() => closureOf([sub, both])).toThrow(`its tree ${both.oid} is malformed`);
    expect(() => closureOf([sub, both])).toThrow(/not in git's order/);
    // Well-formed, the same wrong type is refused in its own words.
    const wrong = rawTree([['100644', 'sub', sub.oid]]);
    expect(() => closureOf([sub, wrong])).toThrow(`it names ${sub.oid} as a blob (in ${wrong.oid}), but that object is a tree`);
  });

  it('refuses trees nested deeper than the store allows, once every object came', () => {
    let inner = tree([file('leaf.txt', blob('leaf'))]);
    const chain = [inner];
    for (let depth = 1; depth <= MAX_TREE_DEPTH; depth++) {
      inner = tree([folder('d', inner)]);
      chain.push(inner);
    }
    const closure = closureOf([commit(inner), ...chain.reverse()]);
    expect(() => closure.finish()).toThrow(/deep/);
    const allowed = closureOf([commit(chain[1] as Made), ...chain.slice(1)]);
    expect(allowed.finish()).toEqual([blob('leaf').oid]);
    // The deepest tree, met at depth 1 from a commit of its own, is met again too deep from the top.
    const leafTree = chain.at(-1) as Made;
    const shared = closureOf([commit(leafTree), commit(chain[0] as Made), ...chain]);
    expect(() => shared.finish()).toThrow(new RegExp(`${leafTree.oid}.*deep|deep.*${leafTree.oid}`));
    expect(closureOf([commit(leafTree), commit(chain[1] as Made), ...chain.slice(1)]).finish()).toEqual([blob('leaf').oid]);
  });
});

// PackClosure checks a tree that differs from a kept one only in ids by difference (TreeVersions):
// it must say exactly what the full check says. `new PackClosure(0)` keeps every tree;
// `new PackClosure(Infinity)` none.

/** What a closure says of `objects`: the refusal's words, or what is named outside and what is held. */
function outcome(keepTreesFrom: number, objects: readonly Made[]): string {
  const closure = new PackClosure(keepTreesFrom);
  try {
    for (const { oid, type, content } of objects) closure.add(oid, type, content);
    const outside = closure.finish().sort();
    return `outside ${outside.join(',')}; held ${objects.map(({ oid }) => closure.has(oid)).join(',')}`;
  } catch (error) {
    return `refused: ${error instanceof Error ? error.message : String(error)}`;
  }
}

describe('trees checked by difference from an earlier version', () => {
  it('say what the full check says (property)', () => {
    const blobs = [blob('0'), blob('1'), blob('2')];
    const subs = [rawTree([['100644', 'x', (blobs[0] as Made).oid]]), rawTree([['100644', 'y', (blobs[1] as Made).oid]])];
    const pool = [...blobs, ...subs, blob('not sent'), rawTree([['100644', 'z', (blobs[2] as Made).oid]])].map(({ oid }) => oid);
    const entryArb = fc.record({ mode: fc.constantFrom('100644', '40000', '160000'), name: fc.constantFrom('a', 'b', 'c', 'a-', '.'), id: fc.nat(pool.length - 1) });
    /** A first tree, then versions: one entry's id (mostly) or mode or name changed at a time. */
    const changeArb = fc.record({ at: fc.nat(7), what: fc.constantFrom('id', 'id', 'id', 'mode', 'name'), entry: entryArb });
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 8 }), fc.array(changeArb, { maxLength: 6 }), fc.boolean(), (first, changes, sorted) => {
        let entries = sorted ? [...first].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) : first;
        const trees: Made[] = [];
        const version = (): Made => rawTree(entries.map(({ mode, name, id }) => [mode, name, pool[id] as Oid]));
        trees.push(version());
        for (const { at, what, entry } of changes) {
          const i = at % entries.length;
          entries = entries.map((old, j) => (j !== i ? old : what === 'id' ? { ...old, id: entry.id } : what === 'mode' ? { ...old, mode: entry.mode } : { ...old, name: entry.name }));
          trees.push(version());
        }
        const objects = [...trees.map((root) => commit(root)), ...trees, ...blobs, ...subs];
        expect(outcome(0, objects)).toBe(outcome(Infinity, objects));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a changed id of the wrong type, in the full check\'s words', () => {
    const sub = rawTree([['100644', 'a.txt', blob('a').oid]]);
    const names = Array.from({ length: 40 }, (_, i) => `f${String(i).padStart(2, '0')}`);
    const first = rawTree(names.map((name) => ['100644', name, blob(name).oid]));
    const version = rawTree(names.map((name, i) => ['100644', name, i === 7 ? sub.oid : blob(name).oid]));
    const refusal = `it names ${sub.oid} as a blob (in ${version.oid}), but that object is a tree`;
    for (const keep of [0, Infinity]) expect(outcome(keep, [first, sub, version])).toContain(refusal);
  });

  it('checks in full a tree of the same size whose names changed', () => {
    const entries = (second: string): Array<[string, string, Oid]> => [
      ['100644', 'a', blob('a').oid],
      ['100644', second, blob('b').oid],
    ];
    const first = rawTree(entries('c'));
    const unordered = rawTree(entries('0')); // same size, same first entry: "a" before "0"
    const again = rawTree(entries('a')); // and "a" twice
    expect(outcome(0, [first, again])).toMatch(/holds "a" twice/);
    expect(outcome(0, [first, unordered])).toMatch(/not in git's order/);
  });

  it('links a version\'s unchanged sub-trees for the depth check', () => {
    let inner = made('tree', encodeTree([{ name: 'leaf.txt', mode: FILE_MODE.file, oid: blob('leaf').oid }]));
    const chain = [inner];
    for (let depth = 1; depth < MAX_TREE_DEPTH; depth++) {
      inner = made('tree', encodeTree([{ name: 'd', mode: FILE_MODE.tree, oid: inner.oid }]));
      chain.push(inner);
    }
    const entries = (other: Oid): TreeEntry[] => [
      { name: 'deep', mode: FILE_MODE.tree, oid: inner.oid },
      { name: 'other.txt', mode: FILE_MODE.file, oid: other },
    ];
    const first = made('tree', encodeTree(entries(blob('one').oid)));
    const version = made('tree', encodeTree(entries(blob('two').oid)));
    // Only the version is a commit's root: its "deep" link, unchanged, makes MAX_TREE_DEPTH + 1 levels.
    const closure = new PackClosure(0);
    for (const object of [commit(version), first, version, ...chain]) closure.add(object.oid, object.type, object.content);
    expect(() => closure.finish()).toThrow(/deep/);
  });
});
