// How a batch stores one object. Mostly its loose form, `"<type> <size>\0<content>"`; but a large
// object fetched whole may keep the zlib stream its pack carried it in, after the same header:
// `"<type> <size>\0<zlib stream of the content>"`. IndexedDB's cost is per byte stored far more
// than per record (~20 ms of CPU per MB on a 2-core VM), and a first sync's objects are half as
// many bytes deflated, so the fetch stores them as they came and a read inflates them.
//
// The two are told apart by length alone: a deflated record is kept only when it is shorter than
// the loose form, and a loose form is exactly its header plus `size` bytes.
import { readObjectHeader } from '../objects/index.ts';

/** Whether `record` is a loose form as it is (no inflating to read it). */
export function isLooseRecord(record: Uint8Array): boolean {
  const header = readObjectHeader(record);
  return header !== undefined && record.length === header.contentStart + header.size;
}

/**
 * `record` kept deflated when that is shorter: the loose form's header, then `zlib`, the object's
 * content as a zlib stream. Undefined when it would not be shorter than the loose form.
 */
export function deflatedRecordLength(contentStart: number, size: number, zlibLength: number): number | undefined {
  return zlibLength < size ? contentStart + zlibLength : undefined;
}

/**
 * Objects up to this size are inflated by pako, in one call (~20 µs for a few KB); larger ones
 * by the platform's `DecompressionStream`, in pieces, so no read is one long task of the page
 * (its fixed cost, 1-2 ms a stream, matters only for small objects).
 */
const STREAMED_FROM_BYTES = 1024 * 1024;

/**
 * pako's inflate, loaded at the first deflated record read: a page that never reads one never
 * loads it. Its inflate-only build, not `pako`: the comment widget's sync code imports `pako`
 * itself, and were the page-load script to import `pako` too, the bundler would split `pako` into
 * a chunk of its own that the sync chunk imports. That chunk is fetched a round trip later, and a
 * reader going offline in between leaves a failed import that Chromium keeps until a reload.
 * Undefined where the chunk cannot be fetched (offline before any read needed it): the platform's
 * `DecompressionStream` inflates then, slower, so a read never needs the network.
 */
let pako: Promise<((zlib: Uint8Array) => Uint8Array) | undefined> | undefined;

function pakoInflate(): NonNullable<typeof pako> {
  pako ??= import('pako/browser/inflate').then(
    (module) => module.inflate,
    () => {
      pako = undefined; // tried again at the next read, where the browser does not keep the failure
      return undefined;
    },
  );
  return pako;
}

/** Inflates `zlib`, whose content is `size` bytes. */
async function inflate(zlib: Uint8Array, size: number): Promise<Uint8Array> {
  const inOneCall = size < STREAMED_FROM_BYTES ? await pakoInflate() : undefined;
  if (inOneCall) return inOneCall(zlib);
  const stream = new Blob([zlib as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * The loose form of an object from its stored `record`: the record itself, or inflated. A
 * record that is neither (damaged on disk) is given back as it is: every read hashes what it
 * gets, and refuses it there as a `CorruptObjectError`, the one word for any damage.
 */
export async function looseForm(record: Uint8Array): Promise<Uint8Array> {
  const header = readObjectHeader(record);
  if (!header || record.length >= header.contentStart + header.size) return record;
  const { contentStart, size } = header;
  const content = await inflate(record.subarray(contentStart), size).catch(() => undefined);
  if (content?.length !== size) return record;
  const loose = new Uint8Array(contentStart + size);
  loose.set(record.subarray(0, contentStart));
  loose.set(content, contentStart);
  return loose;
}

/** The loose forms of records read together (undefined where none was stored): only deflated ones wait. */
export function looseForms(records: ReadonlyArray<Uint8Array | undefined>): Promise<Array<Uint8Array | undefined>> | Array<Uint8Array | undefined> {
  if (records.every((record) => record === undefined || isLooseRecord(record))) return records as Array<Uint8Array | undefined>;
  return Promise.all(records.map((record) => record && looseForm(record)));
}
