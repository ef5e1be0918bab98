import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCommit, encodeTree, hashObject, type GitObject, type Oid } from '../../store/index.ts';
import { git, gitText, makeTempDir, removeTempDir } from '../../../test/support/git-cli.ts';
import { parsePack } from './pack-reader.ts';
import { PackEncoder, encodePack, encodePackEntries } from './pack-writer.ts';

const bytesOf = (value: string): Uint8Array => new TextEncoder().encode(value);
const noBase = async (): Promise<undefined> => undefined;
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(a, b) === 0;

/** Blobs, a nested tree, a commit and an annotated tag: every object type, fully connected. */
function sampleObjects(): GitObject[] {
  const small = { type: 'blob' as const, content: bytesOf('{\n  "title": "Buy milk"\n}\n') };
  const empty = { type: 'blob' as const, content: new Uint8Array() };
  const large = { type: 'blob' as const, content: bytesOf(Array.from({ length: 20_000 }, (_, i) => `line ${i} ${i % 7}`).join('\n')) };
  const binary = { type: 'blob' as const, content: new Uint8Array(70_000).map((_, i) => (i * 2654435761) >>> 24) };
  const id = (object: GitObject): Oid => hashObject(object.type, object.content).oid;
  const subtree = { type: 'tree' as const, content: encodeTree([{ name: 'big.txt', mode: '100644', oid: id(large) }]) };
  const tree = {
    type: 'tree' as const,
    content: encodeTree([
      { name: 'a.json', mode: '100644', oid: id(small) },
      { name: 'empty', mode: '100644', oid: id(empty) },
      { name: 'bin', mode: '100755', oid: id(binary) },
      { name: 'dir', mode: '40000', oid: id(subtree) },
    ]),
  };
  const who = { name: 'Tester', email: 't@example.com', timestamp: 1_700_000_000, timezoneOffset: 60 };
  const commit = { type: 'commit' as const, content: encodeCommit({ tree: id(tree), parents: [], author: who, committer: who, message: 'First\n' }) };
  const tag = {
    type: 'tag' as const,
    content: bytesOf(`object ${id(commit)}\ntype commit\ntag v1\ntagger Tester <t@example.com> 1700000000 +0100\n\nrelease\n`),
  };
  return [small, empty, large, binary, subtree, tree, commit, tag];
}

describe('encodePack with git', () => {
  let root: string;
  let bare: string;

  beforeAll(() => {
    root = makeTempDir('writer');
    bare = join(root, 'bare.git');
    git(['init', '-q', '--bare', bare], { cwd: root });
  });

  afterAll(() => removeTempDir(root));

  it.each([1, 6, 9, 0])('writes a pack git index-pack --strict accepts (level %i)', (level) => {
    const objects = sampleObjects();
    const pack = encodePack(objects, { level });
    const packId = gitText(['index-pack', '--strict', '--stdin'], { cwd: bare, input: pack }).trim();
    expect(packId).toMatch(/^pack\t[0-9a-f]{40}$/);
    for (const object of objects) {
      const oid = hashObject(object.type, object.content).oid;
      expect(gitText(['cat-file', '-t', oid], { cwd: bare }).trim()).toBe(object.type);
      expect(sameBytes(git(['cat-file', object.type, oid], { cwd: bare }), object.content)).toBe(true);
    }
    const blob = objects[0] as GitObject;
    expect(gitText(['cat-file', '-p', hashObject(blob.type, blob.content).oid], { cwd: bare }).trim()).toBe('{\n  "title": "Buy milk"\n}');
    expect(gitText(['cat-file', '-p', hashObject('tree', (objects[5] as GitObject).content).oid], { cwd: bare }).trim()).toMatch(/^100644 blob [0-9a-f]{40}\ta\.json$/m);
  });

  it('writes an empty pack git accepts', () => {
    const pack = encodePack([]);
    expect(pack.length).toBe(32);
    expect(gitText(['index-pack', '--stdin'], { cwd: bare, input: pack }).trim()).toMatch(/^pack\t/);
  });
});

describe('encodePackEntries', () => {
  it('gives entries that, appended in a pack, make the same bytes as encoding the objects there', () => {
    const objects = sampleObjects();
    const [first, ...rest] = objects as [GitObject, ...GitObject[]];
    const entries = encodePackEntries(rest);
    expect(entries).toHaveLength(rest.length);
    const encoder = new PackEncoder(objects.length);
    const parts = [encoder.header(), encoder.encode([first]), ...entries.map((entry) => encoder.appendEncoded(entry, 1)), encoder.finish()];
    expect(sameBytes(Buffer.concat(parts), encodePack(objects))).toBe(true);
  });

  it('counts appended entries against the announced count', () => {
    const [entry] = encodePackEntries([{ type: 'blob', content: bytesOf('x') }]);
    const encoder = new PackEncoder(1);
    encoder.header();
    encoder.appendEncoded(entry as Uint8Array, 1);
    expect(() => encoder.appendEncoded(entry as Uint8Array, 1)).toThrow(RangeError);
  });
});

describe('encodePack and parsePack', () => {
  it('round-trip every object type', async () => {
    const objects = sampleObjects();
    const parsed = await parsePack(encodePack(objects), noBase);
    expect(parsed.map((o) => o.type)).toEqual(objects.map((o) => o.type));
    parsed.forEach((object, i) => {
      const source = objects[i] as GitObject;
      expect(object.oid).toBe(hashObject(source.type, source.content).oid);
      expect(sameBytes(object.content, source.content)).toBe(true);
    });
  });

  it('round-trip any blobs (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 3000 }), { maxLength: 40 }), fc.integer({ min: 0, max: 9 }), async (contents, level) => {
        const objects = contents.map((content) => ({ type: 'blob' as const, content }));
        const parsed = await parsePack(encodePack(objects, { level }), noBase);
        expect(parsed).toHaveLength(objects.length);
        parsed.forEach((object, i) => {
          expect(object.type).toBe('blob');
          expect(sameBytes(object.content, contents[i] as Uint8Array)).toBe(true);
          expect(object.oid).toBe(hashObject('blob', contents[i] as Uint8Array).oid);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('time to encode and parse 10,000 objects of ~200 bytes (printed, not asserted)', async () => {
    const objects = Array.from({ length: 10_000 }, (_, i) => ({
      type: 'blob' as const,
      content: bytesOf(JSON.stringify({ id: `${i}-${Math.random().toString(36).slice(2)}`, title: `Task number ${i}`, notes: 'call about the thing'.repeat(5), done: false }, null, 2)),
    }));
    encodePack(objects.slice(0, 500));
    const t0 = performance.now();
    const pack = encodePack(objects);
    const t1 = performance.now();
    const parsed = await parsePack(pack, noBase);
    const t2 = performance.now();
    const bytes = objects.reduce((sum, o) => sum + o.content.length, 0);
    console.log(
      `pack of ${objects.length} objects (${(bytes / 1e6).toFixed(2)} MB raw, ${(pack.length / 1e6).toFixed(2)} MB packed): ` +
        `encodePack ${(t1 - t0).toFixed(0)} ms, parsePack ${(t2 - t1).toFixed(0)} ms`,
    );
    expect(parsed).toHaveLength(objects.length);
  });
});
