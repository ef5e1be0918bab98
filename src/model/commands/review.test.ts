import { describe, expect, it } from 'vitest';
import { checklistItems } from '../checklist.ts';
import { WEEKLY_REVIEW_CHECKLIST } from '../demo-data.ts';
import { action, applyEdit, project, putOf, snapshotOf, testId } from '../../../test/support/model-records.ts';
import { completeAction } from './complete.ts';
import { markReviewed, resetChecklist, tickChecklistItem } from './review.ts';

const NOW = new Date(2026, 0, 15, 10, 30);
const id = testId;
const review = action(1, 'Weekly review', {
  state: 'scheduled',
  waitUntil: '2026-01-15',
  repeat: { every: 1, unit: 'week', from: '2026-01-01' },
  description: WEEKLY_REVIEW_CHECKLIST,
});

describe('the weekly review', () => {
  it('ticks its checklist step by step, each a commit in words', () => {
    const edit = tickChecklistItem(snapshotOf(review), id(1), 1, true);
    expect(edit.message).toBe('Weekly review: tick “Get the inbox to zero: process every capture”');
    const after = applyEdit(snapshotOf(review), edit);
    expect(checklistItems(after.records.get(id(1))?.description ?? '').map((item) => item.checked).slice(0, 3)).toEqual([false, true, false]);
    expect(tickChecklistItem(after, id(1), 1, true).changes).toEqual([]);
    expect(tickChecklistItem(after, id(1), 1, false).message).toMatch(/^Weekly review: untick/);
    expect(() => tickChecklistItem(after, id(1), 99, true)).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('starts afresh when done (it repeats) or when reset', () => {
    let snapshot = snapshotOf(review);
    for (const step of [0, 4, 9]) snapshot = applyEdit(snapshot, tickChecklistItem(snapshot, id(1), step, true));
    const reset = resetChecklist(snapshot, id(1));
    expect(reset.message).toBe('Weekly review: reset the checklist');
    expect(putOf(reset).description).toBe(WEEKLY_REVIEW_CHECKLIST);
    const done = putOf(completeAction(snapshot, id(1), NOW));
    expect(done).toMatchObject({ state: 'scheduled', waitUntil: '2026-01-22', description: WEEKLY_REVIEW_CHECKLIST });
    expect(resetChecklist(snapshotOf(review), id(1)).changes).toEqual([]);
  });

  it('marks a project reviewed with the time', () => {
    const edit = markReviewed(snapshotOf(project(2, 'Taxes')), id(2), NOW);
    expect(edit.message).toBe('Taxes: mark reviewed');
    expect(putOf(edit)).toMatchObject({ reviewed: NOW.toISOString() });
    expect(() => markReviewed(snapshotOf(review), id(1), NOW)).toThrow(expect.objectContaining({ code: 'invalid' }));
  });
});
