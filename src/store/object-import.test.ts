// Imports: objects stored over several transactions, hidden until committed, deleted when
// aborted or abandoned. Run against the memory backend and IndexedDB (fake-indexeddb).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createMemoryBackend, ObjectNotFoundError, ObjectRunBuilder, openRepo, type Repo } from './index.ts';
import { encodeCommit, hashObject, unwrapObject, utf8, type HashedObject } from './objects/index.ts';
import type { Oid } from './oid.ts';

const blob = (text: string): HashedObject => hashObject('blob', utf8(text));

/** A run of `objects`, laid out in small chunks so a run spans several. */
function runOf(objects: readonly HashedObject[]) {
  const builder = new ObjectRunBuilder(64);
  for (const { oid, raw } of objects) builder.add(oid, raw);
  return builder.take();
}

/** A commit of an empty tree, with its objects. */
function commitObjects(message: string): { commit: HashedObject; objects: HashedObject[] } {
  const tree = hashObject('tree', new Uint8Array());
  const signature = { name: 'A', email: 'a@example.org', timestamp: 1_700_000_000, timezoneOffset: 0 };
  const commit = hashObject('commit', encodeCommit({ tree: tree.oid, parents: [], author: signature, committer: signature, message }));
  return { commit, objects: [tree, commit] };
}

const backends: Record<string, () => { open: () => Promise<Repo>; countBatches?: () => Promise<number> }> = {
  memory: () => {
    const backend = createMemoryBackend();
    return { open: () => openRepo({ name: 'import', backend }) };
  },
  indexeddb: () => {
    const factory = new IDBFactory();
    const countBatches = () =>
      new Promise<number>((resolve, reject) => {
        const request = factory.open('import');
        request.onsuccess = () => {
          const count = request.result.transaction('chunks').objectStore('chunks').count();
          count.onsuccess = () => {
            request.result.close();
            resolve(count.result);
          };
        };
        request.onerror = () => reject(request.error);
      });
    return { open: () => openRepo({ name: 'import', indexedDB: factory }), countBatches };
  },
};

describe.each(Object.keys(backends))('object imports (%s)', (kind) => {
  const setUp = backends[kind] as (typeof backends)[string];

  it('hides runs until the commit shows them all and moves the ref with them', async () => {
    const { open } = setUp();
    const repo = await open();
    const { commit, objects } = commitObjects('fetched');
    const blobs = Array.from({ length: 20 }, (_, i) => blob(`object ${i}`));
    const started = await repo.git.objects.beginImport();
    await started.put(runOf(blobs.slice(0, 10)));
    await started.put(runOf([...blobs.slice(10), ...objects]));
    expect(await repo.git.objects.missing(blobs.map(({ oid }) => oid))).toHaveLength(20);
    const peer = await open();
    await expect(peer.git.objects.read(commit.oid)).rejects.toBeInstanceOf(ObjectNotFoundError);
    expect(await started.commit({ name: 'refs/remotes/origin/main', expected: undefined, next: commit.oid })).toBe(true);
    expect(await repo.git.objects.missing(blobs.map(({ oid }) => oid))).toEqual([]);
    expect((await peer.git.objects.read(blobs[15]!.oid)).content).toEqual(utf8('object 15'));
    expect(await peer.git.refs.read('refs/remotes/origin/main')).toBe(commit.oid);
  });

  it('changes nothing when the ref moved meanwhile, and aborts to the store as it was', async () => {
    const { open, countBatches } = setUp();
    const repo = await open();
    const first = commitObjects('first');
    await repo.git.objects.write(first.objects.map(({ raw }) => unwrapObject(raw)));
    await repo.git.refs.compareAndSet('refs/remotes/origin/main', undefined, first.commit.oid);
    const before = await countBatches?.();
    const second = commitObjects('second');
    const started = await repo.git.objects.beginImport();
    await started.put(runOf([blob('x'), ...second.objects]));
    expect(await started.commit({ name: 'refs/remotes/origin/main', expected: undefined, next: second.commit.oid })).toBe(false);
    expect(await repo.git.objects.has(second.commit.oid)).toBe(false);
    await started.abort();
    expect(await repo.git.refs.read('refs/remotes/origin/main')).toBe(first.commit.oid);
    expect(await repo.git.objects.has(blob('x').oid)).toBe(false);
    expect(await countBatches?.()).toBe(before);
  });

  it("keeps the caller's loose form of the new head only when it hashes to that head", async () => {
    const repo = await setUp().open();
    const { commit, objects } = commitObjects('fetched');
    const started = await repo.git.objects.beginImport();
    await started.put(runOf(objects));
    const impostor = commitObjects('not the one fetched').commit.raw;
    expect(await started.commit({ name: 'refs/remotes/origin/main', expected: undefined, next: commit.oid, nextRaw: impostor })).toBe(true);
    expect((await repo.git.objects.readCommit(commit.oid)).message).toBe('fetched');
  });

  it('refuses to point a ref at a commit neither imported nor stored', async () => {
    const repo = await setUp().open();
    const started = await repo.git.objects.beginImport();
    await started.put(runOf([blob('y')]));
    const nowhere = commitObjects('nowhere').commit.oid;
    await expect(started.commit({ name: 'refs/remotes/origin/main', expected: undefined, next: nowhere })).rejects.toMatchObject({ code: 'object-not-found' });
  });
});

describe('an abandoned import', () => {
  it('is deleted by the next import of another handle, and never shown', async () => {
    const factory = new IDBFactory();
    const crashed = await openRepo({ name: 'abandoned', indexedDB: factory });
    const started = await crashed.git.objects.beginImport();
    const lost = Array.from({ length: 5 }, (_, i) => blob(`lost ${i}`));
    await started.put(runOf(lost));
    await crashed.close(); // the tab went away mid-fetch
    const next = await openRepo({ name: 'abandoned', indexedDB: factory });
    expect(await next.git.objects.missing(lost.map(({ oid }) => oid as Oid))).toHaveLength(5);
    await (await next.git.objects.beginImport()).abort();
    const chunks = await new Promise<number>((resolve) => {
      const request = factory.open('abandoned');
      request.onsuccess = () => {
        const count = request.result.transaction('chunks').objectStore('chunks').count();
        count.onsuccess = () => resolve(count.result);
      };
    });
    expect(chunks).toBe(0);
  });
});
