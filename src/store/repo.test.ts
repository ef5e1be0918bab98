// The store's everyday operations, run against every backend (see test/support/store-harness.ts).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  CorruptObjectError,
  InvalidOidError,
  InvalidPathError,
  NotAFileError,
  ObjectNotFoundError,
  openRepo,
} from './index.ts';
import { utf8, hashObject } from './objects/index.ts';
import { harnesses, info, json, text, waitFor, type Harness } from '../../test/support/store-harness.ts';

describe.each(Object.keys(harnesses))('store on %s', (kind) => {
  const open = () => (harnesses[kind] as Harness).open();

  it('commits each set and reads files back at the head', async () => {
    const { repo } = await open();
    const main = await repo.branch();
    expect(await main.head()).toBeUndefined();
    expect(await main.list()).toEqual([]);
    const first = await main.set('items/3f/one.json', '{"name":"one"}\n', info('Create one'));
    const second = await main.set('notes.md', utf8('# hi'), info('Add notes'));
    expect(first).toMatch(/^[0-9a-f]{40}$/);
    expect(second).not.toBe(first);
    expect(await main.head()).toBe(second);
    expect(text(await main.get('items/3f/one.json'))).toBe('{"name":"one"}\n');
    expect(await main.list()).toEqual(['items', 'notes.md']);
    expect(await main.list('items/3f')).toEqual(['one.json']);
    expect(await main.get('missing.txt')).toBeUndefined();
    expect(await main.list('nowhere')).toEqual([]);
    expect([...(await main.getAll())].map(([path, bytes]) => [path, text(bytes)]).sort()).toEqual([
      ['items/3f/one.json', '{"name":"one"}\n'],
      ['notes.md', '# hi'],
    ]);
    expect([...(await main.getAll('items'))].map(([path]) => path)).toEqual(['items/3f/one.json']);
    expect((await main.getAll('nowhere')).size).toBe(0);
    await expect(main.get('items')).rejects.toBeInstanceOf(NotAFileError);
    await repo.close();
  });

  it('makes a transaction one commit, and an unchanged write no commit', async () => {
    const { repo } = await open();
    const main = await repo.branch();
    await main.set('a.txt', 'a', info('a'));
    const head = await main.transaction(async (tx) => {
      tx.set('b/1.txt', '1');
      tx.set('b/2.txt', '2');
      expect(text(await tx.get('b/1.txt'))).toBe('1');
      tx.remove('a.txt');
      expect(await tx.get('a.txt')).toBeUndefined();
    }, info('several'));
    const history = await main.history();
    expect(history.map((c) => c.message)).toEqual(['several', 'a']);
    expect(history[0]?.id).toBe(head);
    expect(await main.list()).toEqual(['b']);
    expect(await main.set('b/1.txt', '1', info('same again'))).toBe(head);
    expect(await main.history()).toHaveLength(2);
    await repo.close();
  });

  it('removes files and folders, and empty folders vanish', async () => {
    const { repo } = await open();
    const main = await repo.branch();
    await main.set('x/y/z.txt', 'z', info('z'));
    await main.remove('x/y/z.txt', info('remove z'));
    expect(await main.list()).toEqual([]);
    await main.set('x/y/z.txt', 'z', info('z again'));
    await main.set('x/w.txt', 'w', info('w'));
    await main.remove('x/y', info('remove folder'));
    expect(await main.list('x')).toEqual(['w.txt']);
    await repo.close();
  });

  it('pages history newest first and shows any past commit read-only', async () => {
    const { repo } = await open();
    const main = await repo.branch();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await main.set('counter.txt', String(i), info(`set ${i}`)));
    const page1 = await main.history({ limit: 5 });
    const page2 = await main.history({ limit: 5, skip: 5 });
    expect(page1.map((c) => c.message.trim())).toEqual(['set 11', 'set 10', 'set 9', 'set 8', 'set 7']);
    expect(page2.map((c) => c.message.trim())).toEqual(['set 6', 'set 5', 'set 4', 'set 3', 'set 2']);
    expect(page1[0]?.author).toEqual({ name: 'Tester', email: 'tester@example.org' });
    expect(page1[1]?.parents).toEqual([ids[9]]);
    const past = await repo.view(ids[3] as string);
    expect(past.commitId).toBe(ids[3]);
    expect(text(await past.get('counter.txt'))).toBe('3');
    const diff = await repo.diff(ids[3], ids[4] as string);
    expect(diff).toEqual([{ path: 'counter.txt', kind: 'modified', before: hashObject('blob', utf8('3')).oid, after: hashObject('blob', utf8('4')).oid }]);
    await repo.close();
  });

  it('refuses bad paths and unknown commits with typed errors', async () => {
    const { repo } = await open();
    const main = await repo.branch();
    await expect(main.set('../escape', 'x', info('bad'))).rejects.toBeInstanceOf(InvalidPathError);
    await expect(main.set('a//b', 'x', info('bad'))).rejects.toThrow(/empty segment/);
    await expect(main.set('a\0b', 'x', info('bad'))).rejects.toThrow(/NUL/);
    await expect(repo.view('nope')).rejects.toBeInstanceOf(InvalidOidError);
    await expect(repo.view('0'.repeat(40))).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(main.revert('1'.repeat(40), info('x'))).rejects.toBeInstanceOf(ObjectNotFoundError);
    expect(await main.head()).toBeUndefined();
    await repo.close();
  });

  it('stores objects with ids the caller computed, and a wrong id reads as corrupt', async () => {
    const { repo } = await open();
    const good = hashObject('blob', utf8('good'));
    const wrong = hashObject('blob', utf8('other')).oid;
    await repo.git.objects.writeHashed([
      { oid: good.oid, type: 'blob', content: utf8('good') },
      { oid: wrong, type: 'blob', content: utf8('not other') },
    ]);
    expect(text((await repo.git.objects.read(good.oid)).content)).toBe('good');
    await expect(repo.git.objects.read(wrong)).rejects.toBeInstanceOf(CorruptObjectError);
    await repo.close();
  });

  it('detects a corrupt object on read and never returns it', async () => {
    const { repo, backend } = await open();
    const main = await repo.branch();
    await main.set('a.txt', 'original', info('a'));
    const blob = hashObject('blob', utf8('original'));
    // Overwrite the stored bytes under the same id, as disk corruption would.
    await backend.putObjects([{ oid: blob.oid, raw: hashObject('blob', utf8('tampered')).raw }]);
    await expect(main.get('a.txt')).rejects.toBeInstanceOf(CorruptObjectError);
    await expect(main.getAll()).rejects.toBeInstanceOf(CorruptObjectError);
    await expect(repo.git.objects.read(blob.oid)).rejects.toThrow(/do not hash to its id/);
    await repo.close();
  });

  it('loses no commit when two handles (tabs) commit at once', async () => {
    const { repo, peer } = await open();
    const other = await peer();
    const [tabA, tabB] = [await repo.branch(), await other.branch()];
    await tabA.set('shared.json', '{"a":0,"b":0}', info('create'));
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 10; i++) {
      writes.push(tabA.set(`a/${i}.txt`, `a${i}`, info(`a ${i}`)));
      writes.push(tabB.set(`b/${i}.txt`, `b${i}`, info(`b ${i}`)));
    }
    writes.push(tabA.set('shared.json', '{"a":1,"b":0}', info('a edits shared')));
    writes.push(tabB.set('shared.json', '{"a":0,"b":1}', info('b edits shared')));
    await Promise.all(writes);
    expect(await tabA.list('a')).toHaveLength(10);
    expect(await tabB.list('b')).toHaveLength(10);
    expect(json(await tabA.get('shared.json'))).toEqual({ a: 1, b: 1 });
    const messages = (await tabA.history()).map((c) => c.message.trim());
    for (let i = 0; i < 10; i++) expect(messages).toEqual(expect.arrayContaining([`a ${i}`, `b ${i}`]));
    await other.close();
    await repo.close();
  });

  it('writes over a change another handle made after this one last looked', async () => {
    const { repo, peer } = await open();
    const other = await peer();
    const [tabA, tabB] = [await repo.branch(), await other.branch()];
    await tabA.set('x.txt', 'a', info('a'));
    await tabB.set('x.txt', 'b', info('b'));
    // Tab A still believes x.txt is "a"; writing "a" again must not be skipped as a no-op.
    await tabA.set('x.txt', 'a', info('a again'));
    expect(text(await tabB.get('x.txt'))).toBe('a');
    await tabA.set('y.txt', 'y', info('y'));
    await tabB.set('x.txt', 'c', info('c'));
    await tabA.set('z.txt', 'z', info('z'));
    expect(await tabA.list()).toEqual(['x.txt', 'y.txt', 'z.txt']);
    expect(text(await tabA.get('x.txt'))).toBe('c');
    await other.close();
    await repo.close();
  });

  it('tells watchers of each new head, from this handle and another', async () => {
    const { repo, peer } = await open();
    const other = await peer();
    const main = await repo.branch();
    const seen: string[] = [];
    const stop = main.watch((head) => seen.push(head));
    const first = await main.set('a.txt', 'a', info('a'));
    const second = await (await other.branch()).set('b.txt', 'b', info('b'));
    await waitFor(() => seen.length >= 2);
    expect(seen).toEqual([first, second]);
    stop();
    await main.set('c.txt', 'c', info('c'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toHaveLength(2);
    await other.close();
    await repo.close();
  });

  it('keeps any ref by compare-and-set, refusing one that points nowhere', async () => {
    const { repo } = await open();
    const head = await (await repo.branch()).set('a.txt', 'a', info('a'));
    expect(await repo.git.refs.compareAndSet('refs/remotes/origin/main', undefined, head)).toBe(true);
    expect(await repo.git.refs.compareAndSet('refs/remotes/origin/main', undefined, head)).toBe(false);
    expect(await repo.git.refs.read('refs/remotes/origin/main')).toBe(head);
    expect([...(await repo.git.refs.list('refs/remotes/'))]).toEqual([['refs/remotes/origin/main', head]]);
    expect([...(await repo.listBranches())]).toEqual([['main', head]]);
    await expect(repo.git.refs.compareAndSet('refs/heads/x', undefined, '2'.repeat(40) as never)).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(repo.git.refs.read('HEAD')).rejects.toThrow(/Invalid ref name/);
    expect(await repo.git.refs.read('refs/heads/x')).toBeUndefined();
    expect(await repo.git.objects.read('4b825dc642cb6eb9a060e54bf8d69288fbee4904')).toEqual({ type: 'tree', content: new Uint8Array() });
    const absent = '3'.repeat(40);
    expect(await repo.git.objects.missing([head, absent])).toEqual([absent]);
    expect(await repo.git.objects.has(head)).toBe(true);
    await repo.close();
  });

  it('lists the commits one tip has and another lacks, newest first', async () => {
    const { repo } = await open();
    const main = await repo.branch();
    const base = await main.set('a.txt', '1', info('1'));
    const side = await repo.branch('side');
    await side.merge('main', info('ff'));
    const m2 = await main.set('a.txt', '2', info('2'));
    const m3 = await main.set('a.txt', '3', info('3'));
    const s1 = await side.set('b.txt', 'b', info('b'));
    expect(await repo.git.graph.listCommitsBetween([m3], [base])).toEqual([m3, m2]);
    expect(await repo.git.graph.listCommitsBetween([m3], [s1])).toEqual([m3, m2]);
    expect(await repo.git.graph.listCommitsBetween([m3, s1], [])).toEqual([s1, m3, m2, base]);
    expect(await repo.git.graph.listCommitsBetween([base], [m3])).toEqual([]);
    const merge = await main.merge('side', info('merge'));
    expect(await repo.git.graph.listCommitsBetween([merge], [s1])).toEqual([merge, m3, m2]);
    await repo.close();
  });

  it('keeps the executable bit of a file it did not write', async () => {
    const { repo } = await open();
    const blob = hashObject('blob', utf8('#!/bin/sh\n'));
    const { encodeTree, encodeCommit } = await import('./objects/index.ts');
    const tree = hashObject('tree', encodeTree([{ name: 'run.sh', mode: '100755', oid: blob.oid }]));
    const sig = { name: 'git', email: 'git@example.org', timestamp: 1, timezoneOffset: 0 };
    const commit = { type: 'commit' as const, content: encodeCommit({ tree: tree.oid, parents: [], author: sig, committer: sig, message: 'x\n' }) };
    const [, , commitId] = await repo.git.objects.write([
      { type: 'blob', content: utf8('#!/bin/sh\n') },
      { type: 'tree', content: encodeTree([{ name: 'run.sh', mode: '100755', oid: blob.oid }]) },
      commit,
    ]);
    expect(await repo.git.refs.compareAndSet('refs/heads/main', undefined, commitId as never)).toBe(true);
    const main = await repo.branch();
    const next = await main.set('run.sh', '#!/bin/sh\necho hi\n', info('edit script'));
    const { decodeTree } = await import('./objects/index.ts');
    const nextTree = (await repo.readCommit(next)).tree;
    const entries = decodeTree((await repo.git.objects.read(nextTree)).content);
    expect(entries.map((e) => [e.name, e.mode])).toEqual([['run.sh', '100755']]);
    await repo.close();
  });
});

describe('store on IndexedDB', () => {
  it('keeps everything across close and reopen', async () => {
    const factory = new IDBFactory();
    const first = await openRepo({ name: 'persist', indexedDB: factory });
    const head = await (await first.branch()).set('a/b.txt', 'kept', info('keep'));
    await first.close();
    await expect((await first.branch()).head()).rejects.toThrow(/closed/);
    const second = await openRepo({ name: 'persist', indexedDB: factory });
    const main = await second.branch();
    expect(await main.head()).toBe(head);
    expect(text(await main.get('a/b.txt'))).toBe('kept');
    await second.close();
  });
});
