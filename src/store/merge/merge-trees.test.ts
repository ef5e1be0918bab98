import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryBackend } from '../backend/index.ts';
import { fromUtf8, isTreeMode, utf8 } from '../objects/index.ts';
import { ObjectStore } from '../object-store.ts';
import { Staging } from '../staging.ts';
import { EMPTY_TREE } from '../objects/index.ts';
import type { Oid } from '../oid.ts';
import { parsePath } from '../path.ts';
import { applyChanges } from '../tree-edit.ts';
import { mergeTrees } from './merge-trees.ts';

type Files = Record<string, string>;

const paths = ['a.txt', 'b.txt', 'd/x.txt', 'd/y.txt', 'd/e/z.txt', 'f'];
const filesArb: fc.Arbitrary<Files> = fc.dictionary(fc.constantFrom(...paths), fc.constantFrom('1', '2', '3', '4'), {
  maxKeys: 4,
});

/** Builds the tree of a file map; the path list has no name that is both a file and a folder. */
async function treeOf(staging: Staging, files: Files): Promise<Oid> {
  const changes = new Map(Object.entries(files).map(([path, data]) => [path, utf8(data)] as const));
  return applyChanges(staging, EMPTY_TREE, changes, parsePath);
}

async function filesOf(staging: Staging, tree: Oid | undefined, prefix = ''): Promise<Files> {
  const out: Files = {};
  if (tree === undefined) return out;
  for (const entry of await staging.readTree(tree)) {
    const path = prefix + entry.name;
    if (isTreeMode(entry.mode)) Object.assign(out, await filesOf(staging, entry.oid, `${path}/`));
    else out[path] = fromUtf8(await staging.readBlob(entry.oid));
  }
  return out;
}

async function merge(base: Files, ours: Files, theirs: Files) {
  const staging = new Staging(new ObjectStore(createMemoryBackend()));
  const [b, o, t] = [await treeOf(staging, base), await treeOf(staging, ours), await treeOf(staging, theirs)];
  const result = await mergeTrees(staging, b, o, t, undefined);
  return { files: await filesOf(staging, result.tree), conflicts: result.conflicts, tree: result.tree, o, t };
}

describe('mergeTrees', () => {
  it('returns the other side when one side is unchanged (property)', async () => {
    await fc.assert(
      fc.asyncProperty(filesArb, filesArb, async (base, theirs) => {
        expect((await merge(base, base, theirs)).files).toEqual(theirs);
        expect((await merge(base, theirs, base)).files).toEqual(theirs);
      }),
    );
  });

  it('loses nothing written on either side (property)', async () => {
    await fc.assert(
      fc.asyncProperty(filesArb, filesArb, filesArb, async (base, ours, theirs) => {
        const { files } = await merge(base, ours, theirs);
        const present = (path: string, value: string): boolean =>
          files[path] === value || Object.entries(files).some(([p, v]) => p.startsWith(`${path}.conflict-`) && v === value);
        for (const side of [ours, theirs]) {
          for (const [path, value] of Object.entries(side)) {
            if (base[path] !== value) expect(present(path, value), `${path}=${value}`).toBe(true);
          }
        }
        // A file both sides kept as in the base and neither deleted is still there.
        for (const [path, value] of Object.entries(base)) {
          if (ours[path] === value && theirs[path] === value) expect(files[path]).toBe(value);
        }
      }),
    );
  });

  it('is symmetric in its result files (property)', async () => {
    await fc.assert(
      fc.asyncProperty(filesArb, filesArb, filesArb, async (base, ours, theirs) => {
        expect((await merge(base, ours, theirs)).files).toEqual((await merge(base, theirs, ours)).files);
      }),
    );
  });

  it('moves a file aside when the other side made a folder of that name', async () => {
    const { files, conflicts } = await merge({}, { f: 'file' }, { 'f/inner.txt': 'inside' });
    expect(files['f/inner.txt']).toBe('inside');
    const aside = Object.keys(files).find((p) => p.startsWith('f.conflict-'));
    expect(aside && files[aside]).toBe('file');
    expect(conflicts).toEqual(['f']);
  });
});
