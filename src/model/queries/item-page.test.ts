import { describe, expect, it } from 'vitest';
import { createRecord } from '../commands/index.ts';
import { itemPage, type ItemGroup } from './item-page.ts';
import { action, area, contact, context, id, project, snapshotOf } from '../../../test/support/model-snapshots.ts';

/** `{ title: [names] }` in page order. */
const outline = (groups: ItemGroup[]): Array<[string, string[]]> => groups.map((g) => [g.title, g.records.map((r) => r.name)]);

const snapshot = snapshotOf([
  area(1, 'Home'),
  area(2, 'Garden', { parent: id(1) }),
  project(3, 'Taxes', { parent: id(1) }),
  project(4, 'Boat', { parent: id(1), state: 'someday' }),
  project(5, 'Forms', { parent: id(3) }),
  contact(6, 'Alice'),
  contact(7, 'Bob'),
  context(8, '@phone'),
  action(10, 'Print', { parent: id(3), starred: true }),
  action(11, 'File', { parent: id(3), context: id(8) }),
  action(12, 'Receipts', { parent: id(3), state: 'waiting' }),
  action(13, 'Letter from Bob', { parent: id(3), state: 'waiting-for-contact', contact: id(7) }),
  action(14, 'Form from Alice', { parent: id(3), state: 'waiting-for-contact', contact: id(6) }),
  action(15, 'Pay', { parent: id(3), state: 'scheduled', waitUntil: '2026-04-01', context: id(8) }),
  action(16, 'Check refund', { parent: id(3), state: 'scheduled', waitUntil: '2026-03-10' }),
  action(17, 'Next year', { parent: id(3), state: 'future' }),
  action(18, 'Old', { parent: id(3), state: 'done', completed: '2026-01-01T00:00:00Z' }),
  action(19, 'Older', { parent: id(3), state: 'done', completed: '2025-01-01T00:00:00Z' }),
  action(20, 'Sort out', { parent: id(3), state: 'inbox' }),
  action(21, 'Sweep', { parent: id(1) }),
  project(22, 'Accountant', { contact: id(6) }),
]);

// CueKeeper lib/ck_model.ml, group_by_type: Sub-areas, Projects, Next, Waiting, Waiting for
// <contact>, Waiting until <date>, Future, Completed, each group with its adder.
describe('itemPage', () => {
  it('groups a project’s actions by state, one group per contact waited on and per day', () => {
    expect(outline(itemPage(snapshot, id(3)))).toEqual([
      ['Sub-projects', ['Forms']],
      ['Inbox', ['Sort out']],
      ['Next actions', ['Print', 'File']],
      ['Waiting', ['Receipts']],
      ['Waiting for Alice', ['Form from Alice']],
      ['Waiting for Bob', ['Letter from Bob']],
      ['Waiting until 2026-03-10', ['Check refund']],
      ['Waiting until 2026-04-01', ['Pay']],
      ['Future actions', ['Next year']],
      ['Completed actions', ['Old', 'Older']],
    ]);
  });

  it('gives each group the adder its “+” uses, and none to Completed', () => {
    const groups = new Map(itemPage(snapshot, id(3)).map((g) => [g.key, g]));
    expect(groups.get('next')?.adder).toEqual({ kind: 'action', state: 'next', parent: id(3) });
    expect(groups.get(`waiting-for:${id(6)}`)?.adder).toEqual({ kind: 'action', state: 'waiting-for-contact', contact: id(6), parent: id(3) });
    expect(groups.get('scheduled:2026-03-10')?.adder).toEqual({ kind: 'action', state: 'scheduled', waitUntil: '2026-03-10', parent: id(3) });
    expect(groups.get('projects')?.adder).toEqual({ kind: 'project', parent: id(3) });
    expect(groups.get('done')?.adder).toBeUndefined();
    // Every adder creates a record that lands back in its own group.
    for (const group of groups.values()) {
      if (!group.adder) continue;
      const edit = createRecord(snapshot, { ...group.adder, name: 'Added' }, new Date(2026, 2, 1), () => id(99));
      const after = snapshotOf([...snapshot.records.values(), ...edit.changes.flatMap((c) => ('put' in c ? [c.put] : []))]);
      expect(itemPage(after, id(3)).find((g) => g.key === group.key)?.records.map((r) => r.name)).toContain('Added');
    }
  });

  it('lists an area’s sub-areas, projects (active first) and actions; Projects even when empty', () => {
    expect(outline(itemPage(snapshot, id(1)))).toEqual([
      ['Sub-areas', ['Garden']],
      ['Projects', ['Taxes', 'Boat']],
      ['Next actions', ['Sweep']],
    ]);
    expect(outline(itemPage(snapshot, id(2)))).toEqual([['Projects', []]]);
    expect(outline(itemPage(snapshot, id(5)))).toEqual([['Next actions', []]]);
  });

  // CueKeeper lib/ck_model.ml, context_details and contact_details.
  it('lists a context’s actions by state, and a contact’s waiting actions and what they are the contact for', () => {
    expect(outline(itemPage(snapshot, id(8)))).toEqual([
      ['Next actions', ['File']],
      ['Waiting until 2026-04-01', ['Pay']],
    ]);
    expect(itemPage(snapshot, id(8))[0]?.adder).toEqual({ kind: 'action', state: 'next', context: id(8) });
    expect(outline(itemPage(snapshot, id(6)))).toEqual([
      ['Waiting on them', ['Form from Alice']],
      ['Contact for', ['Accountant']],
    ]);
    expect(outline(itemPage(snapshot, id(7)))).toEqual([['Waiting on them', ['Letter from Bob']]]);
  });

  it('has no groups for an action or an unknown id', () => {
    expect(itemPage(snapshot, id(10))).toEqual([]);
    expect(itemPage(snapshot, id(999))).toEqual([]);
  });
});
