import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleView, type ScheduleGroup } from './schedule-view.ts';
import { action, arbitrarySnapshot, project, snapshotOf } from '../../../test/support/model-snapshots.ts';

const TODAY = '2026-03-01'; // a Sunday

const MARK = { start: '', repeat: '*', deadline: '⚑' } as const;

/** `{ start: [name] }` for groups with entries; `!` marks overdue, `*` a repeat, `⚑` a deadline. */
function outline(groups: ScheduleGroup[]): Record<string, string[]> {
  return Object.fromEntries(
    groups
      .filter((g) => g.entries.length > 0)
      .map((g) => [g.span === 'day' ? g.start : `${g.span} ${g.start}..${g.end}`, g.entries.map((e) => `${e.record.name}${e.overdue ? '!' : ''}${MARK[e.kind]}`)]),
  );
}

describe('scheduleView', () => {
  it('lists overdue days with actions, then every day from today to today + days', () => {
    const groups = scheduleView(
      snapshotOf([
        action(1, 'Long overdue', { state: 'scheduled', waitUntil: '2025-06-01' }),
        action(2, 'Yesterday', { state: 'scheduled', waitUntil: '2026-02-28' }),
        action(3, 'Today', { state: 'scheduled', waitUntil: TODAY }),
        action(4, 'In a week', { state: 'scheduled', waitUntil: '2026-03-08' }),
        action(6, 'Undated', { state: 'scheduled' }),
        action(7, 'Next, with a day left over', { state: 'next', waitUntil: '2026-03-02' }),
        action(8, 'Done', { state: 'done', waitUntil: '2026-03-02' }),
        action(9, 'Hand-edited Feb 30', { state: 'scheduled', waitUntil: '2026-02-30' }),
      ]),
      TODAY,
    );
    expect(groups.map((g) => g.start).slice(0, 4)).toEqual(['2025-06-01', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(groups).toHaveLength(2 + 14);
    expect(groups.at(-1)?.start).toBe('2026-03-14');
    expect(groups.filter((g) => g.overdue).map((g) => g.start)).toEqual(['2025-06-01', '2026-02-28']);
    expect(groups.filter((g) => g.isToday).map((g) => g.start)).toEqual([TODAY]);
    expect(outline(groups)).toEqual({
      '2025-06-01': ['Long overdue!'],
      '2026-02-28': ['Yesterday!'],
      '2026-03-01': ['Today', 'Undated'],
      '2026-03-02': ['Hand-edited Feb 30'],
      '2026-03-08': ['In a week'],
    });
  });

  // CueKeeper lib/ck_model.ml, make_schedule_tree: every Waiting_until action, however far ahead.
  it('lists every scheduled action however far ahead, by week and then by month past the first days', () => {
    const groups = scheduleView(
      snapshotOf([
        action(1, 'In 20 days', { state: 'scheduled', waitUntil: '2026-03-21' }),
        action(2, 'In 60 days', { state: 'scheduled', waitUntil: '2026-04-30' }),
        action(3, 'Next year', { state: 'scheduled', waitUntil: '2027-01-15' }),
        action(4, 'Same month', { state: 'scheduled', waitUntil: '2027-01-02' }),
        action(5, 'Day after the days', { state: 'scheduled', waitUntil: '2026-03-15' }),
      ]),
      TODAY,
    );
    expect(outline(groups)).toEqual({
      'week 2026-03-15..2026-03-15': ['Day after the days'],
      'week 2026-03-16..2026-03-22': ['In 20 days'],
      'month 2026-04-27..2026-04-30': ['In 60 days'],
      'month 2027-01-01..2027-01-31': ['Same month', 'Next year'],
    });
  });

  it('puts deadlines of open actions and projects on their day, overdue ones flagged', () => {
    const groups = scheduleView(
      snapshotOf([
        action(1, 'Tax return', { state: 'waiting', deadline: '2026-02-20' }),
        project(2, 'Visa', { deadline: '2026-03-03' }),
        action(3, 'Booked', { state: 'scheduled', waitUntil: '2026-03-03', deadline: '2026-03-03' }),
        action(4, 'Done already', { state: 'done', deadline: '2026-03-03' }),
      ]),
      TODAY,
    );
    expect(outline(groups)).toEqual({ '2026-02-20': ['Tax return!⚑'], '2026-03-03': ['Booked', 'Booked⚑', 'Visa⚑'] });
  });

  it('projects a repeating action onto its later occurrences among the single days', () => {
    const groups = scheduleView(
      snapshotOf([
        action(1, 'Weekly review', { state: 'scheduled', waitUntil: '2026-03-02', repeat: { every: 1, unit: 'week', from: '2026-01-05' } }),
        action(2, 'Overdue daily', { state: 'scheduled', waitUntil: '2026-02-27', repeat: { every: 5, unit: 'day', from: '2026-02-27' } }),
        action(3, 'Monthly, active now', { state: 'next', repeat: { every: 1, unit: 'month', from: '2026-01-31' } }),
        action(4, 'Done repeat', { state: 'done', repeat: { every: 1, unit: 'day', from: '2026-01-01' } }),
        action(5, 'Bad repeat', { state: 'scheduled', waitUntil: '2026-03-03', repeat: { every: 1, unit: 'month', from: '2026-02-30' } }),
        action(6, 'After done', { state: 'scheduled', waitUntil: '2026-03-04', repeat: { every: 1, unit: 'day', from: '2026-03-04', afterDone: true } }),
      ]),
      TODAY,
      { days: 10, weeks: 1 },
    );
    expect(outline(groups)).toEqual({
      '2026-02-27': ['Overdue daily!'],
      '2026-03-02': ['Weekly review'],
      '2026-03-03': ['Bad repeat'],
      '2026-03-04': ['After done', 'Overdue daily*'],
      '2026-03-09': ['Overdue daily*', 'Weekly review*'],
    });
    const monthly = snapshotOf([action(3, 'Monthly', { state: 'next', repeat: { every: 1, unit: 'month', from: '2026-01-31' } })]);
    expect(scheduleView(monthly, TODAY, { days: 31 }).flatMap((g) => (g.entries.length ? [g.start] : []))).toEqual(['2026-03-31']);
  });

  it('is just the days when nothing is scheduled; days below 0 count as 0', () => {
    expect(scheduleView(snapshotOf([]), TODAY, { days: 2 })).toEqual([
      { span: 'day', start: '2026-03-01', end: '2026-03-01', isToday: true, overdue: false, entries: [] },
      { span: 'day', start: '2026-03-02', end: '2026-03-02', isToday: false, overdue: false, entries: [] },
      { span: 'day', start: '2026-03-03', end: '2026-03-03', isToday: false, overdue: false, entries: [] },
    ]);
    expect(scheduleView(snapshotOf([]), TODAY, { days: -5 })).toHaveLength(1);
  });

  it('lists every scheduled action once, in the group holding its day, groups in order', () => {
    fc.assert(
      fc.property(arbitrarySnapshot(), (snapshot) => {
        const groups = scheduleView(snapshot, TODAY);
        for (let i = 1; i < groups.length; i++) expect((groups[i - 1] as ScheduleGroup).end < (groups[i] as ScheduleGroup).start).toBe(true);
        const starts = groups.flatMap((g) => g.entries.filter((e) => e.kind === 'start').map((e) => [g, e] as const));
        const expected = [...snapshot.records.values()].filter((r) => r.kind === 'action' && r.state === 'scheduled');
        expect(starts).toHaveLength(expected.length);
        for (const [group, entry] of starts) {
          expect(group.start <= entry.day && entry.day <= group.end).toBe(true);
          const record = snapshot.records.get(entry.record.id);
          expect(record?.kind === 'action' && record.waitUntil === undefined ? TODAY : entry.day).toBe(entry.day);
        }
      }),
    );
  });
});
