import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { problems } from './problems.ts';
import { action, arbitrarySnapshot, area, contact, context, id, project, snapshotOf } from '../../../test/support/model-snapshots.ts';

const messages = (list: { message: string }[]): string[] => list.map((p) => p.message);

describe('problems', () => {
  // CueKeeper lib/ck_rev.ml, check_for_problems: Next, Waiting, Waiting_for_contact and
  // Waiting_until are In_progress; Future and Done are Idle; SomedayMaybe and Done projects Idle.
  it('flags an active project with nothing in progress inside it, at any depth', () => {
    const snapshot = snapshotOf([
      contact(30, 'Alice'),
      project(1, 'Taxes'),
      action(2, 'Maybe later', { parent: id(1), state: 'future' }),
      action(12, 'Unsorted', { parent: id(1), state: 'inbox' }),
      project(3, 'Garden'),
      project(4, 'Shed', { parent: id(3) }),
      action(5, 'Paint', { parent: id(4) }),
      project(6, 'Waits on a form', {}),
      action(7, 'Form', { parent: id(6), state: 'waiting' }),
      project(8, 'Waits on Alice', {}),
      action(9, 'Reply', { parent: id(8), state: 'waiting-for-contact', contact: id(30) }),
      project(10, 'Scheduled far ahead', {}),
      action(11, 'Renew', { parent: id(10), state: 'scheduled', waitUntil: '2027-03-02' }),
      project(13, 'Only someday inside'),
      project(14, 'Someday part', { parent: id(13), state: 'someday' }),
      action(15, 'Dream', { parent: id(14) }),
      project(16, 'Empty', { state: 'someday' }),
      project(17, 'Done', { state: 'done' }),
      area(18, 'Home'),
      project(19, 'In an area', { parent: id(18) }),
      action(20, 'Call', { parent: id(19), state: 'waiting' }),
    ]);
    expect(messages(problems(snapshot))).toEqual(['Project “Only someday inside” has no next action.', 'Project “Taxes” has no next action.']);
  });

  it('reports records with merge-conflict notes not yet dismissed', () => {
    const snapshot = snapshotOf([
      action(1, 'Buy milk', { _conflicts: [{ field: 'name', kept: 'Buy milk', discarded: 'Buy oat milk', note: 'Both devices renamed this; kept “Buy milk”, discarded “Buy oat milk”.' }] }),
      contact(2, 'Ann', { _conflicts: [{ field: 'email', kept: 'a@x', discarded: 'b@x' }] }),
      context(3, '@home', { _conflicts: [{ field: 'a', kept: 1 }, { field: 'b', kept: 2 }] }),
      context(4, '@work', { _conflicts: [] }),
    ]);
    expect(problems(snapshot).map((p) => [p.kind, p.id, p.message])).toEqual([
      ['conflict', id(1), 'Action “Buy milk” was changed on two devices: Both devices renamed this; kept “Buy milk”, discarded “Buy oat milk”.'],
      ['conflict', id(2), 'Contact “Ann” was changed on two devices; check its email.'],
      ['conflict', id(3), 'Context “@home” has 2 merge conflicts to review.'],
    ]);
    expect(problems(snapshot)[1]?.path).toBe(`contacts/${id(2)}.json`);
  });

  it('reports a done project with an open action or sub-project directly inside', () => {
    const snapshot = snapshotOf([
      project(1, 'Taxes', { state: 'done' }),
      action(2, 'File return', { parent: id(1) }),
      project(3, 'Refund', { parent: id(1), state: 'someday' }),
      action(4, 'Paid', { parent: id(1), state: 'done' }),
      project(5, 'Clean', { state: 'done' }),
      action(6, 'Swept', { parent: id(5), state: 'done' }),
    ]);
    expect(messages(problems(snapshot))).toEqual(['Project “Taxes” is done, but “File return”, “Refund” inside it are not.']);
    const one = snapshotOf([project(1, 'Taxes', { state: 'done' }), action(2, 'File return', { parent: id(1) })]);
    expect(messages(problems(one))).toEqual(['Project “Taxes” is done, but “File return” inside it is not.']);
  });

  it('reports malformed files by path', () => {
    const snapshot = snapshotOf([], [{ path: 'items/3f/x.json', reason: 'it is not a JSON object' }]);
    expect(problems(snapshot)).toEqual([{ kind: 'malformed', path: 'items/3f/x.json', message: 'Could not read items/3f/x.json: it is not a JSON object.' }]);
  });

  it('reports links to missing records and to records of the wrong kind', () => {
    const snapshot = snapshotOf([
      contact(1, 'Ann'),
      context(2, '@home'),
      action(3, 'Orphan', { parent: id(99), state: 'inbox' }),
      action(4, 'No context', { context: id(98), state: 'inbox' }),
      action(5, 'No contact', { contact: id(97), state: 'inbox' }),
      action(6, 'Context is a contact', { context: id(1), state: 'inbox' }),
      action(7, 'Contact is a context', { contact: id(2), state: 'inbox' }),
      action(8, 'Parent is a contact', { parent: id(1), state: 'inbox' }),
      area(9, 'Fine', { contact: id(1) }),
    ]);
    expect(problems(snapshot).map((p) => [p.kind, p.id, p.message])).toEqual([
      ['dangling-link', id(7), 'Action “Contact is a context” names the contact “@home”, which is a context, not a contact.'],
      ['dangling-link', id(6), 'Action “Context is a contact” has the context “Ann”, which is a contact, not a context.'],
      ['dangling-link', id(5), 'Action “No contact” names a contact that no longer exists.'],
      ['dangling-link', id(4), 'Action “No context” has a context that no longer exists.'],
      ['dangling-link', id(3), 'Action “Orphan” is inside an item that no longer exists.'],
      ['dangling-link', id(8), 'Action “Parent is a contact” is inside “Ann”, which is a contact, not an item.'],
    ]);
  });

  it('reports items placed where they cannot be, and cycles of parents', () => {
    const snapshot = snapshotOf([
      project(1, 'P', { state: 'someday' }),
      area(2, 'Area in project', { parent: id(1) }),
      action(3, 'A', { state: 'inbox' }),
      action(4, 'Action in action', { parent: id(3), state: 'inbox' }),
      project(5, 'X', { parent: id(6), state: 'someday' }),
      project(6, 'Y', { parent: id(7), state: 'someday' }),
      project(7, 'W', { parent: id(5), state: 'someday' }),
      area(8, 'Self', { parent: id(8) }),
    ]);
    expect(problems(snapshot).map((p) => [p.kind, p.id, p.message])).toEqual([
      ['parent-cycle', id(8), 'Area “Self” is inside itself.'],
      ['parent-cycle', id(7), 'Project “W” and “X”, “Y” are inside each other, round in a circle.'],
      ['misplaced', id(4), 'Action “Action in action” is inside the action “A”; an action cannot be inside an action.'],
      ['misplaced', id(2), 'Area “Area in project” is inside the project “P”; an area cannot be inside a project.'],
    ]);
  });

  it('finds nothing wrong in a tidy snapshot', () => {
    const snapshot = snapshotOf([area(1, 'Home'), project(2, 'Taxes', { parent: id(1) }), action(3, 'File', { parent: id(2), context: id(4) }), context(4, '@desk')]);
    expect(problems(snapshot)).toEqual([]);
  });

  it('never throws, and every problem has words and points at a record or a file', () => {
    fc.assert(
      fc.property(arbitrarySnapshot(), (snapshot) => {
        for (const problem of problems(snapshot)) {
          expect(problem.message.length).toBeGreaterThan(0);
          expect(problem.id === undefined ? problem.path : snapshot.records.has(problem.id)).toBeTruthy();
        }
      }),
      { numRuns: 300 },
    );
  });
});
