import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCommit, encodeTree, FILE_MODE, hashObject, MAX_TREE_DEPTH, type ObjectType, type Oid, type TreeEntry } from '../../store/index.ts';
import { PackClosure } from './pack-closure.ts';

// PackClosure checks a tree that differs from a kept one only in ids by difference (TreeVersions):
// it must say exactly what the full check says. `new PackClosure(0)` keeps every tree;
// `new PackClosure(Infinity)` none.

const who = { name: 'Tester', email: 'tester@example.org', timestamp: 1_767_000_000, timezoneOffset: 0 };
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

interface Made {
  oid: Oid;
  type: ObjectType;
  content: Uint8Array;
}

const made = (type: ObjectType, content: Uint8Array): Made => ({ oid: hashObject(type, content).oid, type, content });
const blob = (text: string): Made => made('blob', bytes(text));
const commit = (root: Made): Made => made('commit', encodeCommit({ tree: root.oid, parents: [], author: who, committer: who, message: 'Test\n' }));
const idOf = (oid: Oid): number[] => Array.from(oid.match(/../g) ?? [], (hex) => parseInt(hex, 16));
/** A tree written entry by entry as given (unsorted, so it may break git's rules). */
const rawTree = (entries: ReadonlyArray<[mode: string, name: string, of: Oid]>): Made =>
  made('tree', Uint8Array.from(entries.flatMap(([mode, name, oid]) => [...bytes(`${mode} ${name}\0`), ...idOf(oid)])));

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
        const tree = (): Made => rawTree(entries.map(({ mode, name, id }) => [mode, name, pool[id] as Oid]));
        trees.push(tree());
        for (const { at, what, entry } of changes) {
          const i = at % entries.length;
          entries = entries.map((old, j) => (j !== i ? old : what === 'id' ? { ...old, id: entry.id } : what === 'mode' ? { ...old, mode: entry.mode } : { ...old, name: entry.name }));
          trees.push(tree());
        }
        const objects = [...trees.map(commit), ...trees, ...blobs, ...subs];
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
