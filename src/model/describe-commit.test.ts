import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createRecord, updateRecord } from './commands/index.ts';
import { describeCommit } from './describe-commit.ts';
import { Tasks } from './tasks.ts';
import { idSequence } from '../../test/support/model-records.ts';
import { waitForHead } from './wait-for-head.ts';

describe('describeCommit', () => {
  it('says what each commit changed, reading the names it refers to, and what a merge brought in', async () => {
    const tasks = await Tasks.open({ name: 'describe', indexedDB: new IDBFactory() });
    const now = new Date('2026-03-01T10:00:00Z');
    const ids = idSequence();
    await tasks.run((s) => createRecord(s, { kind: 'project', name: 'Shopping' }, now, ids));
    const shop = [...tasks.snapshot.records.values()][0]!.id;
    await tasks.run((s) => createRecord(s, { kind: 'action', name: 'Buy milk' }, now, ids));
    const milk = [...tasks.snapshot.records.values()].find((r) => r.name === 'Buy milk')!.id;
    await tasks.run((s) => updateRecord(s, milk, { name: 'Buy oat milk', parent: shop }, now));

    const [move, create, first] = await tasks.history();
    expect((await describeCommit(tasks.repo, first!)).lines).toEqual(['Created project “Shopping”']);
    expect(await describeCommit(tasks.repo, create!)).toMatchObject({ base: first!.id, lines: ['Created action “Buy milk”'], files: 1 });
    expect((await describeCommit(tasks.repo, move!)).lines).toEqual(['Renamed “Buy milk” to “Buy oat milk”', 'Moved “Buy oat milk” to “Shopping”']);

    // A merge: a side branch adds a record while main renames the project.
    const side = await Tasks.over(tasks.repo, 'side');
    await side.branch.merge(move!.id, { message: 'start side' });
    await waitForHead(side, move!.id);
    await side.run((s) => createRecord(s, { kind: 'action', name: 'Buy bread', parent: shop }, now, ids));
    await tasks.run((s) => updateRecord(s, shop, { name: 'Groceries' }, now));
    await tasks.branch.merge('side', { message: 'Merge side' });
    const [merge] = await tasks.history({ limit: 1 });
    expect(merge!.parents).toHaveLength(2);
    expect((await describeCommit(tasks.repo, merge!)).lines).toEqual(['Created action “Buy bread”']);
    await side.close();
    await tasks.close();
  });
});
