import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { STATES } from './states.ts';
import { demoDataEdit, START_EMPTY_MESSAGE, startEmptyEdit, WEEKLY_REVIEW_NAME } from './demo-data.ts';
import { encodeRecord } from './encode-record.ts';
import { isModelError } from './errors.ts';
import { recordPath } from './paths.ts';
import { problems } from './queries/index.ts';
import { EMPTY_SNAPSHOT, isItem, type Snapshot } from './snapshot.ts';
import { Tasks } from './tasks.ts';
import { applyEdit, idSequence } from '../../test/support/model-records.ts';
import type { ActionRecord, AnyRecord } from './types.ts';
import { isMalformed, parseRecord } from './validate-record.ts';

const NOW = new Date(2026, 2, 4, 9, 30); // a Wednesday, local time

function demo(): Snapshot {
  return applyEdit(EMPTY_SNAPSHOT, demoDataEdit(EMPTY_SNAPSHOT, NOW, idSequence()));
}

const weeklyReview = (snapshot: Snapshot): ActionRecord | undefined =>
  [...snapshot.records.values()].find((r): r is ActionRecord => r.kind === 'action' && r.name === WEEKLY_REVIEW_NAME);

describe('demoDataEdit', () => {
  it('writes records that each read back as themselves from their files', () => {
    const edit = demoDataEdit(EMPTY_SNAPSHOT, NOW, idSequence());
    expect(edit.message).toBe('Start with demo data');
    expect(edit.changes.length).toBeGreaterThan(20);
    for (const change of edit.changes) {
      expect('put' in change).toBe(true);
      const record = (change as { put: AnyRecord }).put;
      const parsed = parseRecord(recordPath(record.kind, record.id), encodeRecord(record));
      expect(isMalformed(parsed), JSON.stringify(parsed)).toBe(false);
      expect(parsed).toEqual(record);
    }
  });

  it('has every kind, every action and project state, sub-areas, contacts in use, notes and repeats', () => {
    const records = [...demo().records.values()];
    expect(new Set(records.map((r) => r.kind))).toEqual(new Set(['area', 'project', 'action', 'contact', 'context']));
    const actionStates = new Set(records.flatMap((r) => (r.kind === 'action' ? [r.state] : [])));
    expect([...actionStates].sort()).toEqual([...STATES.action].sort());
    const projectStates = new Set(records.flatMap((r) => (r.kind === 'project' ? [r.state] : [])));
    expect([...projectStates].sort()).toEqual([...STATES.project].sort());
    const areas = records.filter((r) => r.kind === 'area');
    expect(areas.some((a) => isItem(a) && a.parent !== undefined && areas.some((p) => p.id === a.parent))).toBe(true);
    expect(records.some((r) => r.kind === 'action' && r.state === 'waiting-for-contact' && r.contact !== undefined)).toBe(true);
    expect(records.some((r) => r.kind === 'action' && r.context !== undefined)).toBe(true);
    expect(records.filter((r) => r.kind === 'action' && r.repeat !== undefined).length).toBeGreaterThanOrEqual(2);
    expect(records.some((r) => r.description?.includes('**'))).toBe(true);
    expect(records.some((r) => r.kind === 'action' && r.repeat?.afterDone === true)).toBe(true);
    expect(records.some((r) => r.kind === 'action' && r.deadline !== undefined)).toBe(true);
    expect(records.some((r) => r.kind === 'project' && r.deadline !== undefined)).toBe(true);
    expect(records.some((r) => r.kind === 'action' && r.waitUntil !== undefined && r.waitUntil > '2026-04-04')).toBe(true);
  });

  it('has a weekly review that repeats every week, due today, with the checklist as `- [ ]` items', () => {
    const review = weeklyReview(demo());
    expect(review).toMatchObject({ state: 'scheduled', waitUntil: '2026-03-04', repeat: { every: 1, unit: 'week', from: '2026-03-04' } });
    const items = review!.description!.split('\n').filter((line) => line.startsWith('- [ ] '));
    expect(items.length).toBeGreaterThanOrEqual(10);
    expect(review!.description).toContain('inbox');
    expect(review!.description).toContain('someday/maybe');
  });

  it('leaves nothing for the problems list', () => {
    expect(problems(demo())).toEqual([]);
  });

  it('refuses a repository that already holds records', () => {
    let error: unknown;
    try {
      demoDataEdit(demo(), NOW, idSequence(5000));
    } catch (caught) {
      error = caught;
    }
    expect(isModelError(error, 'refused')).toBe(true);
    expect(() => startEmptyEdit(demo(), NOW, idSequence(5000))).toThrow(/already holds records/);
  });

  it('commits as one commit through Tasks', async () => {
    const tasks = await Tasks.open({ name: 'demo', indexedDB: new IDBFactory() });
    await tasks.run((snapshot) => demoDataEdit(snapshot, NOW, () => crypto.randomUUID()));
    expect(tasks.snapshot.malformed).toEqual([]);
    expect(tasks.snapshot.records.size).toBe(demo().records.size);
    expect((await tasks.history()).map((c) => c.message)).toEqual(['Start with demo data']);
    await tasks.close();
  });
});

describe('startEmptyEdit', () => {
  it('creates only the weekly review', () => {
    const edit = startEmptyEdit(EMPTY_SNAPSHOT, NOW, idSequence());
    expect(edit.message).toBe(START_EMPTY_MESSAGE);
    const snapshot = applyEdit(EMPTY_SNAPSHOT, edit);
    expect(snapshot.records.size).toBe(1);
    expect(weeklyReview(snapshot)?.repeat).toEqual({ every: 1, unit: 'week', from: '2026-03-04' });
  });
});
