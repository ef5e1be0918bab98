// Our export, judged by the real git: `git bundle verify` accepts it, `git clone <file>` gives
// a repository that passes `git fsck --strict` with the same history, branches and files.
import 'fake-indexeddb/auto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Repo } from '../../store/index.ts';
import { git, gitText, makeTempDir, removeTempDirs } from '../../../test/support/git-cli.ts';
import { parsePack } from '../protocol/index.ts';
import { BundleError } from './bundle-error.ts';
import { parseBundleHeader } from './bundle-header.ts';
import { at, closeStores, filesAt, openStore, gitFiles, sorted } from '../../../test/support/bundle-fixture.ts';
import { exportBundle } from './export-bundle.ts';
import type { BundlePhase } from './progress.ts';

const TIMEOUT = 60_000;

afterEach(async () => {
  await closeStores();
  removeTempDirs();
});

/** A store with history worth exporting: edits, a removal, a second branch merged back. */
async function makeHistory(): Promise<Repo> {
  const repo = await openStore();
  const main = await repo.branch('main');
  await main.set('items/3f/3f01.json', '{\n  "title": "Buy milk"\n}\n', at('Add "Buy milk"', 1));
  await main.transaction((tx) => {
    tx.set('contacts/c1.json', '{\n  "name": "Ada"\n}\n');
    tx.set('items/a0/a001.json', '{\n  "title": "Call Ada"\n}\n');
    tx.set('notes/deep/er/still.txt', 'deep\n');
  }, at('Add a contact and an action', 2));
  const work = await repo.branch('work');
  await work.merge('main', at('Start work', 3));
  await work.set('items/3f/3f01.json', '{\n  "title": "Buy oat milk"\n}\n', at('Rename "Buy milk"', 4));
  await main.remove('notes/deep/er/still.txt', at('Remove a note', 5));
  await main.set('items/b7/b701.json', '{\n  "title": "Plan the week"\n}\n', at('Add "Plan the week"', 6));
  await main.merge('work', at('Merge work', 7));
  await work.set('items/c2/c201.json', '{\n  "title": "Only on work"\n}\n', at('Add on work', 8));
  return repo;
}

/** Writes `bytes` to a temp file and clones it with the git CLI; returns the clone's path. */
function cloneBundle(bytes: Uint8Array): { file: string; clone: string } {
  const dir = makeTempDir('bundle-export');
  const file = join(dir, 'export.bundle');
  writeFileSync(file, bytes);
  const clone = join(dir, 'clone');
  git(['clone', '--quiet', file, clone]);
  return { file, clone };
}


describe('exportBundle', () => {
  it(
    'writes a bundle git verifies and clones, with the same history, branches and files',
    async () => {
      const repo = await makeHistory();
      const branches = await repo.listBranches();
      const bytes = await exportBundle(repo.git);

      const { file, clone } = cloneBundle(bytes);
      const verifier = makeTempDir('bundle-verify');
      git(['init', '--quiet', verifier]);
      expect(gitText(['bundle', 'verify', file], { cwd: verifier })).toMatch(/okay|records a complete history/);
      git(['fsck', '--strict', '--no-dangling'], { cwd: clone });

      for (const [name, head] of branches) {
        expect(gitText(['rev-parse', `refs/remotes/origin/${name}`], { cwd: clone }).trim()).toBe(head);
        const history = sorted(gitText(['rev-list', head], { cwd: clone }).trim().split('\n'));
        expect(history).toEqual(sorted(await repo.git.graph.listCommitsBetween([head], [])));
        expect(gitFiles(clone, head)).toEqual(await filesAt(repo, head));
      }
      // HEAD names main, so the clone checked main out; its files are the store's, byte for byte.
      expect(gitText(['symbolic-ref', 'HEAD'], { cwd: clone }).trim()).toBe('refs/heads/main');
      const main = await repo.branch('main');
      for (const [path, data] of await main.getAll()) expect(new Uint8Array(readFileSync(join(clone, path)))).toEqual(data);
      const log = gitText(['log', '--format=%H %s', 'main'], { cwd: clone }).trim().split('\n');
      expect(log.map((line) => line.slice(0, 40))).toEqual((await main.history()).map((commit) => commit.id));
    },
    TIMEOUT,
  );

  it('packs every reachable object exactly once, and nothing else', async () => {
    const repo = await makeHistory();
    const bytes = await exportBundle(repo.git);
    const header = parseBundleHeader(bytes);
    const objects = await parsePack(bytes.subarray(header.packOffset), async () => undefined);
    const ids = objects.map(({ oid }) => oid);
    expect(new Set(ids).size).toBe(ids.length);
    const { clone } = cloneBundle(bytes);
    const expected = gitText(['rev-list', '--objects', '--all'], { cwd: clone })
      .trim()
      .split('\n')
      .map((line) => line.slice(0, 40));
    expect(sorted(ids)).toEqual(sorted(expected));
  });

  it('carries the empty tree, which the store does not hold, when a commit names it', async () => {
    const repo = await openStore();
    const main = await repo.branch('main');
    await main.set('only.txt', 'x\n', at('Add the only file', 1));
    const emptied = await main.remove('only.txt', at('Remove the only file', 2));
    expect((await repo.readCommit(emptied)).tree).toBe('4b825dc642cb6eb9a060e54bf8d69288fbee4904');
    const { clone } = cloneBundle(await exportBundle(repo.git));
    git(['fsck', '--strict', '--no-dangling'], { cwd: clone });
    expect(gitText(['rev-parse', 'HEAD'], { cwd: clone }).trim()).toBe(emptied);
  });

  it('exports only the branches asked for, HEAD at main or else the first', async () => {
    const repo = await makeHistory();
    const branches = await repo.listBranches();
    const onlyWork = parseBundleHeader(await exportBundle(repo.git, { branches: ['work'] }));
    expect(onlyWork.refs).toEqual([
      { name: 'refs/heads/work', oid: branches.get('work') },
      { name: 'HEAD', oid: branches.get('work') },
    ]);
    const both = parseBundleHeader(await exportBundle(repo.git, { branches: ['work', 'main', 'work'] }));
    expect(both.refs.map(({ name }) => name)).toEqual(['refs/heads/main', 'refs/heads/work', 'HEAD']);
    expect(both.refs[2]?.oid).toBe(branches.get('main'));
  });

  it('reports progress: every commit counted, then the pack compressed', async () => {
    const repo = await makeHistory();
    const calls: Array<[BundlePhase, number, number]> = [];
    await exportBundle(repo.git, { onProgress: (phase, done, total) => calls.push([phase, done, total]) });
    const commits = (await repo.git.graph.listCommitsBetween([...(await repo.listBranches()).values()], [])).length;
    const counting = calls.filter(([phase]) => phase === 'counting');
    expect(counting).toHaveLength(commits);
    expect(counting.at(-1)).toEqual(['counting', commits, commits]);
    expect(calls.at(-1)?.[0]).toBe('compressing');
    const last = calls.at(-1);
    expect(last?.[1]).toBe(last?.[2]);
  });

  it('refuses to export a store or a branch without commits', async () => {
    const empty = await openStore();
    await expect(exportBundle(empty.git)).rejects.toMatchObject({ code: 'invalid-bundle', data: { problem: 'nothing-to-export' } });
    const repo = await makeHistory();
    const error = await exportBundle(repo.git, { branches: ['nope'] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BundleError);
    expect((error as BundleError).message).toMatch(/branch "nope" has no commit/);
  });
});
