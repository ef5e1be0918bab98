// Bad input: an object whose bytes were damaged in IndexedDB (one bit flipped under its id, as
// disk corruption would). Whatever reads it (the model opening, a read, a commit, a push) is
// refused with a CorruptObjectError naming the object, and nothing is written: the database
// holds exactly what it held before, and the remote never receives the damaged object.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGitRemote, type GitRemote } from '../../server/git-remote.ts';
import { createRecord, recordPath, Tasks } from '../../src/model/index.ts';
import { CorruptObjectError, hashObject, openRepo, type Oid, type Repo } from '../../src/store/index.ts';
import { sync } from '../../src/sync/index.ts';
import { gitAsync, makeTempDir, removeTempDirs } from '../support/git-cli.ts';
import { dumpDatabase, flipObjectByte } from './raw-idb.ts';

const NAME = 'corrupt';
const IDS = ['3f000000-0000-4000-8000-000000000001', '3f000000-0000-4000-8000-000000000002'] as const;
const NOW = new Date(Date.UTC(2026, 0, 5, 9));

let remote: GitRemote;
let factory: IDBFactory;
let repoCount = 0;

beforeAll(async () => {
  remote = await startGitRemote({ dataDir: makeTempDir('corrupt-remote'), port: 0 });
});
afterAll(async () => {
  await remote.close();
  removeTempDirs();
});

/** A device with two actions in one folder (`items/3f`), synced to a fresh remote repository. */
beforeEach(async () => {
  factory = new IDBFactory();
  const tasks = await Tasks.open({ name: NAME, indexedDB: factory });
  for (const [index, id] of IDS.entries()) {
    await tasks.run((snapshot) => createRecord(snapshot, { kind: 'action', name: `Action ${index}`, state: 'next' }, NOW, () => id));
  }
  await tasks.close();
});

const open = (): Promise<Repo> => openRepo({ name: NAME, indexedDB: factory });

/** The ids of the blob of record IDS[0], the `items/3f` tree, and the head commit. */
async function objectIds(): Promise<{ blob: Oid; tree: Oid; head: Oid }> {
  const repo = await open();
  try {
    const main = await repo.branch();
    const head = (await main.head()) as Oid;
    const bytes = (await main.get(recordPath('action', IDS[0]))) as Uint8Array;
    const root = await repo.git.objects.readTree((await repo.readCommit(head)).tree);
    const items = await repo.git.objects.readTree(root.find((entry) => entry.name === 'items')?.oid as string);
    const tree = items.find((entry) => entry.name === '3f')?.oid as Oid;
    return { blob: hashObject('blob', bytes).oid, tree, head };
  } finally {
    await repo.close();
  }
}

/** Runs `action`, expecting a CorruptObjectError naming `oid`, and no change to the database. */
async function expectRefused(oid: Oid, action: () => Promise<unknown>): Promise<void> {
  const before = await dumpDatabase(factory, NAME);
  const error = await action().then(
    () => new Error('it succeeded'),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CorruptObjectError);
  expect((error as CorruptObjectError).message).toBe(`Object ${oid} is corrupt: its bytes do not hash to its id.`);
  expect(await dumpDatabase(factory, NAME)).toEqual(before);
}

describe('a corrupt object in IndexedDB', () => {
  it('a damaged record file: the model refuses to open rather than show altered data', async () => {
    const { blob } = await objectIds();
    await flipObjectByte(factory, NAME, blob, -3);
    await expectRefused(blob, () => Tasks.open({ name: NAME, indexedDB: factory }));
  });

  it('a damaged record file: reading it is refused, the head stays, other files still read', async () => {
    const { blob, head } = await objectIds();
    await flipObjectByte(factory, NAME, blob, -3);
    const repo = await open();
    const main = await repo.branch();
    await expectRefused(blob, () => main.get(recordPath('action', IDS[0])));
    expect(await main.head()).toBe(head);
    expect(await main.get(recordPath('action', IDS[1]))).toBeInstanceOf(Uint8Array);
    await repo.close();
  });

  it('a damaged tree: a commit that must rewrite it is refused, and the head stays', async () => {
    const { tree, head } = await objectIds();
    await flipObjectByte(factory, NAME, tree, -1);
    const repo = await open();
    const main = await repo.branch();
    await expectRefused(tree, () => main.set(recordPath('action', '3f000000-0000-4000-8000-000000000003'), '{}\n', { message: 'Add' }));
    expect(await main.head()).toBe(head);
    await repo.close();
  });

  it('a damaged head commit: history and new commits are refused', async () => {
    const { head } = await objectIds();
    await flipObjectByte(factory, NAME, head, 10);
    const repo = await open();
    const main = await repo.branch();
    await expectRefused(head, () => main.history({ limit: 5 }));
    await expectRefused(head, () => main.set('notes.txt', 'x', { message: 'Add notes' }));
    await repo.close();
  });

  it('a damaged object is never pushed: the sync is refused and the remote stays empty', async () => {
    const { blob } = await objectIds();
    await flipObjectByte(factory, NAME, blob, -3);
    const url = `${remote.url}corrupt-${++repoCount}.git`;
    const repo = await open();
    // sync reports the store's refusal as a failure of this device's part, the store's error its cause.
    await expectRefused(blob, async () => {
      const outcome = await sync(repo.git, { url });
      if (outcome.kind === 'failed' && outcome.error.code === 'local') throw outcome.error.cause;
      return outcome;
    });
    expect((await gitAsync(['ls-remote', url])).trim()).toBe('');
    await repo.close();
  });
});
