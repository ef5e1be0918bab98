import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createRecord, isModelError, Tasks } from '../../model/index.ts';
import { readOnlyTasks } from './read-only-tasks.ts';

const NOW = new Date('2026-03-04T10:00:00Z');
let n = 0;
const newId = (): string => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;

describe('readOnlyTasks', () => {
  it('shows the past snapshot, passes reads through and refuses every write without writing', async () => {
    const tasks = await Tasks.open({ name: 'read-only', indexedDB: new IDBFactory() });
    await tasks.run((s) => createRecord(s, { kind: 'action', name: 'Buy milk' }, NOW, newId));
    const [first] = await tasks.history();
    await tasks.run((s) => createRecord(s, { kind: 'action', name: 'Call Ann' }, NOW, newId));
    const head = tasks.snapshot.head;

    const past = await tasks.snapshotAt(first!.id);
    const shown = readOnlyTasks(tasks, past, 'Read-only: back to now first.');
    expect(shown.snapshot).toBe(past);
    expect([...shown.snapshot.records.values()].map((r) => r.name)).toEqual(['Buy milk']);
    expect((await shown.history()).map((c) => c.message)).toEqual(['Create Call Ann', 'Create Buy milk']);
    expect((await shown.snapshotAt(first!.id)).records.size).toBe(1);
    expect(shown.repo).toBe(tasks.repo);
    let called = 0;
    shown.subscribe(() => called++)();

    const attempts = [
      shown.run((s) => createRecord(s, { kind: 'action', name: 'Nope' }, NOW, newId)),
      shown.apply({ changes: [], message: 'x' }),
      shown.revert(first!),
      shown.settle(),
    ];
    for (const attempt of attempts) {
      const error = await attempt.then(() => undefined, (caught: unknown) => caught);
      expect(isModelError(error, 'refused')).toBe(true);
      expect((error as Error).message).toBe('Read-only: back to now first.');
    }
    expect(await tasks.branch.head()).toBe(head);
    expect(tasks.snapshot.records.size).toBe(2);

    // The live object is untouched and still writes.
    await tasks.run((s) => createRecord(s, { kind: 'action', name: 'Still works' }, NOW, newId));
    expect(tasks.snapshot.records.size).toBe(3);
    expect(called).toBe(0);
    await tasks.close();
  });
});
