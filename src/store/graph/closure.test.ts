// The closure check of objects arriving together (a fetched pack, an imported bundle), run
// against every backend: holes, wrong types, trees git refuses, nesting too deep.
import { describe, expect, it } from 'vitest';
import { harnesses, type Harness } from '../../../test/support/store-harness.ts';
import { createMemoryBackend, openRepo, type Repo } from '../index.ts';
import { EMPTY_TREE, encodeCommit, encodeTree, hashObject, utf8, type GitObject } from '../objects/index.ts';
import type { Oid } from '../oid.ts';
import { MAX_TREE_DEPTH } from './closure.ts';

type Incoming = Map<Oid, GitObject>;
const who = { name: 'Ada', email: 'ada@example.org', timestamp: 1_000_000, timezoneOffset: 0 };

/** Adds an object to a set; returns its id. */
function add(set: Incoming, type: GitObject['type'], content: Uint8Array): Oid {
  const { oid } = hashObject(type, content);
  set.set(oid, { type, content });
  return oid;
}

const commitOf = (tree: Oid, parents: Oid[] = []): Uint8Array => encodeCommit({ tree, parents, author: who, committer: who, message: 'x\n' });

/** A tree's content written entry by entry as given: no sorting, so tests can break git's rules. */
function rawTree(entries: ReadonlyArray<{ mode: string; name: string; oid: Oid }>): Uint8Array {
  const parts = entries.map(({ mode, name, oid }) => [...utf8(`${mode} ${name}\0`), ...oid.match(/../g)!.map((hex) => parseInt(hex, 16))]);
  return Uint8Array.from(parts.flat());
}

describe.each(Object.keys(harnesses))('checkClosed on %s', (kind) => {
  const open = async (): Promise<Repo> => (await (harnesses[kind] as Harness).open()).repo;

  /** A device holding commit A; the origin adds B. Returns B's new objects as a pack holds them. */
  async function setUp(): Promise<{ device: Repo; origin: Repo; incoming: Incoming; head: Oid }> {
    const origin = await openRepo({ name: 'origin', backend: createMemoryBackend() });
    const main = await origin.branch();
    await main.transaction((tx) => {
      for (let i = 0; i < 20; i++) tx.set(`items/${i % 4}/${i}.json`, `{"i":${i}}`);
    }, { message: 'A', date: new Date(1_000_000) });
    const device = await open();
    const a = (await main.head()) as Oid;
    await device.git.refs.compareAndSet('refs/heads/main', undefined, a, await origin.git.objects.readMany(await origin.git.graph.listObjectsToSend([a], [])));
    const head = await main.set('items/1/5.json', '{"i":"changed"}', { message: 'B', date: new Date(2_000_000) });
    const oids = await origin.git.graph.listObjectsToSend([head], [a]);
    const objects = await origin.git.objects.readMany(oids);
    return { device, origin, incoming: new Map(oids.map((oid, i) => [oid, objects[i] as GitObject])), head };
  }

  it('accepts a set that, with what the device holds, is closed', async () => {
    const { device, incoming, head } = await setUp();
    expect([...incoming.values()].map((o) => o.type).sort()).toEqual(['blob', 'commit', 'tree', 'tree', 'tree']);
    expect(await device.git.graph.checkClosed(incoming, [head])).toBeUndefined();
  });

  it('names the object a hole leaves out', async () => {
    const { device, incoming, head } = await setUp();
    const blob = hashObject('blob', utf8('{"i":"changed"}')).oid;
    incoming.delete(blob);
    expect(await device.git.graph.checkClosed(incoming, [head])).toEqual({ kind: 'missing', oid: blob });
  });

  it('names a parent the device lacks, and a tip that is nowhere', async () => {
    const { incoming, head } = await setUp();
    const stranger = await open();
    const problem = await stranger.git.graph.checkClosed(incoming, [head]);
    expect(problem?.kind).toBe('missing');
    const nowhere = hashObject('blob', utf8('nowhere')).oid;
    const { device } = await setUp();
    expect(await device.git.graph.checkClosed(incoming, [head, nowhere])).toEqual({ kind: 'missing', oid: nowhere });
  });

  it('finds a hole in a commit whose parent is in the same set (trees compared as bytes)', async () => {
    const { device, origin, incoming, head } = await setUp();
    const c = await (await origin.branch()).set('items/1/9.json', '{"i":"again"}', { message: 'C', date: new Date(3_000_000) });
    const oids = await origin.git.graph.listObjectsToSend([c], [head]);
    (await origin.git.objects.readMany(oids)).forEach((object, i) => incoming.set(oids[i] as Oid, object));
    expect(await device.git.graph.checkClosed(incoming, [c])).toBeUndefined();
    const blob = hashObject('blob', utf8('{"i":"again"}')).oid;
    incoming.delete(blob);
    expect(await device.git.graph.checkClosed(incoming, [c])).toEqual({ kind: 'missing', oid: blob });
  });

  it('refuses an object of the set linked as another type', async () => {
    const device = await open();
    const set: Incoming = new Map();
    const blob = add(set, 'blob', utf8('not a tree'));
    const commit = add(set, 'commit', commitOf(blob));
    expect(await device.git.graph.checkClosed(set, [commit])).toEqual({ kind: 'wrong-type', oid: blob, expected: 'tree', actual: 'blob', from: commit });
    const other: Incoming = new Map();
    const inner = add(other, 'tree', encodeTree([]));
    const tree = add(other, 'tree', rawTree([{ mode: '100644', name: 'file', oid: inner }]));
    const top = add(other, 'commit', commitOf(tree));
    expect(await device.git.graph.checkClosed(other, [top])).toMatchObject({ kind: 'wrong-type', oid: inner, expected: 'blob', actual: 'tree' });
  });

  it('refuses a commit or a tag it cannot read', async () => {
    const device = await open();
    const set: Incoming = new Map();
    const commit = add(set, 'commit', utf8('not a commit'));
    expect(await device.git.graph.checkClosed(set, [commit])).toMatchObject({ kind: 'malformed', oid: commit, type: 'commit' });
    const tags: Incoming = new Map();
    const tag = add(tags, 'tag', utf8('no object line\n'));
    expect(await device.git.graph.checkClosed(tags, [tag])).toMatchObject({ kind: 'malformed', oid: tag, type: 'tag' });
  });

  it('follows a tag to a tree of the set and checks what that tree holds', async () => {
    const device = await open();
    const set: Incoming = new Map();
    const absent = hashObject('blob', utf8('absent')).oid;
    const tree = add(set, 'tree', encodeTree([{ name: 'a', mode: '100644', oid: absent }]));
    const tag = add(set, 'tag', utf8(`object ${tree}\ntype tree\ntag t\ntagger A <a> 1 +0000\n\nmsg\n`));
    expect(await device.git.graph.checkClosed(set, [tag])).toEqual({ kind: 'missing', oid: absent });
    const wrong = add(set, 'tag', utf8(`object ${tree}\ntype commit\ntag t\ntagger A <a> 1 +0000\n\nmsg\n`));
    expect(await device.git.graph.checkClosed(set, [wrong])).toMatchObject({ kind: 'wrong-type', oid: tree, expected: 'commit', actual: 'tree' });
  });

  it('counts the empty tree as there, stored or not', async () => {
    const device = await open();
    const set: Incoming = new Map();
    const commit = add(set, 'commit', commitOf(EMPTY_TREE));
    expect(await device.git.graph.checkClosed(set, [commit])).toBeUndefined();
  });

  it('refuses a tree that breaks git rules, wherever it is in the set', async () => {
    const device = await open();
    const blob = hashObject('blob', utf8('x')).oid;
    const cases: Array<[string, Array<{ mode: string; name: string; oid: Oid }>]> = [
      ['named ".GiT"', [{ mode: '100644', name: '.GiT', oid: blob }]],
      ['named ".."', [{ mode: '40000', name: '..', oid: EMPTY_TREE }]],
      ['twice', [{ mode: '100644', name: 'a', oid: blob }, { mode: '100644', name: 'a', oid: blob }]],
      ["git's order", [{ mode: '100644', name: 'b', oid: blob }, { mode: '100644', name: 'a', oid: blob }]],
      ['zero-padded', [{ mode: '040000', name: 'd', oid: EMPTY_TREE }]],
    ];
    for (const [reason, entries] of cases) {
      const set: Incoming = new Map();
      const tree = add(set, 'tree', rawTree(entries));
      add(set, 'blob', utf8('x'));
      // Not even linked from a commit: nothing that breaks the rules is stored.
      const problem = await device.git.graph.checkClosed(set, []);
      expect(problem, reason).toMatchObject({ kind: 'malformed', oid: tree, type: 'tree' });
      expect(problem?.kind === 'malformed' && problem.reason, reason).toContain(reason);
    }
  });

  it(`refuses trees nested more than ${MAX_TREE_DEPTH} deep, also when a shallow copy came first`, async () => {
    const device = await open();
    const set: Incoming = new Map();
    let tree = EMPTY_TREE;
    const chain: Oid[] = [];
    for (let depth = 0; depth < MAX_TREE_DEPTH; depth++) chain.push((tree = add(set, 'tree', encodeTree([{ name: 'd', mode: '40000', oid: tree }]))));
    const atLimit = add(set, 'commit', commitOf(tree));
    expect(await device.git.graph.checkClosed(set, [atLimit])).toBeUndefined();
    // The same chain again, one level lower, beside its shallow self: walked again when met deeper.
    const deeper = add(set, 'tree', encodeTree([{ name: 'again', mode: '40000', oid: add(set, 'tree', encodeTree([{ name: 'd', mode: '40000', oid: tree }])) }, { name: 'd', mode: '40000', oid: tree }]));
    const tooDeep = add(set, 'commit', commitOf(deeper));
    expect(await device.git.graph.checkClosed(set, [tooDeep])).toMatchObject({ kind: 'too-deep', limit: MAX_TREE_DEPTH });
  });
});

