import { describe, expect, it } from 'vitest';
import { countByState } from './stats.ts';
import { action, area, contact, context, project, snapshotOf } from '../../../test/support/model-snapshots.ts';

describe('countByState', () => {
  it('counts records by kind, and actions and projects by state', () => {
    const snapshot = snapshotOf(
      [
        action(1, 'a', { state: 'inbox' }),
        action(2, 'b', { state: 'inbox' }),
        action(3, 'c', { state: 'waiting-for-contact' }),
        action(4, 'd', { state: 'done' }),
        action(5, 'e', { state: 'from the future' as never }),
        project(6, 'p', { state: 'someday' }),
        project(7, 'q'),
        area(8, 'r'),
        contact(9, 's'),
        context(10, 't'),
        context(11, 'u'),
      ],
      [{ path: 'items/00/x.json', reason: 'broken' }],
    );
    expect(countByState(snapshot)).toEqual({
      actions: { inbox: 2, next: 0, waiting: 0, 'waiting-for-contact': 1, scheduled: 0, future: 0, done: 1 },
      projects: { active: 1, someday: 1, done: 0 },
      areas: 1,
      contacts: 1,
      contexts: 2,
      malformed: 1,
    });
  });
});
