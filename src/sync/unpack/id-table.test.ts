import { describe, expect, it } from 'vitest';
import type { Oid } from '../../store/index.ts';
import { idBytes, IdTable } from './id-table.ts';

/** A deterministic id: its first four bytes (where the table's slot comes from) repeat every `period` ids. */
function idOf(n: number, period = Infinity): Uint8Array {
  const bytes = new Uint8Array(20);
  const head = Number.isFinite(period) ? n % period : n;
  new DataView(bytes.buffer).setUint32(0, head * 2654435761);
  new DataView(bytes.buffer).setUint32(16, n);
  return bytes;
}

const hex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

describe('IdTable', () => {
  it('numbers each id once, in the order added, through growing and rehashing', () => {
    const table = new IdTable();
    const count = 5_000; // past the first 1,024 entries and 2,048 slots several times
    for (let n = 0; n < count; n++) expect(table.entry(idOf(n), 0)).toBe(n);
    expect(table.size).toBe(count);
    for (let n = 0; n < count; n += 7) expect(table.entry(idOf(n), 0)).toBe(n);
    expect(table.size).toBe(count);
    expect(table.oid(1234)).toBe(hex(idOf(1234)));
  });

  it('tells ids apart that share the bytes the slot is taken from', () => {
    const table = new IdTable();
    for (let n = 0; n < 300; n++) table.entry(idOf(n, 3), 0);
    expect(table.size).toBe(300);
    for (let n = 0; n < 300; n++) expect(table.find(idOf(n, 3), 0)).toBe(n);
    expect(table.find(idOf(300, 3), 0)).toBe(-1);
  });

  it('finds an id where it lies in a larger buffer, and keeps each entry\'s value as it grows', () => {
    const table = new IdTable();
    const buffer = new Uint8Array(45);
    buffer.set(idOf(42), 25);
    const entry = table.entry(buffer, 25);
    table.setValue(entry, 0b101_011);
    for (let n = 1_000; n < 4_000; n++) table.entry(idOf(n), 0);
    expect(table.find(idOf(42), 0)).toBe(entry);
    expect(table.value(entry)).toBe(0b101_011);
    expect(table.value(table.find(idOf(1_500), 0))).toBe(0);
  });

  it('reads a 40-digit id into bytes and refuses anything else', () => {
    const oid = hex(idOf(7)) as Oid;
    expect(hex(idBytes(oid, new Uint8Array(20)))).toBe(oid);
    expect(() => idBytes(oid.toUpperCase() as Oid, new Uint8Array(20))).toThrow(/not an object id/);
    expect(() => idBytes(oid.slice(1) as Oid, new Uint8Array(20))).toThrow(/not an object id/);
  });
});
