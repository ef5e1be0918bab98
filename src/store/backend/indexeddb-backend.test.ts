// The IndexedDB backend's own layout: batches of objects in chunks, and databases made by the
// first schema. The store suite (repo.test.ts) runs in full over the batched layout as well.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { hashObject, utf8, type HashedObject } from '../objects/index.ts';
import { openIndexedDbBackend } from './indexeddb-backend.ts';
import { CHUNK_BYTES, encodeBatch, ObjectRunBuilder, readBatchIndex, type BatchLocation } from './object-batch.ts';
import type { Oid } from '../oid.ts';

const blob = (text: string): HashedObject => hashObject('blob', utf8(text));

describe('object batches', () => {
  it('lays objects out whole in chunks and finds each again', () => {
    const objects = [blob('a'), blob('x'.repeat(300)), blob('b'), blob('y'.repeat(90)), blob('c')];
    const { chunks, index } = encodeBatch(objects, 320);
    const located = new Map<Oid, BatchLocation>();
    readBatchIndex(7, index, located);
    expect(chunks.length).toBeGreaterThan(1);
    for (const { oid, raw } of objects) {
      const at = located.get(oid) as BatchLocation;
      expect(at.batch).toBe(7);
      expect(chunks[at.chunk]?.subarray(at.offset, at.offset + at.length)).toEqual(raw);
    }
  });

  it('gives an object larger than a chunk a chunk of its own, and stores no unused end', () => {
    const big = blob('z'.repeat(CHUNK_BYTES + 10));
    const { chunks } = encodeBatch([blob('small'), big, blob('after')]);
    expect(chunks.map((chunk) => chunk.length)).toEqual([big.raw.length, blob('small').raw.length + blob('after').raw.length]);
    expect(chunks.map((chunk) => chunk.buffer.byteLength)).toEqual(chunks.map((chunk) => chunk.length));
  });

  it('stores a large write as a batch another handle reads, and answers has() for it', async () => {
    const factory = new IDBFactory();
    const writer = await openIndexedDbBackend('batches', factory);
    const reader = await openIndexedDbBackend('batches', factory);
    const objects = Array.from({ length: 500 }, (_, i) => blob(`object ${i} ${'.'.repeat(i)}`));
    expect(await reader.hasObjects([objects[0]?.oid as Oid])).toEqual([false]); // loads no batch yet
    await writer.putObjects(objects);
    const raws = await reader.getObjects(objects.map(({ oid }) => oid));
    expect(raws).toEqual(objects.map(({ raw }) => raw));
    expect(await reader.hasObjects([objects[499]?.oid as Oid, blob('never stored').oid])).toEqual([true, false]);
    expect(await reader.getObject(blob('never stored').oid)).toBeUndefined();
    writer.close();
    reader.close();
  });

  it("notes where each chunk's last object ends, about the chunk's size", () => {
    const objects = [blob('a'), blob('x'.repeat(300)), blob('b'), blob('y'.repeat(90)), blob('c')];
    const { chunks, index } = encodeBatch(objects, 320);
    const ends = new Map<string, number>();
    readBatchIndex(3, index, new Map(), undefined, undefined, ends);
    expect([...ends]).toEqual(chunks.map((chunk, i) => [`3/${i}`, chunk.length]));
  });

  it("reads a fetch's 1 MB chunks one per transaction, a commit's 256 KB chunks four at a time", async () => {
    // A transaction's results reach the page together, in one task: a few MB of values at once
    // were a task of 45-100 ms on a slow machine.
    const factory = new IDBFactory();
    const writer = await openIndexedDbBackend('read-groups', factory);
    const fetched = Array.from({ length: 12 }, (_, i) => blob(`${i}`.padEnd(300_000, '~')));
    const builder = new ObjectRunBuilder(1024 * 1024);
    for (const { oid, raw } of fetched) builder.add(oid, raw);
    const run = builder.take();
    const started = await writer.beginImport();
    await started.put(run);
    expect(await started.commit()).toBe(true);
    const committed = Array.from({ length: 16 }, (_, i) => blob(`${i}`.padEnd(60_000, '-')));
    await writer.putObjects(committed);
    writer.close();
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const countReads = async (objects: HashedObject[]): Promise<number> => {
      const reader = await openIndexedDbBackend('read-groups', factory, { chunkCacheBytes: 0 });
      transactions.mockClear();
      expect(await reader.getObjects(objects.map(({ oid }) => oid))).toEqual(objects.map(({ raw }) => raw));
      const reads = transactions.mock.calls.filter(([stores]) => Array.isArray(stores) && stores.includes('chunks')).length;
      reader.close();
      return reads;
    };
    expect(run.chunks.length).toBe(4); // 12 objects of 300 KB, 3 to a chunk
    expect(await countReads(fetched)).toBe(4);
    expect(await countReads(committed)).toBe(1); // 16 objects of 60 KB: 4 chunks of up to ~300 KB
    transactions.mockRestore();
  });

  it('reads batches whatever bound its chunk cache has, none at all included', async () => {
    const factory = new IDBFactory();
    const objects = Array.from({ length: 200 }, (_, i) => blob(`bounded ${i} ${'-'.repeat(2000)}`));
    const writer = await openIndexedDbBackend('bounded', factory, { chunkCacheBytes: 0 });
    await writer.putObjects(objects);
    const reader = await openIndexedDbBackend('bounded', factory, { chunkCacheBytes: 300_000 });
    for (const backend of [writer, reader]) expect(await backend.getObjects(objects.map(({ oid }) => oid))).toEqual(objects.map(({ raw }) => raw));
    writer.close();
    reader.close();
  });

  it('writes no batch when the ref moved (compare-and-set refused)', async () => {
    const factory = new IDBFactory();
    const backend = await openIndexedDbBackend('cas', factory, { batchMinObjects: 1 });
    const objects = [blob('one'), blob('two')];
    const wrongExpected = blob('not the head').oid;
    expect(await backend.compareAndSetRef('refs/heads/main', wrongExpected, objects[0]?.oid as Oid, objects)).toBe(false);
    const fresh = await openIndexedDbBackend('cas', factory);
    expect(await fresh.getObjects(objects.map(({ oid }) => oid))).toEqual([undefined, undefined]);
    backend.close();
    fresh.close();
  });

  it('opens a database made by the first schema and keeps its objects and refs', async () => {
    const factory = new IDBFactory();
    const stored = blob('from version 1');
    await new Promise<void>((resolve, reject) => {
      const request = factory.open('old', 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('objects');
        request.result.createObjectStore('refs');
      };
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const tx = request.result.transaction(['objects', 'refs'], 'readwrite');
        tx.objectStore('objects').put(stored.raw, stored.oid);
        tx.objectStore('refs').put(stored.oid, 'refs/heads/main');
        tx.oncomplete = () => {
          request.result.close();
          resolve();
        };
      };
    });
    const backend = await openIndexedDbBackend('old', factory);
    expect(await backend.getObject(stored.oid)).toEqual(stored.raw);
    expect(await backend.getRef('refs/heads/main')).toBe(stored.oid);
    await backend.putObjects(Array.from({ length: 100 }, (_, i) => blob(`new ${i}`)));
    expect(await backend.getObject(blob('new 99').oid)).toEqual(blob('new 99').raw);
    backend.close();
  });
});
