import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleView, type ScheduleDay } from './schedule-view.ts';
import { action, arbitrarySnapshot, snapshotOf } from '../../../test/support/model-snapshots.ts';

const TODAY = '2026-03-01';

/** `{ day: [name, name*] }` for days with entries; `!` marks overdue, `*` projected. */
function outline(days: ScheduleDay[]): Record<string, string[]> {
  return Object.fromEntries(
    days.filter((d) => d.entries.length > 0).map((d) => [d.day, d.entries.map((e) => `${e.action.name}${e.overdue ? '!' : ''}${e.projected ? '*' : ''}`)]),
  );
}

describe('scheduleView', () => {
  it('lists overdue days with actions, then every day from today to today + days', () => {
    const days = scheduleView(
      snapshotOf([
        action(1, 'Long overdue', { state: 'scheduled', waitUntil: '2025-06-01' }),
        action(2, 'Yesterday', { state: 'scheduled', waitUntil: '2026-02-28' }),
        action(3, 'Today', { state: 'scheduled', waitUntil: TODAY }),
        action(4, 'In a week', { state: 'scheduled', waitUntil: '2026-03-08' }),
        action(5, 'Too late', { state: 'scheduled', waitUntil: '2026-03-20' }),
        action(6, 'Undated', { state: 'scheduled' }),
        action(7, 'Next, with a day left over', { state: 'next', waitUntil: '2026-03-02' }),
        action(8, 'Done', { state: 'done', waitUntil: '2026-03-02' }),
        action(9, 'Hand-edited Feb 30', { state: 'scheduled', waitUntil: '2026-02-30' }),
      ]),
      TODAY,
    );
    expect(days.map((d) => d.day).slice(0, 4)).toEqual(['2025-06-01', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(days).toHaveLength(2 + 15);
    expect(days.at(-1)?.day).toBe('2026-03-15');
    expect(days.filter((d) => d.overdue).map((d) => d.day)).toEqual(['2025-06-01', '2026-02-28']);
    expect(days.filter((d) => d.isToday).map((d) => d.day)).toEqual([TODAY]);
    expect(outline(days)).toEqual({
      '2025-06-01': ['Long overdue!'],
      '2026-02-28': ['Yesterday!'],
      '2026-03-01': ['Today', 'Undated'],
      '2026-03-02': ['Hand-edited Feb 30'],
      '2026-03-08': ['In a week'],
    });
  });

  it('projects a repeating action onto its later occurrences in the window', () => {
    const days = scheduleView(
      snapshotOf([
        action(1, 'Weekly review', { state: 'scheduled', waitUntil: '2026-03-02', repeat: { every: 1, unit: 'week', from: '2026-01-05' } }),
        action(2, 'Overdue daily', { state: 'scheduled', waitUntil: '2026-02-27', repeat: { every: 5, unit: 'day', from: '2026-02-27' } }),
        action(3, 'Monthly, active now', { state: 'next', repeat: { every: 1, unit: 'month', from: '2026-01-31' } }),
        action(4, 'Done repeat', { state: 'done', repeat: { every: 1, unit: 'day', from: '2026-01-01' } }),
        action(5, 'Bad repeat', { state: 'scheduled', waitUntil: '2026-03-03', repeat: { every: 1, unit: 'month', from: '2026-02-30' } }),
      ]),
      TODAY,
      10,
    );
    expect(outline(days)).toEqual({
      '2026-02-27': ['Overdue daily!'],
      '2026-03-02': ['Weekly review'],
      '2026-03-03': ['Bad repeat'],
      '2026-03-04': ['Overdue daily*'],
      '2026-03-09': ['Overdue daily*', 'Weekly review*'],
    });
    expect(scheduleView(snapshotOf([action(3, 'Monthly', { state: 'next', repeat: { every: 1, unit: 'month', from: '2026-01-31' } })]), TODAY, 31).flatMap((d) => (d.entries.length ? [d.day] : []))).toEqual(['2026-03-31']);
  });

  it('is just the window of empty days when nothing is scheduled; days below 0 count as 0', () => {
    expect(scheduleView(snapshotOf([]), TODAY, 2)).toEqual([
      { day: '2026-03-01', isToday: true, overdue: false, entries: [] },
      { day: '2026-03-02', isToday: false, overdue: false, entries: [] },
      { day: '2026-03-03', isToday: false, overdue: false, entries: [] },
    ]);
    expect(scheduleView(snapshotOf([]), TODAY, -5)).toHaveLength(1);
  });

  it('lists every scheduled action in the window once, on its day, with days in order', () => {
    fc.assert(
      fc.property(arbitrarySnapshot(), (snapshot) => {
        const days = scheduleView(snapshot, TODAY);
        const dayNames = days.map((d) => d.day);
        expect([...dayNames].sort()).toEqual(dayNames);
        const current = days.flatMap((d) => d.entries.filter((e) => !e.projected).map((e) => [d.day, e.action.id] as const));
        const expected = [...snapshot.records.values()].filter((r) => r.kind === 'action' && r.state === 'scheduled' && (r.waitUntil ?? TODAY) <= '2026-03-15');
        expect(current).toHaveLength(expected.length);
        for (const [day, actionId] of current) {
          const record = snapshot.records.get(actionId);
          expect(record?.kind === 'action' && (record.waitUntil ?? TODAY)).toBe(day);
        }
      }),
    );
  });
});
