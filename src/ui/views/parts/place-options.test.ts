import { describe, expect, it } from 'vitest';
import { processTree, type AnyRecord, type Snapshot } from '../../../model/index.ts';
import { areaOptions, contextsByName, placeOptions } from './place-options.ts';

const id = (n: number): string => `${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
const created = '2026-01-01T00:00:00.000Z';
const snapshotOf = (...records: AnyRecord[]): Snapshot => ({ head: undefined, records: new Map(records.map((r) => [r.id, r])), malformed: [] });

const snapshot = snapshotOf(
  { kind: 'area', id: id(1), name: 'Home', created },
  { kind: 'area', id: id(2), name: 'Garden', created, parent: id(1) },
  { kind: 'project', id: id(3), name: 'Taxes', state: 'active', created, parent: id(1) },
  { kind: 'project', id: id(4), name: 'Forms', state: 'active', created, parent: id(3) },
  { kind: 'project', id: id(5), name: 'Loose', state: 'active', created },
  { kind: 'project', id: id(6), name: 'Someday', state: 'someday', created },
  { kind: 'context', id: id(7), name: '@shop', created },
  { kind: 'context', id: id(8), name: '@home', created },
);

describe('placeOptions', () => {
  it('lists areas and active projects in tree order, named by path', () => {
    expect(placeOptions(processTree(snapshot)).map(({ label, kind, depth }) => [label, kind, depth])).toEqual([
      ['Home', 'area', 0],
      ['Home › Garden', 'area', 1],
      ['Home › Taxes', 'project', 1],
      ['Home › Taxes › Forms', 'project', 2],
      ['Loose', 'project', 0],
    ]);
  });

  it('keeps only areas for the area filter', () => {
    expect(areaOptions(processTree(snapshot)).map((option) => option.id)).toEqual([id(1), id(2)]);
  });
});

describe('contextsByName', () => {
  it('lists the contexts by name', () => {
    expect(contextsByName(snapshot).map((context) => context.name)).toEqual(['@home', '@shop']);
  });
});
