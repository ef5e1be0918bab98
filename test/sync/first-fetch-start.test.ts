// A first sync starts its fetch (the import, the "have" commits, the storage estimate) while the
// remote answers its discovery, not after: seen through the store, whose import, as it begins,
// deletes what a fetch of a tab that went away left behind.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { encodeCommit, encodeTree, hashObject, ObjectRunBuilder, openRepo } from '../../src/store/index.ts';
import { encodePack } from '../../src/sync/protocol/index.ts';
import { dumpDatabase } from '../reliability/raw-idb.ts';
import { startHostileRemote, type HostileRemote } from '../reliability/hostile-remote.ts';
import { syncOk } from '../support/sync-ok.ts';

const who = { name: 'Remote', email: 'remote@example.org', timestamp: 1_767_000_000, timezoneOffset: 0 };
const tree = encodeTree([]);
const commit = encodeCommit({ tree: hashObject('tree', tree).oid, parents: [], author: who, committer: who, message: 'First\n' });
const head = hashObject('commit', commit).oid;

let server: HostileRemote;

beforeAll(async () => {
  server = await startHostileRemote({ head, pack: encodePack([{ type: 'commit', content: commit }, { type: 'tree', content: tree }]) });
});
afterAll(async () => {
  await server.close();
});

/** The records of unfinished imports in `factory`'s database `name`. */
async function importRecords(factory: IDBFactory, name: string): Promise<string[]> {
  return Object.keys(await dumpDatabase(factory, name)).filter((key) => key.startsWith('imports '));
}

it('begins its import while the remote has not answered the discovery yet', async () => {
  const factory = new IDBFactory();
  const crashed = await openRepo({ name: 'device', indexedDB: factory });
  const lost = await crashed.git.objects.beginImport();
  const builder = new ObjectRunBuilder(64);
  const blob = hashObject('blob', new TextEncoder().encode('fetched by a tab that went away'));
  builder.add(blob.oid, blob.raw);
  await lost.put(builder.take());
  await crashed.close();
  expect(await importRecords(factory, 'device')).toHaveLength(1);

  const repo = await openRepo({ name: 'device', indexedDB: factory });
  let answer = (): void => undefined;
  server.script = { ...server.script, discovery: new Promise((resolve) => (answer = resolve)) };
  server.requests.length = 0;
  const syncing = syncOk(repo.git, { url: server.url });
  try {
    await vi.waitFor(async () => expect(await importRecords(factory, 'device')).toEqual([]), { timeout: 5000 });
    expect(server.requests).toEqual(['GET /hostile.git/info/refs?service=git-upload-pack']);
  } finally {
    answer();
  }
  expect(await syncing).toEqual({ kind: 'pulled', head });
  expect(await repo.git.objects.has(blob.oid)).toBe(false);
  await repo.close();
});
