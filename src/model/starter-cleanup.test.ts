import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createRecord, updateRecord } from './commands/index.ts';
import { demoDataEdit, startEmptyEdit, WEEKLY_REVIEW_ID } from './demo-data.ts';
import { STARTER_CLEANUP_MESSAGE } from './starter-cleanup.ts';
import { Tasks } from './tasks.ts';

const NOW = new Date('2026-03-02T09:00:00Z');
let counter = 0;
const newId = (): string => `${(++counter).toString(16).padStart(8, '0')}-1111-4111-8111-111111111111`;

/** Two histories in one repository: `remote` (another device's, from its own start) and `main` (this device's). */
async function twoStarts(): Promise<{ here: Tasks; there: Tasks }> {
  const indexedDB = new IDBFactory();
  const here = await Tasks.open({ name: 'device', indexedDB });
  const there = await Tasks.over(here.repo, 'remote');
  return { here, there };
}

const namesOf = (tasks: Tasks): string[] => [...tasks.snapshot.records.values()].map((record) => record.name).sort();

describe('joining a remote that has tasks of its own', () => {
  it('drops the starter records this device never changed, keeps its real changes, and ends with the remote’s', async () => {
    const { here, there } = await twoStarts();
    // The other device started empty and added a task; its weekly review is the one to keep.
    await there.run((s) => startEmptyEdit(s, new Date('2026-02-01T09:00:00Z'), newId));
    await there.run((s) => createRecord(s, { kind: 'action', name: 'Buy milk', state: 'next' }, NOW, newId));
    // This device started with the demo, renamed one of its contexts and captured a task.
    await here.run((s) => demoDataEdit(s, NOW, newId));
    const home = [...here.snapshot.records.values()].find((record) => record.name === '@home');
    await here.run((s) => updateRecord(s, home!.id, { name: '@house' }, NOW));
    await here.run((s) => createRecord(s, { kind: 'action', name: 'Call mum', state: 'inbox' }, NOW, newId));
    expect(here.snapshot.records.size).toBeGreaterThan(20);

    await here.branch.merge('remote', { message: 'Merge changes from the remote' });
    await here.settle();
    expect(namesOf(here)).toEqual(['@house', 'Buy milk', 'Call mum', 'Weekly review']);
    expect(here.snapshot.records.get(WEEKLY_REVIEW_ID), 'the remote’s weekly review, whole, no merge note').toEqual(there.snapshot.records.get(WEEKLY_REVIEW_ID));
    const messages = (await here.history({ limit: 3 })).map((commit) => commit.message);
    expect(messages[0]).toBe(STARTER_CLEANUP_MESSAGE);
    expect(messages[1]).toBe('Merge changes from the remote');

    // Later merges with the same remote find no start of this device's the remote lacks.
    await there.run((s) => createRecord(s, { kind: 'action', name: 'Buy bread', state: 'next' }, NOW, newId));
    await here.run((s) => createRecord(s, { kind: 'action', name: 'Water plants', state: 'next' }, NOW, newId));
    await here.branch.merge('remote', { message: 'Merge again' });
    await here.settle();
    expect(namesOf(here)).toEqual(['@house', 'Buy bread', 'Buy milk', 'Call mum', 'Water plants', 'Weekly review']);
    expect((await here.history({ limit: 1 }))[0]?.message).toBe('Merge again');
    await here.close();
  });

  it('leaves a device that started from nothing of its own alone', async () => {
    const { here, there } = await twoStarts();
    await there.run((s) => startEmptyEdit(s, NOW, newId));
    await here.run((s) => createRecord(s, { kind: 'action', name: 'Mine', state: 'next' }, NOW, newId));
    await here.branch.merge('remote', { message: 'Merge' });
    await here.settle();
    expect(namesOf(here)).toEqual(['Mine', 'Weekly review']);
    expect((await here.history({ limit: 1 }))[0]?.message).toBe('Merge');
    await here.close();
  });
});
