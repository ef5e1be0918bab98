// The pack paths the browser runs in a Web Worker, run here in Node's thread (no Worker): the
// same code must give the same bytes and the same objects as the one-go encoder and parser,
// and refuse what they refuse.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CorruptObjectError, hashObject, wrapObject, type GitObject, type Oid } from '../../store/index.ts';
import { at, closeStores, openStore } from '../../../test/support/bundle-fixture.ts';
import { encodePack, PackEncoder, parsePack, ProtocolError } from '../protocol/index.ts';
import { buildPack, joinChunks, parsePackAside, READ_SLICE, WORKER_MIN_OBJECTS } from './pack-work.ts';
import { packObjectsOfPart, partOfPackObjects } from './object-parts.ts';
import { concatBytes } from '../../store/index.ts';

afterEach(closeStores);

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const noBase = async (): Promise<undefined> => undefined;

/** Objects of every type and of sizes small and large (a large one takes the awaited hash). */
function someObjects(count: number): GitObject[] {
  const objects: GitObject[] = [];
  for (let i = 0; i < count; i++) objects.push({ type: 'blob', content: utf8(`{\n  "title": "item ${i}"\n}\n`) });
  objects.push({ type: 'blob', content: new Uint8Array(40_000).map((_, i) => (i * 2654435761) >>> 24) });
  objects.push({ type: 'tree', content: new Uint8Array() });
  return objects;
}

describe('PackEncoder', () => {
  it('gives the bytes encodePack gives, however the objects are split into parts', () => {
    const objects = someObjects(40);
    const whole = encodePack(objects);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: objects.length }), { maxLength: 6 }), (cuts) => {
        const bounds = [0, ...[...cuts].sort((a, b) => a - b), objects.length];
        const encoder = new PackEncoder(objects.length);
        const parts = [encoder.header()];
        for (let i = 1; i < bounds.length; i++) parts.push(encoder.encode(objects.slice(bounds[i - 1], bounds[i])));
        parts.push(encoder.finish());
        expect(concatBytes(parts)).toEqual(whole);
      }),
      { numRuns: 15 },
    );
  });

  it('refuses more or fewer objects than it announced', () => {
    const objects = someObjects(3);
    const more = new PackEncoder(2);
    expect(() => more.encode(objects)).toThrow(/announced with 2 objects/);
    more.abandon();
    const fewer = new PackEncoder(9);
    fewer.encode(objects);
    expect(() => fewer.finish()).toThrow(/announced with 9 objects, got 5/);
  });
});

describe('buildPack without a worker', () => {
  /** A repository of `count` files in one commit; its objects' ids in the order a push sends them. */
  async function storeWith(count: number) {
    const repo = await openStore();
    const main = await repo.branch('main');
    const head = await main.transaction((tx) => {
      for (let i = 0; i < count; i++) tx.set(`items/${(i % 16).toString(16).padStart(2, '0')}/${i}.json`, `{\n  "n": ${i}\n}\n`);
    }, at('Fill', 1));
    const oids = await repo.git.graph.listObjectsToSend([head], []);
    return { repo, oids };
  }

  it('packs the store objects into the bytes encodePack makes of them, slice after slice', async () => {
    // More objects than a slice and than the worker's threshold: every path of the loop runs.
    const { repo, oids } = await storeWith(READ_SLICE + WORKER_MIN_OBJECTS);
    expect(oids.length).toBeGreaterThan(READ_SLICE);
    const progress: number[] = [];
    const chunks = await buildPack((ids) => repo.git.objects.readLoose(ids), oids, (done) => progress.push(done));
    expect(concatBytes(chunks)).toEqual(encodePack(await repo.git.objects.readMany(oids)));
    expect(progress.at(-1)).toBe(oids.length);
    const parsed = await parsePack(concatBytes(chunks), noBase);
    expect(parsed.map(({ oid }) => oid)).toEqual(oids);
  });

  it('packs nothing into a valid empty pack', async () => {
    const chunks = await buildPack(async () => [], []);
    expect(concatBytes(chunks)).toEqual(encodePack([]));
  });

  it('refuses an object whose stored bytes do not hash to its id, as the store refuses reading it', async () => {
    const { repo, oids } = await storeWith(20);
    const victim = oids[5] as Oid;
    const read = async (ids: readonly Oid[]) => {
      const raws = await repo.git.objects.readLoose(ids);
      return raws.map((raw, i) => (ids[i] === victim ? wrapObject('blob', utf8('not what was stored')) : raw));
    };
    const error = await buildPack(read, oids).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CorruptObjectError);
    expect((error as CorruptObjectError).data.oid).toBe(victim);
  });

  it('reads loose forms as stored: the same bytes a verified read unwraps', async () => {
    const { repo, oids } = await storeWith(5);
    const raws = await repo.git.objects.readLoose(oids);
    const objects = await repo.git.objects.readMany(oids);
    raws.forEach((raw, i) => expect(hashObject((objects[i] as GitObject).type, (objects[i] as GitObject).content).raw).toEqual(raw));
  });
});

describe('parsePackAside without a worker', () => {
  it('gives the objects parsePack gives, and refuses what it refuses', async () => {
    const pack = encodePack(someObjects(30));
    expect(await parsePackAside(pack, noBase)).toEqual(await parsePack(pack, noBase));
    const broken = pack.slice();
    broken[broken.length - 1]! ^= 1;
    await expect(parsePackAside(broken, noBase)).rejects.toBeInstanceOf(ProtocolError);
  });
});

describe('what crosses to and from the worker', () => {
  it('a parsed pack laid out in one part comes back as the same objects', async () => {
    const objects = await parsePack(encodePack(someObjects(12)), noBase);
    expect(await packObjectsOfPart(partOfPackObjects(objects))).toEqual(objects);
  });

  it('chunks joined a few at a time are the bytes joined at once', async () => {
    const chunks = [utf8('PACK'), new Uint8Array(), utf8('x'.repeat(70_000)), utf8('end')];
    expect(await joinChunks(chunks)).toEqual(concatBytes(chunks));
  });
});
