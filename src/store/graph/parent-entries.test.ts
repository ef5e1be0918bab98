import { describe, expect, it } from 'vitest';
import { hashObject, type TreeEntry } from '../objects/index.ts';
import { ParentEntries } from './parent-entries.ts';

const entry = (name: string, content = name, nameBytes?: Uint8Array): TreeEntry => ({
  name,
  mode: '100644',
  oid: hashObject('blob', new TextEncoder().encode(content)).oid,
  ...(nameBytes ? { nameBytes } : {}),
});

/** The id of what each child entry finds in the parent, or undefined. */
function findAll(parent: TreeEntry[], child: TreeEntry[]): Array<string | undefined> {
  const lookup = new ParentEntries(parent);
  return child.map((e, i) => lookup.find(e, i)?.oid);
}

describe('ParentEntries', () => {
  const parent = ['a', 'b', 'c', 'd', 'e'].map((name) => entry(name));

  it('finds every entry of an unchanged or modified tree at its position', () => {
    const child = parent.map((e) => (e.name === 'c' ? entry('c', 'changed') : e));
    expect(findAll(parent, child)).toEqual(parent.map((e) => e.oid));
  });

  it('keeps finding entries after one was added or removed', () => {
    const added = [parent[0], parent[1], entry('bb'), parent[2], parent[3], parent[4]] as TreeEntry[];
    expect(findAll(parent, added)).toEqual([parent[0]?.oid, parent[1]?.oid, undefined, parent[2]?.oid, parent[3]?.oid, parent[4]?.oid]);
    const removed = parent.filter((e) => e.name !== 'b');
    expect(findAll(parent, removed)).toEqual(removed.map((e) => e.oid));
  });

  it('tells names that are not UTF-8 apart by their bytes', () => {
    const first = entry('\uFFFD', 'one', Uint8Array.of(0xff));
    const second = entry('\uFFFD', 'two', Uint8Array.of(0xfe));
    expect(findAll([first], [second])).toEqual([undefined]);
    expect(findAll([first, second], [second, first])).toEqual([second.oid, first.oid]);
  });
});
