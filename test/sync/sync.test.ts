// Sync against the real `git http-backend` on 127.0.0.1, with two stores as two devices.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync, writeFileSync, mkdirSync, chmodSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGitRemote } from '../../server/git-remote.ts';
import { openRepo, parseJsonObject, type Repo } from '../../src/store/index.ts';
import { NotARemoteError, UnreachableError } from '../../src/sync/index.ts';
import { syncFailure, syncOk } from '../support/sync-ok.ts';
import { git, gitAsync, gitRun, gitText, makeTempDir, removeTempDirs } from '../support/git-cli.ts';
import { assertHeadComplete, readAllFiles } from '../support/store-walk.ts';

let remote: Awaited<ReturnType<typeof startGitRemote>>;
let dataDir: string;
const repos: Repo[] = [];
let counter = 0;
let clock = Date.UTC(2026, 0, 1);

beforeAll(async () => {
  dataDir = makeTempDir('sync-remote-');
  remote = await startGitRemote({ dataDir, port: 0 });
});
afterAll(async () => {
  await remote.close();
  removeTempDirs();
});
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.close()));
});

/** A fresh repository URL on the local remote. */
function newRemoteUrl(): string {
  return `${remote.url}r${++counter}.git`;
}

/** A device: its own IndexedDB. */
async function device(name = 'tasks'): Promise<Repo> {
  const repo = await openRepo({ name, indexedDB: new IDBFactory(), author: { name: `Device ${name}`, email: `${name}@example.org` } });
  repos.push(repo);
  return repo;
}

const info = (message: string) => ({ message, date: new Date((clock += 1000)) });
const text = (bytes: Uint8Array | undefined) => (bytes === undefined ? undefined : new TextDecoder().decode(bytes));

/** `git clone` of the remote into a temp dir, with `git fsck --strict` required clean. */
async function cloneAndFsck(url: string): Promise<string> {
  const dir = join(makeTempDir('sync-clone-'), 'work');
  await gitAsync(['clone', '-q', url, dir]);
  const fsck = gitRun(['fsck', '--strict', '--no-dangling'], { cwd: dir });
  expect(fsck.stderr + fsck.stdout).toBe('');
  expect(fsck.status).toBe(0);
  return dir;
}

describe('sync with a git http-backend remote', () => {
  it('pushes first to an empty remote; git clones it and fsck is clean', async () => {
    const url = newRemoteUrl();
    const a = await device('a');
    const main = await a.branch();
    await main.set('items/3f/one.json', '{\n  "name": "one"\n}\n', info('Create one'));
    await main.set('notes/ünï.md', '# notes\n', info('Add notes'));
    expect(await syncOk(a.git, { url })).toEqual({ kind: 'pushed', head: await main.head() });
    const dir = await cloneAndFsck(url);
    expect(readFileSync(join(dir, 'items/3f/one.json'), 'utf8')).toBe('{\n  "name": "one"\n}\n');
    expect(readFileSync(join(dir, 'notes/ünï.md'), 'utf8')).toBe('# notes\n');
    expect(gitText(['log', '--format=%s'], { cwd: dir }).trim().split('\n')).toEqual(['Add notes', 'Create one']);
    expect(await syncOk(a.git, { url })).toEqual({ kind: 'up-to-date', head: await main.head() });
  });

  it('clones into a second device, and an empty remote and empty store stay up to date', async () => {
    const url = newRemoteUrl();
    const empty = await device('empty');
    expect(await syncOk(empty.git, { url })).toEqual({ kind: 'up-to-date', head: undefined });
    const a = await device('a');
    await (await a.branch()).set('a.txt', 'from a', info('a'));
    await syncOk(a.git, { url });
    const b = await device('b');
    const result = await syncOk(b.git, { url });
    expect(result.kind).toBe('pulled');
    expect(result.head).toBe(await (await a.branch()).head());
    expect(text(await (await b.branch()).get('a.txt'))).toBe('from a');
    await assertHeadComplete(b);
  });

  it('merges concurrent edits of two devices, to one JSON record and to different files', async () => {
    const url = newRemoteUrl();
    const a = await device('a');
    await (await a.branch()).set('rec.json', '{\n  "a": 0,\n  "b": 0\n}\n', info('create'));
    await syncOk(a.git, { url });
    const b = await device('b');
    await syncOk(b.git, { url });
    await (await a.branch()).transaction((tx) => {
      tx.set('rec.json', '{\n  "a": 1,\n  "b": 0\n}\n');
      tx.set('from-a.txt', 'a');
    }, info('a edits'));
    await (await b.branch()).transaction((tx) => {
      tx.set('rec.json', '{\n  "a": 0,\n  "b": 2\n}\n');
      tx.set('from-b.txt', 'b');
    }, info('b edits'));
    expect((await syncOk(a.git, { url })).kind).toBe('pushed');
    expect((await syncOk(b.git, { url })).kind).toBe('merged-and-pushed');
    expect((await syncOk(a.git, { url })).kind).toBe('pulled');
    const [mainA, mainB] = [await a.branch(), await b.branch()];
    expect(await mainA.head()).toBe(await mainB.head());
    for (const main of [mainA, mainB]) {
      expect(parseJsonObject((await main.get('rec.json')) as Uint8Array)).toEqual({ a: 1, b: 2 });
      expect(await main.list()).toEqual(['from-a.txt', 'from-b.txt', 'rec.json']);
    }
    await cloneAndFsck(url);
  });

  it('pulls commits made with the git CLI', async () => {
    const url = newRemoteUrl();
    const a = await device('a');
    await (await a.branch()).set('a.txt', 'a', info('a'));
    await syncOk(a.git, { url });
    const dir = join(makeTempDir('sync-cli-'), 'work');
    await gitAsync(['clone', '-q', url, dir]);
    writeFileSync(join(dir, 'cli.txt'), 'made by git\n');
    git(['add', '.'], { cwd: dir });
    git(['commit', '-qm', 'From the CLI'], { cwd: dir });
    await gitAsync(['push', '-q', 'origin', 'main'], { cwd: dir });
    expect((await syncOk(a.git, { url })).kind).toBe('pulled');
    const main = await a.branch();
    expect(text(await main.get('cli.txt'))).toBe('made by git\n');
    expect((await main.history({ limit: 1 }))[0]?.message).toBe('From the CLI');
  });

  it('round-trips a git-made repo with merges, an executable and a symlink, leaving it fsck-clean', async () => {
    const url = newRemoteUrl();
    const dir = join(makeTempDir('sync-made-'), 'work');
    git(['init', '-q', '-b', 'main', dir]);
    mkdirSync(join(dir, 'bin/deep/er'), { recursive: true });
    writeFileSync(join(dir, 'bin/run.sh'), '#!/bin/sh\necho run\n');
    chmodSync(join(dir, 'bin/run.sh'), 0o755);
    writeFileSync(join(dir, 'bin/deep/er/file.txt'), 'deep\n');
    symlinkSync('bin/run.sh', join(dir, 'link'));
    git(['add', '.'], { cwd: dir });
    git(['commit', '-qm', 'Base'], { cwd: dir });
    git(['checkout', '-qb', 'side'], { cwd: dir });
    writeFileSync(join(dir, 'side.txt'), 'side\n');
    git(['add', '.'], { cwd: dir });
    git(['commit', '-qm', 'Side'], { cwd: dir });
    git(['checkout', '-q', 'main'], { cwd: dir });
    writeFileSync(join(dir, 'main.txt'), 'main\n');
    git(['add', '.'], { cwd: dir });
    git(['commit', '-qm', 'Main'], { cwd: dir });
    git(['merge', '-q', '--no-ff', '-m', 'Merge side', 'side'], { cwd: dir });
    await gitAsync(['push', '-q', url, 'main'], { cwd: dir });
    const before = gitText(['ls-tree', '-r', 'main'], { cwd: dir });

    const a = await device('a');
    expect((await syncOk(a.git, { url })).kind).toBe('pulled');
    await (await a.branch()).set('added.txt', 'added by the store\n', info('Store adds a file'));
    expect((await syncOk(a.git, { url })).kind).toBe('pushed');

    const clone = await cloneAndFsck(url);
    const after = gitText(['ls-tree', '-r', 'main'], { cwd: clone });
    for (const line of before.trim().split('\n')) expect(after).toContain(line);
    expect(after).toMatch(/^100755 blob [0-9a-f]{40}\tbin\/run\.sh$/m);
    expect(after).toMatch(/^120000 blob [0-9a-f]{40}\tlink$/m);
    expect(gitText(['log', '--format=%P', '-1', 'HEAD~1'], { cwd: clone }).trim().split(' ')).toHaveLength(2);
  });

  it('says what went wrong: no repository, or no server', async () => {
    const a = await device('a');
    await (await a.branch()).set('a.txt', 'a', info('a'));
    expect(await syncFailure(a.git, { url: `${remote.url}bad name!.git` })).toBeInstanceOf(NotARemoteError);
    expect(await syncFailure(a.git, { url: 'http://127.0.0.1:1/nothing.git', timeoutMs: 5000 })).toBeInstanceOf(UnreachableError);
    expect((await (await a.branch()).history()).map((c) => c.message)).toEqual(['a']);
  });
});

describe('sync lists every reachable object', () => {
  it('after a pull every object the head reaches is stored and verifies', async () => {
    const url = newRemoteUrl();
    const a = await device('a');
    const main = await a.branch();
    for (let i = 0; i < 20; i++) await main.set(`items/${i % 4}/${i}.json`, `{\n  "i": ${i}\n}\n`, info(`item ${i}`));
    await syncOk(a.git, { url });
    const b = await device('b');
    await syncOk(b.git, { url });
    await assertHeadComplete(b);
    expect(await readAllFiles(b)).toEqual(await readAllFiles(a));
  });
});
