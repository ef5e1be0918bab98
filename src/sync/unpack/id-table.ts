import { bytesToHex } from '@noble/hashes/utils.js';
import type { Oid } from '../../store/index.ts';

/** Bytes of an id. */
const ID_BYTES = 20;
/** A hex digit's value by its character code (lower case only, as ids are written); -1 for any other. */
const DIGIT = Int8Array.from({ length: 128 }, (_, code) => (code >= 0x30 && code <= 0x39 ? code - 0x30 : code >= 0x61 && code <= 0x66 ? code - 0x57 : -1));

/**
 * The 20 bytes of `oid` (40 lower-case hex digits), written into `into`; throws on anything else,
 * since an id that is not one is a bug of the caller's, not data.
 */
export function idBytes(oid: Oid, into: Uint8Array): Uint8Array {
  if (oid.length !== 2 * ID_BYTES) throw new Error(`not an object id: ${oid}`);
  for (let i = 0; i < ID_BYTES; i++) {
    const high = DIGIT[oid.charCodeAt(2 * i)] ?? -1;
    const low = DIGIT[oid.charCodeAt(2 * i + 1)] ?? -1;
    if (high < 0 || low < 0) throw new Error(`not an object id: ${oid}`);
    into[i] = (high << 4) | low;
  }
  return into;
}

/**
 * A set of object ids found by their 20 bytes where they lie (a tree's entry, say), each entry
 * with a byte of its own for the caller: open addressing on the id's first four bytes, which SHA-1
 * spreads evenly. A fetch names each object many times (every tree names all its entries, most
 * of them the same as the tree's previous version did): making a 40-digit string of each to look
 * it up in a Map cost more than the rest of a pack's checks, in time and in garbage (~23,000
 * strings of 20 joined pieces each for the 9.2 MB bench pack). Entries keep the order they were
 * added in, and their numbers.
 */
export class IdTable {
  private ids = new Uint8Array(ID_BYTES * 1024);
  private values = new Uint8Array(1024);
  /** Entry + 1 per slot, 0 where empty; at most half full. */
  private slots = new Int32Array(2048);
  private count = 0;

  /** Entries so far: they are numbered 0 to `size - 1`. */
  get size(): number {
    return this.count;
  }

  /** The entry of the id at `bytes[at .. at + 20]`, added (its value 0) if it is new. */
  entry(bytes: Uint8Array, at: number): number {
    const slot = this.slotOf(bytes, at);
    const held = this.slots[slot] as number;
    if (held !== 0) return held - 1;
    const entry = this.count++;
    if (entry === this.values.length) this.grow();
    this.ids.set(bytes.subarray(at, at + ID_BYTES), entry * ID_BYTES);
    this.slots[slot] = entry + 1;
    if (2 * this.count > this.slots.length) this.rehash();
    return entry;
  }

  /** The entry of the id at `bytes[at .. at + 20]`, or -1 if it is not here. */
  find(bytes: Uint8Array, at: number): number {
    return (this.slots[this.slotOf(bytes, at)] as number) - 1;
  }

  value(entry: number): number {
    return this.values[entry] as number;
  }

  setValue(entry: number, value: number): void {
    this.values[entry] = value;
  }

  /** The id of `entry`, as 40 hex digits. */
  oid(entry: number): Oid {
    return bytesToHex(this.ids.subarray(entry * ID_BYTES, (entry + 1) * ID_BYTES)) as Oid;
  }

  /** The slot holding the id at `bytes[at ..]`, or the empty one where it would go. */
  private slotOf(bytes: Uint8Array, at: number): number {
    const mask = this.slots.length - 1;
    const ids = this.ids;
    let slot = ((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16) | ((bytes[at + 3] as number) << 24)) & mask;
    for (;;) {
      const held = this.slots[slot] as number;
      if (held === 0) return slot;
      const start = (held - 1) * ID_BYTES;
      let i = 0;
      while (i < ID_BYTES && ids[start + i] === bytes[at + i]) i++;
      if (i === ID_BYTES) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const ids = new Uint8Array(this.ids.length * 2);
    ids.set(this.ids);
    this.ids = ids;
    const values = new Uint8Array(this.values.length * 2);
    values.set(this.values);
    this.values = values;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let entry = 0; entry < this.count; entry++) this.slots[this.slotOf(this.ids, entry * ID_BYTES)] = entry + 1;
  }
}
