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
    const entry = (mode: string, name: string, id: Uint8Array): Uint8Array => new Uint8Array([...bytes(`${mode} ${name}\0`), ...id]);
    const idOf = (oid: Oid): Uint8Array => Uint8Array.from(oid.match(/../g) ?? [], (hex) => parseInt(hex, 16));
    // "sub" names the tree `sub` as a file, then "a" comes after "b".
    const both = made('tree', new Uint8Array([...entry('100644', 'sub', idOf(sub.oid)), ...entry('100644', 'b', idOf(blob('b').oid)), ...entry('100644', 'a', idOf(blob('a').oid))]));
    expect(() => closureOf([sub, both])).toThrow(`its tree ${both.oid} is malformed`);
    expect(() => closureOf([sub, both])).toThrow(/not in git's order/);
    // Well-formed, the same wrong type is refused in its own words.
    const wrong = made('tree', entry('100644', 'sub', idOf(sub.oid)));
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
