// A batch's records: loose forms read as they are, deflated ones (a fetched object's zlib stream
// after its header) inflated to exactly the loose form, and anything else refused as corrupt.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CorruptObjectError } from '../errors.ts';
import { hashObject, utf8 } from '../objects/index.ts';
import { openRepo } from '../repo.ts';
import type { Oid } from '../oid.ts';
import type { Backend } from './backend.ts';
import { openIndexedDbBackend } from './indexeddb-backend.ts';
import { createMemoryBackend } from './memory-backend.ts';
import { ObjectRunBuilder } from './object-batch.ts';
import { deflatedRecordLength, isLooseRecord, looseForm, looseForms } from './stored-record.ts';

const text = utf8(Array.from({ length: 400 }, (_, i) => `line ${i % 17} of a chapter`).join('\n'));
const object = hashObject('blob', text);
const contentStart = object.raw.indexOf(0) + 1;

/** The record a fetch stores for `object`: its header, then its content deflated. */
function deflatedRecord(content = text, zlib = new Uint8Array(deflateSync(content))): Uint8Array {
  const record = new Uint8Array(contentStart + zlib.length);
  record.set(object.raw.subarray(0, contentStart));
  record.set(zlib, contentStart);
  return record;
}

describe('a stored record', () => {
  it('is read as it is when it is a loose form', async () => {
    expect(isLooseRecord(object.raw)).toBe(true);
    expect(await looseForm(object.raw)).toBe(object.raw);
    const records = [object.raw, undefined];
    expect(looseForms(records)).toBe(records); // no promise, no copy
  });

  it('is inflated to exactly the loose form when it keeps a zlib stream', async () => {
    const record = deflatedRecord();
    expect(record.length).toBe(deflatedRecordLength(contentStart, text.length, record.length - contentStart));
    expect(isLooseRecord(record)).toBe(false);
    expect(await looseForm(record)).toEqual(object.raw);
    expect(await looseForms([record, undefined])).toEqual([object.raw, undefined]);
  });

  it('is inflated the same way when large (by the platform, in pieces)', async () => {
    const large = hashObject('blob', utf8('a long chapter, revised; '.repeat(60_000)));
    const start = large.raw.indexOf(0) + 1;
    const zlib = new Uint8Array(deflateSync(large.raw.subarray(start)));
    const record = new Uint8Array(start + zlib.length);
    record.set(large.raw.subarray(0, start));
    record.set(zlib, start);
    expect(large.raw.length).toBeGreaterThan(1024 * 1024);
    expect(await looseForm(record)).toEqual(large.raw);
  });

  it('is kept deflated only when that is shorter than the loose form', () => {
    expect(deflatedRecordLength(11, 5000, 1200)).toBe(1211);
    expect(deflatedRecordLength(11, 5000, 5000)).toBeUndefined();
    expect(deflatedRecordLength(11, 5000, 5011)).toBeUndefined();
  });

  it.each([
    ['no header', utf8('just some bytes without a NUL')],
    ['a size that is not a number', utf8('blob 12x\0hello')],
    ['more bytes than its header says', utf8('blob 3\0hello')],
    ['a zlib stream cut short', deflatedRecord().subarray(0, contentStart + 40)],
    ['a zlib stream of another length', deflatedRecord(text, new Uint8Array(deflateSync(text.subarray(0, 100))))],
  ])('with %s is given back as it is, for the read to refuse as corrupt', async (_, record) => {
    expect(await looseForm(record)).toBe(record);
  });
});

describe('a deflated record imported into a backend', () => {
  const small = hashObject('blob', utf8('small'));
  it.each([
    ['IndexedDB', () => openIndexedDbBackend('records', new IDBFactory())],
    ['memory', async () => createMemoryBackend()],
  ])('is read back as the loose form (%s)', async (_, open: () => Promise<Backend>) => {
    const backend = await open();
    const builder = new ObjectRunBuilder();
    builder.add(object.oid, deflatedRecord());
    builder.add(small.oid, small.raw);
    const started = await backend.beginImport();
    await started.put(builder.take());
    expect(await started.commit()).toBe(true);
    expect(await backend.getObjects([object.oid, small.oid])).toEqual([object.raw, small.raw]);
    expect(await backend.getObject(object.oid as Oid)).toEqual(object.raw);
    backend.close();
  });

  it('damaged on disk, is refused by the read as corrupt, as any damaged object is', async () => {
    const repo = await openRepo({ name: 'damaged', indexedDB: new IDBFactory() });
    const record = deflatedRecord();
    record[contentStart + 20] = (record[contentStart + 20] as number) ^ 0xff;
    const builder = new ObjectRunBuilder();
    builder.add(object.oid, record);
    const started = await repo.git.objects.beginImport();
    await started.put(builder.take());
    expect(await started.commit()).toBe(true);
    await expect(repo.git.objects.read(object.oid as Oid)).rejects.toThrow(new CorruptObjectError(object.oid, 'its bytes do not hash to its id'));
    await repo.close();
  });
});
