import { describe, expect, it } from 'vitest';
import { NO_AREA } from './review-areas.ts';
import { REVIEW_MODES, reviewView } from './review-view.ts';
import { action, area, contact, context, id, project, snapshotOf } from '../../../test/support/model-snapshots.ts';

const snapshot = snapshotOf([
  area(1, 'Home'),
  area(2, 'Garden', { parent: id(1) }),
  area(3, 'Attic', { parent: id(1), starred: true }),
  area(4, 'Work'),
  project(5, 'Taxes', { parent: id(1) }),
  project(6, 'Forms', { parent: id(5), state: 'someday' }),
  project(7, 'Shed', { parent: id(2), state: 'done', completed: '2026-02-10T00:00:00Z' }),
  project(8, 'Old and open', { parent: id(4), state: 'done', completed: '2026-02-20T00:00:00Z' }),
  project(9, 'Loose', { state: 'someday', starred: true }),
  action(10, 'File return', { parent: id(6) }),
  action(11, 'Paint', { parent: id(7), state: 'done', completed: '2026-02-09T00:00:00Z' }),
  action(12, 'Still open', { parent: id(8) }),
  action(13, 'Paid', { parent: id(5), state: 'done', completed: '2026-02-25T00:00:00Z' }),
  action(14, 'Reply', { state: 'waiting-for-contact', contact: id(20) }),
  action(15, 'Parcel', { state: 'waiting' }),
  action(16, 'Learn piano', { state: 'future' }),
  action(17, 'Sweep', { parent: id(2) }),
  action(18, 'Free action', {}),
  contact(20, 'Ann'),
]);

describe('reviewView', () => {
  // CueKeeper lib/ck_model.ml, make_done_tree: done items shown under their parents.
  it("'done': done actions and projects by parent, newest first, with how many can be deleted", () => {
    const done = reviewView(snapshot, 'done');
    expect(done.mode).toBe('done');
    expect(done.groups.map((g) => [g.parent?.name, g.records.map((r) => r.name)])).toEqual([
      ['Garden', ['Shed']],
      ['Shed', ['Paint']],
      ['Taxes', ['Paid']],
      ['Work', ['Old and open']],
    ]);
    expect(done.count).toBe(4);
    // Paid, Paint, and Shed (everything inside done); not "Old and open", which holds an open action.
    expect(done.deletableCount).toBe(3);
  });

  // CueKeeper lib/ck_model.ml, make_waiting_tree: "(unspecified reason)", then one group per
  // contact, each by parent; CueKeeper's issue #5: scheduled actions too.
  it("'waiting': grouped by contact, then by parent, with the scheduled actions by day", () => {
    const waiting = reviewView(
      snapshotOf([
        ...snapshot.records.values(),
        contact(21, 'Zoe'),
        action(22, 'Quote', { parent: id(5), state: 'waiting-for-contact', contact: id(20) }),
        action(23, 'Photos', { state: 'waiting-for-contact', contact: id(21) }),
        action(24, 'Renew', { state: 'scheduled', waitUntil: '2027-01-01' }),
        action(25, 'Dentist', { state: 'scheduled', waitUntil: '2026-04-01' }),
      ]),
      'waiting',
    );
    expect(waiting.groups.map((g) => [g.title, g.byParent.map((p) => [p.parent?.name ?? '-', p.records.map((r) => r.name)])])).toEqual([
      ['Waiting (unspecified reason)', [['-', ['Parcel']]]],
      ['Waiting for Ann', [['-', ['Reply']], ['Taxes', ['Quote']]]],
      ['Waiting for Zoe', [['-', ['Photos']]]],
    ]);
    expect(waiting.groups[1]?.adder).toEqual({ kind: 'action', state: 'waiting-for-contact', contact: id(20) });
    expect(waiting.scheduled.map((a) => a.name)).toEqual(['Dentist', 'Renew']);
  });

  // CueKeeper lib/ck_model.ml, make_future_tree: Actions and Projects, each by parent.
  it("'future': future actions and someday projects, by parent", () => {
    const future = reviewView(snapshot, 'future');
    expect(future.actions.map((g) => [g.parent?.name, g.records.map((r) => r.name)])).toEqual([[undefined, ['Learn piano']]]);
    expect(future.projects.map((g) => [g.parent?.name, g.records.map((r) => r.name)])).toEqual([
      [undefined, ['Loose']],
      ['Taxes', ['Forms']],
    ]);
  });

  it("'areas': every area in tree order with its projects and counts, then the items in no area", () => {
    const { areas } = reviewView(snapshot, 'areas');
    expect(areas.map((a) => [a.name, a.depth])).toEqual([
      ['Home', 0],
      ['Attic', 1],
      ['Garden', 1],
      ['Work', 0],
      [NO_AREA, 0],
    ]);
    const home = areas[0];
    expect(home?.projects.map((p) => p.name)).toEqual(['Forms', 'Taxes']);
    expect(home?.counts).toEqual({ activeProjects: 1, somedayProjects: 1, doneProjects: 0, openActions: 1 });
    expect(areas[2]?.counts).toEqual({ activeProjects: 0, somedayProjects: 0, doneProjects: 1, openActions: 1 });
    expect(areas[1]?.counts).toEqual({ activeProjects: 0, somedayProjects: 0, doneProjects: 0, openActions: 0 });
    expect(areas[4]?.area).toBeUndefined();
    expect(areas[4]?.projects.map((p) => p.name)).toEqual(['Loose']);
    expect(areas[4]?.counts.openActions).toBe(4);
  });

  it("'areas': no 'No area' entry when everything is in an area", () => {
    expect(reviewView(snapshotOf([area(1, 'Home'), action(2, 'A', { parent: id(1) })]), 'areas').areas.map((a) => a.name)).toEqual(['Home']);
  });

  it("'everything': every item by name, with its path of parents", () => {
    const { items } = reviewView(snapshot, 'everything');
    expect(items).toHaveLength(18);
    expect(items.map((entry) => entry.record.name).slice(0, 4)).toEqual(['Attic', 'File return', 'Forms', 'Free action']);
    expect(items.find((entry) => entry.record.id === id(10))?.path).toEqual(['Home', 'Taxes', 'Forms']);
    expect(items.find((entry) => entry.record.id === id(1))?.path).toEqual([]);
  });

  // CueKeeper lib/ck_model.ml, make_everything_tree: Areas, Contexts and Contacts.
  it("'everything': the contexts and contacts too", () => {
    const everything = reviewView(snapshotOf([...snapshot.records.values(), context(30, '@phone')]), 'everything');
    expect(everything.contexts.map((c) => c.name)).toEqual(['@phone']);
    expect(everything.contacts.map((c) => c.name)).toEqual(['Ann']);
  });

  it("'everything': items with the same name are ordered by path", () => {
    const same = snapshotOf([area(1, 'B'), area(2, 'A'), action(3, 'Call', { parent: id(1) }), action(4, 'Call', { parent: id(2) }), action(5, 'Call')]);
    expect(reviewView(same, 'everything').items.filter((e) => e.record.name === 'Call').map((e) => e.path)).toEqual([[], ['A'], ['B']]);
  });

  it('answers every mode on an empty snapshot', () => {
    for (const mode of REVIEW_MODES) expect(reviewView(snapshotOf([]), mode).mode).toBe(mode);
  });
});
