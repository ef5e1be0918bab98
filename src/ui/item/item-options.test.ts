import { describe, expect, it } from 'vitest';
import type { AnyRecord, ItemRecord, Snapshot } from '../../model/index.ts';
import { parentOptions, referenceOptions, withCurrent } from './item-options.ts';

const id = (n: number): string => `${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
const created = '2026-01-01T00:00:00.000Z';

function snapshotOf(...records: AnyRecord[]): Snapshot {
  return { head: undefined, records: new Map(records.map((record) => [record.id, record])), malformed: [] };
}

const home: ItemRecord = { kind: 'area', id: id(1), name: 'Home', created };
const taxes: ItemRecord = { kind: 'project', id: id(2), name: 'Taxes', created, state: 'active', parent: id(1) };
const forms: ItemRecord = { kind: 'project', id: id(3), name: 'Forms', created, state: 'active', parent: id(2) };
const file: ItemRecord = { kind: 'action', id: id(4), name: 'File return', created, state: 'next', parent: id(2) };
const work: ItemRecord = { kind: 'area', id: id(5), name: 'work', created };
const snapshot = snapshotOf(
  home,
  taxes,
  forms,
  file,
  work,
  { kind: 'context', id: id(6), name: 'phone', created },
  { kind: 'context', id: id(7), name: 'Computer', created },
  { kind: 'contact', id: id(8), name: 'Ann', created },
);

describe('referenceOptions', () => {
  it('lists the records of one kind by name, ignoring case', () => {
    expect(referenceOptions(snapshot, 'context')).toEqual([
      { id: id(7), label: 'Computer' },
      { id: id(6), label: 'phone' },
    ]);
    expect(referenceOptions(snapshot, 'contact')).toEqual([{ id: id(8), label: 'Ann' }]);
  });
});

describe('parentOptions', () => {
  it('offers every area and project with its path, for an action', () => {
    expect(parentOptions(snapshot, file)).toEqual([
      { id: id(1), label: 'Home' },
      { id: id(3), label: 'Home › Taxes › Forms' },
      { id: id(2), label: 'Home › Taxes' },
      { id: id(5), label: 'work' },
    ].sort((a, b) => (a.label.toLowerCase() < b.label.toLowerCase() ? -1 : 1)));
  });

  it('leaves out the item itself and everything inside it', () => {
    expect(parentOptions(snapshot, taxes).map((option) => option.label)).toEqual(['Home', 'work']);
    expect(parentOptions(snapshot, home).map((option) => option.label)).toEqual(['work']);
  });
});

describe('withCurrent', () => {
  it('adds the current value when it is not among the options (a broken link)', () => {
    const options = [{ id: id(1), label: 'Home' }];
    expect(withCurrent(options, id(1), 'gone')).toBe(options);
    expect(withCurrent(options, undefined, 'gone')).toBe(options);
    expect(withCurrent(options, id(9), 'gone')).toEqual([...options, { id: id(9), label: 'gone' }]);
  });
});
