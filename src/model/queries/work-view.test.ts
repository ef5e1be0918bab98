import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTreeIndex, nearestAbove } from './tree-index.ts';
import { action, arbitrarySnapshot, area, context, id, project, snapshotOf } from '../../../test/support/model-snapshots.ts';
import { NO_CONTEXT, NO_PROJECT, workView, type WorkView } from './work-view.ts';

const TODAY = '2026-03-01';

/** `{ context: { project: [action names] } }`, to compare whole views at a glance. */
function outline(view: WorkView): Record<string, Record<string, string[]>> {
  return Object.fromEntries(view.contexts.map((c) => [c.name, Object.fromEntries(c.projects.map((p) => [p.name, p.actions.map((a) => a.name)]))]));
}

describe('workView', () => {
  const snapshot = snapshotOf([
    context(1, '@home'),
    context(2, '@computer'),
    area(3, 'Home'),
    area(4, 'Garden', { parent: id(3) }),
    area(5, 'Work'),
    project(6, 'Taxes', { parent: id(3) }),
    project(7, 'Forms', { parent: id(6) }),
    project(8, 'Shed', { parent: id(4) }),
    action(10, 'File return', { parent: id(7), context: id(2) }),
    action(11, 'Print forms', { parent: id(6), context: id(2), starred: true }),
    action(12, 'Paint shed', { parent: id(8), context: id(1) }),
    action(13, 'Email boss', { parent: id(5), context: id(2) }),
    action(14, 'Think', {}),
    action(15, 'Lost context', { context: id(99) }),
    action(16, 'Context is an area', { context: id(3) }),
    action(20, 'Due today', { state: 'scheduled', waitUntil: TODAY, context: id(1) }),
    action(21, 'Overdue', { state: 'scheduled', waitUntil: '2026-02-01', context: id(1) }),
    action(22, 'Later', { state: 'scheduled', waitUntil: '2026-03-02', context: id(1) }),
    action(23, 'Waiting', { state: 'waiting' }),
    action(24, 'Future', { state: 'future' }),
    action(25, 'Inbox', { state: 'inbox' }),
    action(26, 'Done first', { state: 'done', completed: '2026-02-01T10:00:00.000Z', parent: id(6) }),
    action(27, 'Done last', { state: 'done', completed: '2026-02-03T10:00:00.000Z', parent: id(5) }),
    action(28, 'Done undated', { state: 'done' }),
    action(29, 'Scheduled without a day', { state: 'scheduled' }),
  ]);

  it('groups next and due actions by context, then by nearest project; "No …" groups last', () => {
    expect(outline(workView(snapshot, TODAY))).toEqual({
      '@computer': { Forms: ['File return'], Taxes: ['Print forms'], [NO_PROJECT]: ['Email boss'] },
      '@home': { Shed: ['Paint shed'], [NO_PROJECT]: ['Due today', 'Overdue'] },
      [NO_CONTEXT]: { [NO_PROJECT]: ['Context is an area', 'Lost context', 'Scheduled without a day', 'Think'] },
    });
    const view = workView(snapshot, TODAY);
    expect(view.contexts.map((c) => c.count)).toEqual([3, 3, 4]);
    expect(view.contexts[0]?.context?.id).toBe(id(2));
    expect(view.contexts[2]?.context).toBeUndefined();
  });

  it('switches off areas through any depth of parents, recently completed too', () => {
    expect(outline(workView(snapshot, TODAY, { hiddenAreas: new Set([id(5), id(4)]) }))).toEqual({
      '@computer': { Forms: ['File return'], Taxes: ['Print forms'] },
      '@home': { [NO_PROJECT]: ['Due today', 'Overdue'] },
      [NO_CONTEXT]: { [NO_PROJECT]: ['Context is an area', 'Lost context', 'Scheduled without a day', 'Think'] },
    });
    expect(workView(snapshot, TODAY).recentlyCompleted.map((a) => a.name)).toEqual(['Done last', 'Done first', 'Done undated']);
    expect(workView(snapshot, TODAY, { hiddenAreas: new Set([id(3)]) }).recentlyCompleted.map((a) => a.name)).toEqual(['Done last', 'Done undated']);
  });

  it('lists at most ten recently completed actions', () => {
    const done = Array.from({ length: 15 }, (_, n) => action(n, `Done ${n}`, { state: 'done', completed: `2026-02-${String(n + 1).padStart(2, '0')}T00:00:00Z` }));
    const recent = workView(snapshotOf(done), TODAY).recentlyCompleted;
    expect(recent.map((a) => a.name)).toEqual([14, 13, 12, 11, 10, 9, 8, 7, 6, 5].map((n) => `Done ${n}`));
  });

  it('never lists a done, future, waiting or not-yet-due action', () => {
    fc.assert(
      fc.property(arbitrarySnapshot(), fc.constantFrom('2026-02-28', '2026-03-01', '2026-03-05'), (snap, today) => {
        for (const group of workView(snap, today).contexts) {
          for (const { actions } of group.projects) {
            for (const a of actions) {
              expect(['done', 'future', 'waiting', 'waiting-for-contact', 'inbox']).not.toContain(a.state);
              if (a.state === 'scheduled' && a.waitUntil !== undefined) expect(a.waitUntil <= today).toBe(true);
            }
          }
        }
      }),
    );
  });

  it('lists every next action not filtered out exactly once', () => {
    fc.assert(
      fc.property(arbitrarySnapshot(), fc.option(fc.nat({ max: 27 }).map(id), { nil: undefined }), (snap, areaId) => {
        const view = workView(snap, TODAY, areaId === undefined ? {} : { hiddenAreas: new Set([areaId]) });
        const listed = [...view.deadlines.map((entry) => entry.record.id), ...view.contexts.flatMap((c) => c.projects.flatMap((p) => p.actions.map((a) => a.id)))];
        const index = buildTreeIndex(snap);
        const hiddenAbove = nearestAbove(index, (item) => item.id === areaId);
        const parked = nearestAbove(index, (item) => item.kind === 'project' && item.state !== 'active');
        const expected = [...snap.records.values()].filter((r) => r.kind === 'action' && r.state === 'next' && !parked.get(r.id) && !hiddenAbove.get(r.id)).map((r) => r.id);
        for (const actionId of expected) expect(listed.filter((listedId) => listedId === actionId)).toHaveLength(1);
        expect(new Set(listed).size).toBe(listed.length);
      }),
    );
  });
});

describe('workView follows CueKeeper’s make_work_tree (lib/ck_model.ml)', () => {
  const snapshot = snapshotOf([
    area(1, 'Home'),
    area(2, 'Work'),
    project(3, 'Boat', { state: 'someday', parent: id(1) }),
    action(4, 'Buy sails', { parent: id(3) }),
    action(5, 'Renew mooring', { parent: id(3), state: 'scheduled', waitUntil: TODAY }),
    project(6, 'Old move', { state: 'done' }),
    action(7, 'Left over', { parent: id(6) }),
    action(8, 'Left over and due', { parent: id(6), state: 'scheduled', waitUntil: TODAY }),
    project(9, 'Report', { parent: id(2) }),
    action(10, 'Write report', { parent: id(9) }),
    action(11, 'Send invoice', { parent: id(2), state: 'scheduled', waitUntil: '2026-02-20' }),
    action(12, 'Tidy shed', { parent: id(1) }),
    action(13, 'Pay tax', { parent: id(1), state: 'waiting', deadline: '2026-02-15' }),
    project(14, 'Visa', { deadline: TODAY }),
    action(15, 'Fill form', { parent: id(14), deadline: '2026-03-09' }),
  ]);
  const names = (view: WorkView): string[] => view.contexts.flatMap((c) => c.projects.flatMap((p) => p.actions.map((a) => a.name)));

  // `Next when not (in_someday || in_hidden)`; `Waiting_until _ when is_due` always.
  it('hides next actions of someday projects, but not their due ones', () => {
    const listed = names(workView(snapshot, TODAY));
    expect(listed).not.toContain('Buy sails');
    expect(listed).toContain('Renew mooring');
  });

  // A `Done` project's children are not scanned at all.
  it('lists nothing inside a done project', () => {
    const listed = names(workView(snapshot, TODAY));
    expect(listed).not.toContain('Left over');
    expect(listed).not.toContain('Left over and due');
  });

  // hidden_areas: `in_hidden` hides Next and Done, never a due Waiting_until.
  it('switches areas off without hiding what is due in them', () => {
    const view = workView(snapshot, TODAY, { hiddenAreas: new Set([id(1), id(2)]) });
    expect(names(view)).toEqual(['Renew mooring', 'Fill form', 'Send invoice']);
    expect(view.deadlines.map((entry) => entry.record.name)).toEqual(['Pay tax', 'Visa']);
    expect(names(workView(snapshot, TODAY, { hiddenAreas: new Set([id(2)]) }))).toEqual(['Renew mooring', 'Fill form', 'Send invoice', 'Tidy shed']);
  });

  // Ours: deadlines, which CueKeeper does not have, come first and are never hidden.
  it('lists open items whose deadline has come first, overdue flagged, and not again below', () => {
    const view = workView(snapshot, TODAY);
    expect(view.deadlines.map(({ record, overdue }) => [record.name, overdue])).toEqual([
      ['Pay tax', true],
      ['Visa', false],
    ]);
    expect(names(view)).toContain('Fill form');
  });
});
