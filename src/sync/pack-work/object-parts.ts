import { CorruptObjectError, TimeSlice, unwrapObject, type GitObject, type ObjectType, type Oid } from '../../store/index.ts';
import type { HashRaw, PackObject } from '../protocol/index.ts';

/**
 * Objects' loose forms (`<type> <size>\0<content>`) with their ids, laid out in one buffer so
 * that they cross to or from a Web Worker in one transfer rather than as thousands of clones.
 */
export interface LoosePart {
  /** The ids, 40 characters each. */
  oids: string;
  /** Where each loose form ends in `bytes`. */
  ends: Uint32Array;
  bytes: Uint8Array;
  /** Parsed objects only: each one's type code and where its content starts in its loose form. */
  types?: Uint8Array;
  starts?: Uint32Array;
}

const TYPES: readonly ObjectType[] = ['commit', 'tree', 'blob', 'tag'];

/** Loose forms and their ids as one part (a copy: the part owns its bytes). */
export function partOfLoose(oids: readonly Oid[], raws: readonly Uint8Array[]): LoosePart {
  const ends = new Uint32Array(raws.length);
  let size = 0;
  raws.forEach((raw, i) => (ends[i] = size += raw.length));
  const bytes = new Uint8Array(size);
  raws.forEach((raw, i) => bytes.set(raw, i === 0 ? 0 : (ends[i - 1] as number)));
  return { oids: oids.join(''), ends, bytes };
}

/** The ids and loose forms of a part, as views into its buffer. */
function entriesOf(part: LoosePart): Array<{ oid: Oid; raw: Uint8Array }> {
  return Array.from(part.ends, (end, i) => ({ oid: part.oids.slice(i * 40, i * 40 + 40) as Oid, raw: part.bytes.subarray(i === 0 ? 0 : part.ends[i - 1], end) }));
}

/**
 * The objects of a part read from the store, each checked against its id first, as the store
 * checks every read: a stored object whose bytes do not hash to its id is a CorruptObjectError.
 */
export async function verifiedObjects(part: LoosePart, hash: HashRaw): Promise<GitObject[]> {
  const entries = entriesOf(part);
  const ids = await Promise.all(entries.map(({ raw }) => hash(raw)));
  return entries.map(({ oid, raw }, i) => {
    if (ids[i] !== oid) throw new CorruptObjectError(oid, 'its bytes do not hash to its id');
    try {
      return unwrapObject(raw);
    } catch (error) {
      throw new CorruptObjectError(oid, error instanceof Error ? error.message : String(error));
    }
  });
}

/**
 * A parsed pack's objects (verified already) as one part, with their types and where their
 * contents start: the page then only makes views, it parses no header again.
 */
export function partOfPackObjects(objects: readonly PackObject[]): LoosePart {
  const part = partOfLoose(
    objects.map(({ oid }) => oid),
    objects.map(({ raw }) => raw),
  );
  part.types = Uint8Array.from(objects, ({ type }) => TYPES.indexOf(type));
  part.starts = Uint32Array.from(objects, ({ raw, content }) => raw.length - content.length);
  return part;
}

/**
 * The objects of a part made by {@link partOfPackObjects}, as views into its buffer; made in
 * time slices, since a bundle's tens of thousands of views take tens of ms to make.
 */
export async function packObjectsOfPart(part: LoosePart): Promise<PackObject[]> {
  const { types, starts, ends, oids, bytes } = part;
  if (!types || !starts) throw new TypeError('A parsed part carries its objects\' types and content starts');
  const objects: PackObject[] = [];
  const slice = new TimeSlice();
  for (let i = 0; i < ends.length; i++) {
    if (slice.due()) await slice.next();
    const raw = bytes.subarray(i === 0 ? 0 : ends[i - 1], ends[i]);
    objects.push({ oid: oids.slice(i * 40, i * 40 + 40) as Oid, raw, type: TYPES[types[i] as number] as ObjectType, content: raw.subarray(starts[i]) });
  }
  return objects;
}

/** The buffers of a part, handed over rather than copied. */
export function partBuffers(part: LoosePart): ArrayBuffer[] {
  return [part.ends, part.bytes, part.types, part.starts].flatMap((array) => (array ? [array.buffer as ArrayBuffer] : []));
}

/**
 * A stored object with bytes of its own. A stored object's content is a view into the store's
 * cached chunks: cloned as it is, the whole chunk crosses to a worker (a pull of 1,000 commits
 * held the page 400 ms in one postMessage of its thin pack's bases); a copy of its own bytes
 * crosses instead, handed over.
 */
export function ownCopy(object: GitObject | undefined): GitObject | undefined {
  return object && { type: object.type, content: object.content.slice() };
}

/** The buffers of objects made by {@link ownCopy}. */
export function ownBuffers(objects: ReadonlyArray<GitObject | undefined>): ArrayBuffer[] {
  return objects.flatMap((object) => (object ? [object.content.buffer as ArrayBuffer] : []));
}
