// Bad input from a server: `sync` fetching from a smart-HTTP server (hostile-remote.ts) whose pack
// lies about ids, leaves holes, carries bad deltas, declares huge sizes or is not a pack at all.
// Each is refused with a ProtocolError (a SyncError, code 'protocol') that says what was wrong,
// and the device's IndexedDB holds exactly what it held before: no object, no ref, no tracking
// ref. The codec's own cases are in src/sync/protocol/pack-hostile.test.ts; these go through
// the whole sync, over HTTP, into a real store.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  concatBytes,
  CorruptObjectError,
  EMPTY_TREE,
  encodeCommit,
  encodeTree,
  FILE_MODE,
  hashObject,
  MAX_TREE_DEPTH,
  openRepo,
  type ObjectType,
  type Oid,
  type Repo,
} from '../../src/store/index.ts';
import { importBundle, LocalError, ProtocolError, SyncError, sync } from '../../src/sync/index.ts';
import { encodeBundleHeader } from '../../src/sync/bundle/index.ts';
import { encodePack } from '../../src/sync/protocol/index.ts';
import { OFS_DELTA, REF_DELTA } from '../../src/sync/protocol/pack-format.ts';
import { buildTestPack, copyOp, deltaHeader, resealPack, type TestEntry } from '../support/pack-builder.ts';
import { startHostileRemote, type HostileRemote } from './hostile-remote.ts';
import { dumpDatabase, flipObjectByte } from './raw-idb.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const who = { name: 'Remote', email: 'remote@example.org', timestamp: 1_767_000_000, timezoneOffset: 0 };

/** A small valid history on the "remote": one commit, its tree, one blob. */
const blob = utf8('{\n  "name": "From the server"\n}\n');
const blobId = hashObject('blob', blob).oid;
const tree = encodeTree([{ name: 'remote.json', mode: FILE_MODE.file, oid: blobId }]);
const treeId = hashObject('tree', tree).oid;
const commitOf = (treeOid: Oid): Uint8Array => encodeCommit({ tree: treeOid, parents: [], author: who, committer: who, message: 'Remote commit\n' });
const commit = commitOf(treeId);
const commitId = hashObject('commit', commit).oid;
const NOWHERE = '0123456789abcdef0123456789abcdef01234567';

const object = (type: ObjectType, content: Uint8Array) => ({ type, content });
const TYPE: Record<ObjectType, 1 | 2 | 3 | 4> = { commit: 1, tree: 2, blob: 3, tag: 4 };
const entry = (type: ObjectType, data: Uint8Array, size?: number): TestEntry => ({ typeCode: TYPE[type], data, ...(size === undefined ? {} : { size }) });

let server: HostileRemote;
let factory: IDBFactory;
let repo: Repo;

beforeAll(async () => {
  server = await startHostileRemote({ head: commitId, pack: new Uint8Array() });
});
afterAll(async () => {
  await server.close();
});

/** A device with a commit of its own, so that "unchanged" covers objects and refs. */
beforeEach(async () => {
  factory = new IDBFactory();
  repo = await openRepo({ name: 'device', indexedDB: factory });
  await (await repo.branch()).set('mine.json', '{\n  "name": "Mine"\n}\n', { message: 'My commit' });
  return () => repo.close();
});

/** Syncs against `head` and `pack`; expects a ProtocolError and an untouched database; returns the message. */
async function expectRefused(head: string, pack: Uint8Array): Promise<string> {
  server.script = { head, pack };
  server.requests.length = 0;
  const before = await dumpDatabase(factory, 'device');
  const outcome = await sync(repo.git, { url: server.url });
  const error = outcome.kind === 'failed' ? outcome.error : new Error('the sync succeeded');
  expect(error).toBeInstanceOf(ProtocolError);
  expect((error as SyncError).code).toBe('protocol');
  expect(server.requests.some((request) => request.startsWith('POST') && request.endsWith('/git-upload-pack'))).toBe(true);
  expect(await dumpDatabase(factory, 'device')).toEqual(before);
  return (error as Error).message;
}

describe('sync refuses a hostile pack from the server and changes nothing', () => {
  it('takes the same history when the pack is honest (so the refusals below are about the pack)', async () => {
    const fresh = await openRepo({ name: 'fresh', indexedDB: new IDBFactory() });
    server.script = { head: commitId, pack: encodePack([object('commit', commit), object('tree', tree), object('blob', blob)]) };
    const result = await sync(fresh.git, { url: server.url });
    expect(result).toEqual({ kind: 'pulled', head: commitId });
    expect(new TextDecoder().decode(await (await fresh.branch()).get('remote.json'))).toContain('From the server');
    await fresh.close();
  });

  it('wrong ids: the advertised head is not in the pack', async () => {
    const pack = encodePack([object('commit', commit), object('tree', tree), object('blob', blob)]);
    expect(await expectRefused(NOWHERE, pack)).toMatch(`it refers to object ${NOWHERE}, which neither the pack nor this device has`);
  });

  it('wrong ids: the commit names a tree the pack does not hold', async () => {
    const pack = encodePack([object('commit', commit), object('blob', blob)]);
    expect(await expectRefused(commitId, pack)).toMatch(`it refers to object ${treeId}`);
  });

  // The connectivity check checks each object's type before decoding it as a tree or commit.
  it('wrong ids: the commit names a blob as its tree', async () => {
    const lying = commitOf(blobId);
    const pack = encodePack([object('commit', lying), object('blob', blob)]);
    expect(await expectRefused(hashObject('commit', lying).oid, pack)).toMatch(/^The server sent a pack we could not read: .+/);
  });

  it('bad deltas: a copy past the end of its base, and a base that is not there', async () => {
    const outOfRange = new Uint8Array([...deltaHeader(blob.length, 64), ...copyOp(blob.length - 4, 64)]);
    const copyPastEnd = buildTestPack([entry('commit', commit), entry('tree', tree), entry('blob', blob), { typeCode: OFS_DELTA, baseIndex: 2, data: outOfRange }]);
    expect(await expectRefused(commitId, copyPastEnd)).toMatch(/^The server sent a (delta|pack) we could not read/);
    const unknownBase = buildTestPack([entry('commit', commit), entry('tree', tree), { typeCode: REF_DELTA, baseOid: NOWHERE, data: outOfRange }]);
    expect(await expectRefused(commitId, unknownBase)).toMatch(/^The server sent a (delta|pack) we could not read/);
  });

  it('huge sizes: an entry declaring 1 TB, and a delta claiming a 4 GB result', async () => {
    const huge = buildTestPack([entry('commit', commit), entry('tree', tree), entry('blob', blob, 2 ** 40)]);
    expect(await expectRefused(commitId, huge)).toMatch(/^The server sent a pack we could not read/);
    const bomb = new Uint8Array([...deltaHeader(blob.length, 2 ** 32), ...copyOp(0, blob.length)]);
    const deltaBomb = buildTestPack([entry('commit', commit), entry('tree', tree), entry('blob', blob), { typeCode: OFS_DELTA, baseIndex: 2, data: bomb }]);
    expect(await expectRefused(commitId, deltaBomb)).toMatch(/^The server sent a (delta|pack) we could not read/);
  });

  it('a pack whose object count or checksum lies, or that is cut short', async () => {
    const honest = encodePack([object('commit', commit), object('tree', tree), object('blob', blob)]);
    const counted = honest.slice();
    new DataView(counted.buffer).setUint32(8, 0xffff_ffff);
    expect(await expectRefused(commitId, resealPack(counted))).toMatch(/^The server sent a pack we could not read/);
    const flipped = honest.slice();
    flipped[20] = (flipped[20] as number) ^ 0xff;
    expect(await expectRefused(commitId, flipped)).toMatch(/^The server sent a pack we could not read/);
    expect(await expectRefused(commitId, honest.subarray(0, honest.length - 30))).toMatch(/^The server sent a pack we could not read/);
  });

  it('not a pack at all: an HTML page, and nothing', async () => {
    const html = utf8('<!doctype html><title>Sign in</title><p>Please sign in to continue.</p>');
    expect(await expectRefused(commitId, html)).toMatch(/^The server sent a pack we could not read/);
    expect(await expectRefused(commitId, concatBytes([]))).toMatch(/^The server sent a pack we could not read/);
  });

  // Git's fsck refuses these trees; stored, a duplicate name would hide one of its entries.
  it('trees git refuses: ".git" in any case, "..", a name twice, names out of order, a zero-padded mode', async () => {
    const cases: Array<[RegExp, Array<[mode: string, name: string, oid: string]>]> = [
      [/an entry named "\.Git"/, [['100644', '.Git', blobId]]],
      [/an entry named "\."/, [['40000', '.', EMPTY_TREE]]],
      [/an entry named "\.\."/, [['40000', '..', EMPTY_TREE]]],
      [/"remote\.json" twice/, [['100644', 'remote.json', blobId], ['100644', 'remote.json', blobId]]],
      [/not in git's order/, [['100644', 'z.json', blobId], ['100644', 'remote.json', blobId]]],
      [/zero-padded mode "040000"/, [['040000', 'folder', EMPTY_TREE], ['100644', 'remote.json', blobId]]],
    ];
    for (const [expected, entries] of cases) {
      const badTree = concatBytes(entries.map(([mode, name, oid]) => concatBytes([utf8(`${mode} ${name}\0`), hexBytes(oid)])));
      const badCommit = commitOf(hashObject('tree', badTree).oid);
      const pack = encodePack([object('commit', badCommit), object('tree', badTree), object('blob', blob)]);
      expect(await expectRefused(hashObject('commit', badCommit).oid, pack)).toMatch(expected);
    }
  });

  it(`trees nested more than ${MAX_TREE_DEPTH} deep`, async () => {
    const trees: Uint8Array[] = [];
    let inner: Oid = treeId;
    for (let depth = 0; depth < MAX_TREE_DEPTH; depth++) {
      trees.push(encodeTree([{ name: 'd', mode: FILE_MODE.tree, oid: inner }]));
      inner = hashObject('tree', trees.at(-1) as Uint8Array).oid;
    }
    const deep = commitOf(inner);
    const pack = encodePack([object('commit', deep), ...trees.map((content) => object('tree', content)), object('tree', tree), object('blob', blob)]);
    expect(await expectRefused(hashObject('commit', deep).oid, pack)).toMatch(`nest more than ${MAX_TREE_DEPTH} levels deep`);
  });
});

// A thin pack's delta whose base this device holds: when the device cannot read that base (its
// bytes are damaged here), the fault is the device's, not a broken pack from the server.
describe('a delta base this device cannot read', () => {
  const mine = utf8('{\n  "name": "Mine"\n}\n');
  const mineId = hashObject('blob', mine).oid;
  const thinTree = encodeTree([{ name: 'remote.json', mode: FILE_MODE.file, oid: mineId }]);
  const thinCommit = commitOf(hashObject('tree', thinTree).oid);
  const thinPack = buildTestPack([
    entry('commit', thinCommit),
    entry('tree', thinTree),
    { typeCode: REF_DELTA, baseOid: mineId, data: new Uint8Array([...deltaHeader(mine.length, mine.length), ...copyOp(0, mine.length)]) },
  ]);

  // This remote takes no push, so the sync ends there; what it fetched is stored all the same.
  it('is taken from this device when it reads (so the failure below is about the base)', async () => {
    server.script = { head: hashObject('commit', thinCommit).oid, pack: thinPack };
    await sync(repo.git, { url: server.url });
    expect(await repo.git.objects.has(hashObject('commit', thinCommit).oid)).toBe(true);
  });

  it('fails the sync as this device\'s problem, naming the corrupt object, and stores nothing', async () => {
    await flipObjectByte(factory, 'device', mineId, -3);
    server.script = { head: hashObject('commit', thinCommit).oid, pack: thinPack };
    const before = await dumpDatabase(factory, 'device');
    const outcome = await sync(repo.git, { url: server.url });
    const error = outcome.kind === 'failed' ? outcome.error : new Error('the sync succeeded');
    expect(error).toBeInstanceOf(LocalError);
    expect(error.message).toContain(`Object ${mineId} is corrupt`);
    expect(await dumpDatabase(factory, 'device')).toEqual(before);
  });

  it('fails an import of that pack as a bundle with the store\'s error, not as a corrupt file', async () => {
    await flipObjectByte(factory, 'device', mineId, -3);
    const bundle = concatBytes([encodeBundleHeader([{ name: 'refs/heads/main', oid: hashObject('commit', thinCommit).oid }]), thinPack]);
    const before = await dumpDatabase(factory, 'device');
    const error: unknown = await importBundle(repo.git, bundle).then(
      () => new Error('the import succeeded'),
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CorruptObjectError);
    expect(await dumpDatabase(factory, 'device')).toEqual(before);
  });
});

function hexBytes(oid: string): Uint8Array {
  return Uint8Array.from(oid.match(/../g) ?? [], (hex) => parseInt(hex, 16));
}
