// A fetch streamed into the store: many objects stored in several bounded transactions, an abort
// in the middle of the answer that leaves the database as it was, and a thin pack whose delta
// base is corrupt on this device, reported as the device's problem and not the server's.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeCommit, encodeTree, FILE_MODE, hashObject, openRepo, type GitObject, type Oid, type Repo } from '../../src/store/index.ts';
import { AbortedError, LocalError, type SyncProgress } from '../../src/sync/index.ts';
import { syncFailure, syncOk } from '../support/sync-ok.ts';
import { noise } from '../support/noise.ts';
import { encodePack } from '../../src/sync/protocol/index.ts';
import { REF_DELTA } from '../../src/sync/protocol/pack-format.ts';
import { buildTestPack, copyOp, deltaHeader, insertOp } from '../support/pack-builder.ts';
import { startHostileRemote, type HostileRemote } from '../reliability/hostile-remote.ts';
import { dumpDatabase, flipObjectByte } from '../reliability/raw-idb.ts';

const who = { name: 'Remote', email: 'remote@example.org', timestamp: 1_767_000_000, timezoneOffset: 0 };

/** A one-commit history of `files` blobs of `size` bytes each, as pack objects, and its head. */
function history(files: number, size: number): { objects: GitObject[]; head: Oid } {
  const blobs = Array.from({ length: files }, (_, i) => noise(size, i + 1));
  const entries = blobs.map((content, i) => ({ name: `file-${i}.bin`, mode: FILE_MODE.file, oid: hashObject('blob', content).oid }));
  const tree = encodeTree(entries);
  const commit = encodeCommit({ tree: hashObject('tree', tree).oid, parents: [], author: who, committer: who, message: 'Binary files\n' });
  const objects: GitObject[] = [{ type: 'commit', content: commit }, { type: 'tree', content: tree }, ...blobs.map((content) => ({ type: 'blob' as const, content }))];
  return { objects, head: hashObject('commit', commit).oid };
}

let server: HostileRemote;
let factory: IDBFactory;
let repo: Repo;

beforeAll(async () => {
  server = await startHostileRemote({ head: '0'.repeat(40), pack: new Uint8Array() });
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  factory = new IDBFactory();
  repo = await openRepo({ name: 'device', indexedDB: factory });
  return () => repo.close();
});

describe('a streamed fetch', () => {
  it('stores 12 MB in several transactions, every object readable and verified', async () => {
    const { objects, head } = history(48, 256 * 1024);
    server.script = { head, pack: encodePack(objects) };
    const seen: SyncProgress[] = [];
    const result = await syncOk(repo.git, { url: server.url, onProgress: (progress) => seen.push(progress) });
    expect(result).toEqual({ kind: 'pulled', head });
    const stored = await repo.git.objects.readMany(objects.map(({ type, content }) => hashObject(type, content).oid));
    expect(stored.map(({ content }) => content.length)).toEqual(objects.map(({ content }) => content.length));
    const batches = Object.keys(await dumpDatabase(factory, 'device')).filter((key) => key.startsWith('batches '));
    expect(batches.length).toBeGreaterThan(1);
    const last = seen.flatMap((progress) => (progress.phase !== 'remote' && progress.objects ? [progress.objects] : [])).at(-1);
    expect(last).toMatchObject({ received: objects.length, resolved: objects.length, stored: objects.length, total: objects.length });
  });

  it('stops when aborted mid-answer and leaves the database as it was', async () => {
    await (await repo.branch()).set('mine.json', '{}\n', { message: 'Mine' });
    const { objects, head } = history(48, 256 * 1024);
    server.script = { head, pack: encodePack(objects) };
    const before = await dumpDatabase(factory, 'device');
    const controller = new AbortController();
    const error = await syncFailure(repo.git, {
      url: server.url,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.phase !== 'remote' && (progress.objects?.stored ?? 0) > 0) controller.abort();
      },
    });
    expect(error).toBeInstanceOf(AbortedError);
    expect(await dumpDatabase(factory, 'device')).toEqual(before);
  });

  it('reports a corrupt local delta base as this device\'s problem, not a broken pack', async () => {
    const base = new TextEncoder().encode('{\n  "name": "a record both sides have, long enough to copy from"\n}\n');
    const main = await repo.branch();
    await main.set('shared.json', base, { message: 'Shared' });
    const baseId = hashObject('blob', base).oid;
    await flipObjectByte(factory, 'device', baseId, -2);
    const changed = new TextEncoder().encode('{\n  "name": "a record both sides have, long enough to copy from, changed"\n}\n');
    const delta = new Uint8Array([...deltaHeader(base.length, changed.length), ...copyOp(0, base.length - 3), ...insertOp([...new TextEncoder().encode(', changed"\n}\n')])]);
    const tree = encodeTree([{ name: 'shared.json', mode: FILE_MODE.file, oid: hashObject('blob', changed).oid }]);
    const parent = (await main.head()) as Oid;
    const commit = encodeCommit({ tree: hashObject('tree', tree).oid, parents: [parent], author: who, committer: who, message: 'Changed\n' });
    const head = hashObject('commit', commit).oid;
    server.script = {
      head,
      pack: buildTestPack([
        { typeCode: 1, data: commit },
        { typeCode: 2, data: tree },
        { typeCode: REF_DELTA, baseOid: baseId, data: delta },
      ]),
    };
    const error = await syncFailure(repo.git, { url: server.url });
    expect(error).toBeInstanceOf(LocalError);
    expect(error.cause).toMatchObject({ code: 'corrupt-object' });
    expect(await repo.git.objects.has(head)).toBe(false);
  });
});
