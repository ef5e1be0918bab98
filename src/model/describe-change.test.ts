import { describe, expect, it } from 'vitest';
import type { PathChange } from '../store/index.ts';
import { describeChange } from './describe-change.ts';
import { recordPath } from './paths.ts';
import { action, area, contact, context, project, snapshotOf, testId } from '../../test/support/model-records.ts';
import type { AnyRecord } from './types.ts';

const OID_A = 'a'.repeat(40);
const OID_B = 'b'.repeat(40);

const added = (record: AnyRecord): PathChange => ({ path: recordPath(record.kind, record.id), kind: 'added', after: OID_B as never });
const removed = (record: AnyRecord): PathChange => ({ path: recordPath(record.kind, record.id), kind: 'removed', before: OID_A as never });
const modified = (record: AnyRecord): PathChange => ({ path: recordPath(record.kind, record.id), kind: 'modified', before: OID_A as never, after: OID_B as never });
const records = (...list: AnyRecord[]): Map<string, AnyRecord> => new Map(list.map((record) => [record.id, record]));

describe('describeChange', () => {
  it('names created and deleted records with their kind', () => {
    const milk = action(1, 'Buy milk');
    const garden = project(2, 'Garden');
    expect(describeChange(snapshotOf(garden), snapshotOf(milk), [added(milk), removed(garden)])).toEqual(['Created action “Buy milk”', 'Deleted project “Garden”']);
  });

  it('says a rename, a state change and a change of notes in words', () => {
    const before = action(1, 'A', { state: 'next', description: 'old' });
    const after = action(1, 'B', { state: 'done', completed: '2026-02-01T10:00:00.000Z', description: 'new' });
    expect(describeChange(records(before), records(after), [modified(after)])).toEqual(['Renamed “A” to “B”', '“B”: state next -> done', 'Changed notes of “B”']);
  });

  it('reads references as the names they had on each side', () => {
    const home = context(10, '@home');
    const work = context(11, '@work');
    const shop = project(12, 'Shopping');
    const ann = contact(13, 'Ann');
    const before = action(1, 'X', { context: home.id });
    const after = action(1, 'X', { context: work.id, parent: shop.id, contact: ann.id, starred: true });
    expect(describeChange(records(before, home), records(after, work, shop, ann), [modified(after)])).toEqual([
      'Moved “X” to “Shopping”',
      '“X”: context “@home” -> “@work”',
      '“X”: contact set to “Ann”',
      'Starred “X”',
    ]);
  });

  it('covers scheduling, repeating, notes added or removed, moving out, and conversions', () => {
    const a1 = action(1, 'Pay rent', { state: 'next', parent: testId(5) });
    const a2 = action(1, 'Pay rent', { state: 'scheduled', waitUntil: '2026-03-01', repeat: { every: 1, unit: 'month', from: '2026-03-01' }, description: 'Standing order' });
    expect(describeChange(records(a1, area(5, 'Money')), records(a2), [modified(a2)])).toEqual([
      '“Pay rent”: state next -> scheduled',
      '“Pay rent”: waits until 2026-03-01',
      '“Pay rent”: repeats every month from 2026-03-01',
      'Moved “Pay rent” to the top level',
      'Added notes to “Pay rent”',
    ]);
    const p = project(1, 'Pay rent', { state: 'active' });
    expect(describeChange(records(a2), records(p), [modified(p)])).toEqual([
      'Converted action “Pay rent” to a project',
      '“Pay rent”: state scheduled -> active',
      '“Pay rent”: no longer waits until 2026-03-01',
      '“Pay rent”: stopped repeating',
      'Removed the notes of “Pay rent”',
    ]);
  });

  it('orders lines: created, changed, deleted (each by name), then files by path', () => {
    const b = action(2, 'Bravo');
    const a = action(1, 'Alpha');
    const c = action(3, 'Charlie', { state: 'next' });
    const c2 = { ...c, state: 'future' as const };
    const z = action(4, 'Zulu');
    const changes: PathChange[] = [
      { path: 'notes/readme.md', kind: 'added', after: OID_B as never },
      removed(z),
      added(b),
      modified(c2),
      added(a),
      { path: 'items/zz/not-a-record.json', kind: 'modified', before: OID_A as never, after: OID_B as never },
    ];
    expect(describeChange(records(c, z), records(a, b, c2), changes)).toEqual([
      'Created action “Alpha”',
      'Created action “Bravo”',
      '“Charlie”: state next -> future',
      'Deleted action “Zulu”',
      'Changed file items/zz/not-a-record.json',
      'Added file notes/readme.md',
    ]);
  });

  it('names a record file neither side could read by its path, and merge notes in words', () => {
    const broken = action(7, 'Broken');
    expect(describeChange(records(), records(), [modified(broken)])).toEqual([`Changed file ${recordPath('action', broken.id)}`]);
    const before = action(8, 'Clash');
    const after = action(8, 'Clash', { _conflicts: [{ field: 'name', value: 'Other', note: 'kept Clash' } as never] });
    expect(describeChange(records(before), records(after), [modified(after)])).toEqual(['“Clash”: merge noted a conflict']);
    expect(describeChange(records(after), records(before), [modified(before)])).toEqual(['“Clash”: a conflict note was dismissed']);
  });

  it('says so when a file changed but no field did, and ignores derived fields', () => {
    const same = action(9, 'Same');
    expect(describeChange(records(same), records({ ...same }), [modified(same)])).toEqual(['Rewrote the file of “Same” (no field changed)']);
    const contactBefore = contact(10, 'Ann');
    const contactAfter = contact(10, 'Ann', { email: 'ann@example.com' });
    expect(describeChange(records(contactBefore), records(contactAfter), [modified(contactAfter)])).toEqual(['“Ann”: email set to ann@example.com']);
  });
});

describe('describeChange of deadlines and reviews', () => {
  it('says a deadline set, removed, and a project reviewed', () => {
    const path = 'items/3f/3f2504e0-4f89-41d3-9a0c-0305e82c3301.json';
    const id = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    const before = new Map([[id, { kind: 'project' as const, id, name: 'Visa', created: '2026-01-01T00:00:00Z', state: 'active' as const }]]);
    const after = new Map([[id, { ...before.get(id)!, deadline: '2026-03-01', reviewed: '2026-02-01T10:00:00Z' }]]);
    expect(describeChange(before, after, [{ path, kind: 'modified', before: 'a', after: 'b' }] as never)).toEqual(['“Visa”: deadline 2026-03-01', 'Marked “Visa” reviewed']);
    expect(describeChange(after, before, [{ path, kind: 'modified', before: 'b', after: 'a' }] as never)).toEqual(['“Visa”: no longer has a deadline', '“Visa”: review mark removed']);
  });
});
