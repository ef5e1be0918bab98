import { describe, expect, it } from 'vitest';
import { encodeTree, hashObject, type TreeEntry } from '../objects/index.ts';
import type { Oid } from '../oid.ts';
import { changedEntries } from './tree-changes.ts';

const oidOf = (text: string): Oid => hashObject('blob', new TextEncoder().encode(text)).oid;
const file = (name: string, content = name): TreeEntry => ({ name, mode: '100644', oid: oidOf(content) });
const folder = (name: string, content = name): TreeEntry => ({ name, mode: '40000', oid: oidOf(`tree ${content}`) });

describe('changedEntries', () => {
  const parent = [file('a'), folder('d'), file('z')];

  it('names only what differs from every parent, with the parent sub-trees to compare next', () => {
    const child = [file('a'), folder('d', 'changed'), file('z', 'changed')];
    expect(changedEntries(encodeTree(child), [encodeTree(parent)])).toEqual([
      { oid: oidOf('tree changed'), isTree: true, parentTrees: [parent[1]?.oid] },
      { oid: oidOf('changed'), isTree: false, parentTrees: [] },
    ]);
  });

  it('counts an entry as present when any parent of a merge has it', () => {
    const other = [file('a', 'other'), folder('d'), file('z')];
    const child = [file('a', 'other'), folder('d'), file('z')];
    expect(changedEntries(encodeTree(child), [encodeTree(parent), encodeTree(other)])).toEqual([]);
  });

  it('gives up (undefined) when names were added or removed, for the decoder to handle', () => {
    expect(changedEntries(encodeTree([...parent, file('zz')]), [encodeTree(parent)])).toBeUndefined();
    expect(changedEntries(encodeTree(parent.slice(1)), [encodeTree(parent)])).toBeUndefined();
    expect(changedEntries(encodeTree(parent.slice(0, 2)), [encodeTree(parent)])).toBeUndefined();
  });

  it('skips submodule entries and gives up on an entry cut short', () => {
    const gitlink: TreeEntry = { name: 'sub', mode: '160000', oid: oidOf('commit') };
    expect(changedEntries(encodeTree([gitlink]), [encodeTree([{ ...gitlink, oid: oidOf('old') }])])).toEqual([]);
    const good = encodeTree([file('a')]);
    expect(changedEntries(good.subarray(0, good.length - 1), [good])).toBeUndefined();
  });
});
