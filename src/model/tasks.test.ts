import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { loadSnapshot } from './load-snapshot.ts';
import type { Oid } from '../store/index.ts';
import { Tasks } from './tasks.ts';
import type { ActionRecord, ContextRecord } from './types.ts';

const id = (n: number): string => `${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
const action = (n: number, name: string, extra: Partial<ActionRecord> = {}): ActionRecord => ({
  id: id(n),
  kind: 'action',
  name,
  state: 'next',
  created: '2026-01-01T00:00:00.000Z',
  ...extra,
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('Tasks', () => {
  it('commits edits as records in their files and keeps the snapshot current', async () => {
    const tasks = await Tasks.open({ name: 't', indexedDB: new IDBFactory() });
    expect(tasks.snapshot.records.size).toBe(0);
    const context: ContextRecord = { id: id(1), kind: 'context', name: '@home', created: '2026-01-01T00:00:00.000Z' };
    await tasks.apply({ changes: [{ put: context }, { put: action(2, 'Water plants', { context: id(1) }) }], message: 'Create Water plants' });
    expect(tasks.snapshot.records.get(id(2))?.name).toBe('Water plants');
    expect(await tasks.branch.list('items')).toEqual(['00']);
    expect(new TextDecoder().decode(await tasks.branch.get(`contexts/${id(1)}.json`))).toContain('"name": "@home"');
    await tasks.apply({ changes: [{ remove: { kind: 'action', id: id(2) } }], message: 'Delete Water plants' });
    expect(tasks.snapshot.records.has(id(2))).toBe(false);
    expect((await tasks.history()).map((c) => c.message)).toEqual(['Delete Water plants', 'Create Water plants']);
    await tasks.close();
  });

  it('merges a command computed before another one landed, instead of overwriting it', async () => {
    const tasks = await Tasks.open({ name: 't', indexedDB: new IDBFactory() });
    await tasks.apply({ changes: [{ put: action(5, 'Pack the books', { state: 'inbox' }) }], message: 'Create Pack the books' });
    const star = (s: typeof tasks.snapshot) => ({ changes: [{ put: { ...(s.records.get(id(5)) as ActionRecord), starred: true } }], message: 'star' });
    const next = (s: typeof tasks.snapshot) => ({ changes: [{ put: { ...(s.records.get(id(5)) as ActionRecord), state: 'next' as const } }], message: 'next' });
    // Both computed from the same snapshot, as a quick `s` then `n` on a row are: the second
    // is applied after the first has landed, still on the snapshot it was computed from.
    const basis = tasks.snapshot;
    await tasks.run(star);
    await tasks.apply(next(basis), { basis });
    expect(tasks.snapshot.records.get(id(5))).toMatchObject({ starred: true, state: 'next' });
    expect(tasks.snapshot.records.get(id(5))).not.toHaveProperty('_conflicts');
    await tasks.close();
  });

  it('lands two commands run at once (a quick `s` then `n`), neither written over', async () => {
    const tasks = await Tasks.open({ name: 't', indexedDB: new IDBFactory() });
    await tasks.apply({ changes: [{ put: action(5, 'Pack the books', { state: 'inbox' }) }], message: 'Create Pack the books' });
    const patch = (extra: Partial<ActionRecord>) => (s: typeof tasks.snapshot) => ({ changes: [{ put: { ...(s.records.get(id(5)) as ActionRecord), ...extra } }], message: 'patch' });
    await Promise.all([tasks.run(patch({ starred: true })), tasks.run(patch({ state: 'next' })), tasks.run(patch({ name: 'Pack the boxes' }))]);
    expect(tasks.snapshot.records.get(id(5))).toMatchObject({ starred: true, state: 'next', name: 'Pack the boxes' });
    expect(await tasks.history()).toHaveLength(4);
    await tasks.close();
  });

  it('reports a malformed file as a problem and reads the rest', async () => {
    const tasks = await Tasks.open({ name: 't', indexedDB: new IDBFactory() });
    await tasks.apply({ changes: [{ put: action(3, 'Fine') }], message: 'Create Fine' });
    await tasks.branch.set(`items/00/${id(4)}.json`, '{ not json', { message: 'Break a file' });
    await tasks.branch.set(`items/00/${id(5)}.json`, JSON.stringify({ ...action(5, 'x'), state: 'bogus' }), { message: 'Bad state' });
    await waitFor(() => tasks.snapshot.malformed.length === 2);
    expect(tasks.snapshot.records.has(id(3))).toBe(true);
    expect(tasks.snapshot.malformed.map((m) => m.reason).sort()).toEqual(['"state" must be one of inbox, next, waiting, waiting-for-contact, scheduled, future, done', 'it is not a JSON object']);
    await tasks.close();
  });

  it('sees another tab’s commit, and patched snapshots equal fresh loads', async () => {
    const factory = new IDBFactory();
    const tabA = await Tasks.open({ name: 'shared', indexedDB: factory });
    const tabB = await Tasks.open({ name: 'shared', indexedDB: factory });
    const seen: number[] = [];
    tabB.subscribe((snapshot) => seen.push(snapshot.records.size));
    for (let i = 1; i <= 5; i++) await tabA.apply({ changes: [{ put: action(i * 17, `Task ${i}`) }], message: `Create Task ${i}` });
    await tabA.apply({ changes: [{ put: action(17, 'Task 1 renamed') }, { remove: { kind: 'action', id: id(34) } }], message: 'Edit' });
    await waitFor(() => tabB.snapshot.head === tabA.snapshot.head);
    expect(tabB.snapshot.records.get(id(17))?.name).toBe('Task 1 renamed');
    expect(seen.at(-1)).toBe(4);
    const fresh = await loadSnapshot(tabA.branch, tabA.snapshot.head);
    expect([...tabB.snapshot.records.entries()].sort()).toEqual([...fresh.records.entries()].sort());
    await tabB.close();
    await tabA.close();
  });

  it('shows any past commit and reverts a change', async () => {
    const tasks = await Tasks.open({ name: 't', indexedDB: new IDBFactory() });
    await tasks.apply({ changes: [{ put: action(1, 'One') }], message: 'Create One' });
    await tasks.apply({ changes: [{ put: action(1, 'Uno') }], message: 'One: rename to Uno' });
    await tasks.apply({ changes: [{ put: action(2, 'Two') }], message: 'Create Two' });
    const [, rename, create] = await tasks.history();
    expect((await tasks.snapshotAt(create?.id as string)).records.get(id(1))?.name).toBe('One');
    await tasks.revert(rename as never);
    expect(tasks.snapshot.records.get(id(1))?.name).toBe('One');
    expect(tasks.snapshot.records.get(id(2))?.name).toBe('Two');
    expect((await tasks.history({ limit: 1 }))[0]?.message).toBe('Revert "One: rename to Uno"');
    await tasks.close();
  });

  it('repairs links after a merge, restoring a context the other side deleted', async () => {
    const tasks = await Tasks.open({ name: 't', indexedDB: new IDBFactory() });
    const context: ContextRecord = { id: id(9), kind: 'context', name: '@phone', created: '2026-01-01T00:00:00.000Z' };
    await tasks.apply({ changes: [{ put: context }], message: 'Create @phone' });
    const side = await tasks.repo.branch('side');
    await side.merge('main', { message: 'ff' });
    await side.remove(`contexts/${id(9)}.json`, { message: 'Delete @phone' });
    await tasks.apply({ changes: [{ put: action(10, 'Call mum', { context: id(9) }) }], message: 'Create Call mum' });
    const merge = await tasks.branch.merge('side', { message: 'Merge side' });
    // The merge's head arrives, and the model repairs it on its own, in a commit after it.
    const repair = await tasks.settle();
    expect(repair).toBeDefined();
    expect((await tasks.repo.readCommit(repair!)).parents).toEqual([merge]);
    const restored = tasks.snapshot.records.get(id(9));
    expect(restored?.name).toBe('@phone');
    expect(restored?._conflicts?.[0]?.note).toMatch(/Restored after a merge/);
    expect(await tasks.settle(), 'the repair is no merge: nothing more to do').toBeUndefined();
    await tasks.close();
  });
});

describe('Tasks undo', () => {
  it('undoes the person’s changes newest first by reverting them, redoes an undo, and leaves the model’s repairs alone', async () => {
    const tasks = await Tasks.open({ name: 't', indexedDB: new IDBFactory() });
    const events: Array<[string, string]> = [];
    tasks.onCommit((event) => events.push([event.kind, event.subject]));
    tasks.setAuthor({ name: 'Firefox on Linux', email: 'firefox-on-linux@taskgit.invalid' });
    await tasks.apply({ changes: [{ put: action(1, 'One') }], message: 'Create One' });
    await tasks.apply({ changes: [{ put: action(1, 'Uno') }], message: 'One: rename to Uno' });
    await tasks.apply({ changes: [{ put: action(2, 'Two') }], message: 'Repair something' }, { source: 'system' });
    expect(events).toEqual([['change', 'Create One'], ['change', 'One: rename to Uno']]);

    const undone = await tasks.undo();
    expect(undone).toMatchObject({ kind: 'undone', subject: 'One: rename to Uno' });
    expect(tasks.snapshot.records.get(id(1))?.name).toBe('One');
    expect(tasks.snapshot.records.get(id(2))?.name, 'a later change survives').toBe('Two');
    const [latest] = await tasks.history({ limit: 1 });
    expect(latest?.message).toBe('Undo: One: rename to Uno');
    expect(latest?.author.name).toBe('Firefox on Linux');

    if (undone.kind !== 'undone') throw new Error('nothing was undone');
    const redo: Oid | undefined = await tasks.redo(undone.head);
    expect(tasks.snapshot.records.get(id(1))?.name).toBe('Uno');
    expect((await tasks.history({ limit: 1 }))[0]?.id).toBe(redo);
    expect((await tasks.undo()).kind, 'the redo is undone first').toBe('undone');
    expect(tasks.snapshot.records.get(id(1))?.name).toBe('One');
    expect((await tasks.undo()).kind).toBe('undone'); // Create One
    expect(tasks.snapshot.records.has(id(1))).toBe(false);
    expect(await tasks.undo()).toEqual({ kind: 'nothing-to-undo' });
    expect(events.map(([kind]) => kind)).toEqual(['change', 'change', 'undo', 'redo', 'undo', 'undo']);
    await tasks.close();
  });
});
