import { describe, expect, it } from 'vitest';
import { staleProjects } from './stale-projects.ts';
import { id, project, snapshotOf } from '../../../test/support/model-snapshots.ts';

describe('staleProjects', () => {
  it('lists active projects not reviewed for over a week, longest first', () => {
    const snapshot = snapshotOf([
      project(1, 'Never reviewed, old', { created: '2026-01-01T12:00:00Z' }),
      project(2, 'Reviewed long ago', { reviewed: '2026-02-01T12:00:00Z' }),
      project(3, 'Reviewed this week', { reviewed: '2026-02-25T12:00:00Z' }),
      project(4, 'Created this week', { created: '2026-02-27T12:00:00Z' }),
      project(5, 'Someday', { state: 'someday' }),
      project(6, 'Done', { state: 'done' }),
      project(7, 'Unreadable', { created: 'whenever' }),
      project(8, 'Exactly a week', { reviewed: '2026-02-22T12:00:00Z' }),
    ]);
    expect(staleProjects(snapshot, '2026-03-01').map(({ project: p, lastReviewed }) => [p.id, lastReviewed])).toEqual([
      [id(7), undefined],
      [id(1), undefined],
      [id(2), '2026-02-01'],
    ]);
  });
});
