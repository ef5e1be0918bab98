import { describe, expect, it } from 'vitest';
import type { ActionRecord } from '../../../model/index.ts';
import { newlyDue, reminderText, titleWithDueCount } from './due-reminders.ts';

const action = (n: number, name: string): ActionRecord => ({ kind: 'action', id: `a${n}`, name, state: 'scheduled', created: '', waitUntil: '2026-03-10' });

describe('due reminders', () => {
  it('puts the count of due actions in the title', () => {
    expect(titleWithDueCount(0)).toBe('Taskgit');
    expect(titleWithDueCount(3)).toBe('(3) Taskgit');
  });

  it('finds the actions that became due, none on the first look', () => {
    const due = [action(1, 'A'), action(2, 'B')];
    expect(newlyDue(undefined, due)).toEqual([]);
    expect(newlyDue(new Set(['a1']), due)).toEqual([due[1]]);
    expect(newlyDue(new Set(['a1', 'a2']), due)).toEqual([]);
  });

  it('words a reminder for one or several actions', () => {
    expect(reminderText([action(1, 'Pay rent')])).toEqual({ title: 'Due now', body: '“Pay rent”' });
    const many = [1, 2, 3, 4, 5, 6, 7].map((n) => action(n, `A${n}`));
    expect(reminderText(many)).toEqual({ title: '7 actions are due', body: '“A1”, “A2”, “A3”, “A4”, “A5” and 2 more' });
  });
});
