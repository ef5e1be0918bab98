import { describe, expect, it } from 'vitest';
import { createMemoryBackend } from './backend/index.ts';
import { encodeTree, hashObject, utf8, type TreeEntry } from './objects/index.ts';
import { ObjectStore } from './object-store.ts';
import { Staging } from './staging.ts';

const blob = (text: string) => hashObject('blob', utf8(text)).oid;

describe('Staging', () => {
  it('writes a tree with ids changed in place as the bytes encodeTree gives, patched or not', async () => {
    const store = new ObjectStore(createMemoryBackend());
    const staging = new Staging(store);
    const entries: TreeEntry[] = ['a.json', 'b', 'c.json', 'd\u00e9.json'].map((name) => ({ name, mode: name === 'b' ? '40000' : '100644', oid: blob(name) }));
    const base = await staging.writeTree(entries);
    expect(base).toBe(hashObject('tree', encodeTree(entries)).oid);
    const changed = entries.map((entry, i) => (i === 0 || i === 3 ? { ...entry, oid: blob(`${entry.name} again`) } : entry));
    const patched = await staging.writeChangedTree(base, changed, [3, 0]);
    expect(patched).toBe(hashObject('tree', encodeTree(changed)).oid);
    expect(await staging.readTree(patched)).toEqual(changed);
    // Without the base's bytes at hand (another handle wrote it), the tree is encoded whole.
    const other = new Staging(new ObjectStore(createMemoryBackend()));
    expect(await other.writeChangedTree(base, changed, [0, 3])).toBe(patched);
    expect(staging.reachableFrom(patched).map(({ oid }) => oid)).toEqual([patched]);
  });

  it('finds what a patched tree reaches through a staged base, without the base', async () => {
    const staging = new Staging(new ObjectStore(createMemoryBackend()));
    const names = ['a.json', 'b.json', 'c.json'];
    const entries: TreeEntry[] = await Promise.all(names.map(async (name) => ({ name, mode: '100644', oid: await staging.writeObject('blob', utf8(name)) })));
    const base = await staging.writeTree(entries);
    const again = await staging.writeObject('blob', utf8('a.json again'));
    const once = await staging.writeChangedTree(base, entries.map((entry, i) => (i === 0 ? { ...entry, oid: again } : entry)), [0]);
    const last = await staging.writeObject('blob', utf8('c.json again'));
    const changed = entries.map((entry, i) => (i === 0 ? { ...entry, oid: again } : i === 2 ? { ...entry, oid: last } : entry));
    const twice = await staging.writeChangedTree(once, changed, [2]);
    const reached = staging.reachableFrom(twice).map(({ oid }) => oid);
    expect(new Set(reached)).toEqual(new Set([twice, again, entries[1]?.oid, last]));
  });
});
