// Importing bundles: those the real git makes (`git bundle create --all`, v3, incremental),
// our own exports round-tripped into a fresh store, and imports into a store with history of
// its own, which merge.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Repo } from '../../store/index.ts';
import { git, gitText, makeTempDir, removeTempDirs } from '../../../test/support/git-cli.ts';
import { at, closeStores, filesAt, openStore, snapshot, gitFiles, sorted } from '../../../test/support/bundle-fixture.ts';
import { exportBundle } from './export-bundle.ts';
import { importBundle } from './import-bundle.ts';
import type { BundlePhase } from './progress.ts';

const TIMEOUT = 60_000;

afterEach(async () => {
  await closeStores();
  removeTempDirs();
});

let tick = 0;
/** Commits everything in `cwd` with a fixed, increasing date. */
function commitAll(cwd: string, message: string): void {
  tick += 1;
  const date = `${1_760_000_000 + tick * 60} +0200`;
  git(['add', '--all'], { cwd });
  git(['commit', '--quiet', '-m', message], { cwd, env: { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
}

function writeFile(cwd: string, path: string, text: string): void {
  mkdirSync(dirname(join(cwd, path)), { recursive: true });
  writeFileSync(join(cwd, path), text);
}

/** A file big enough that git sends a change to it as a delta against the old version. */
const LONG_TEXT = ((): string => {
  let seed = 42; // a fixed pseudo-random sequence: text zlib cannot shrink much
  const next = (): string => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0).toString(36);
  return Array.from({ length: 400 }, (_, i) => `Line ${i}: ${next()}${next()}${next()}\n`).join('');
})();

/**
 * A git-CLI repository on `branch`: nested files, an executable, a symlink, a side branch
 * merged back with --no-ff, an annotated tag, and one more commit on the side branch.
 */
function makeGitRepo(branch = 'main'): string {
  const cwd = join(makeTempDir('bundle-git'), 'repo');
  git(['init', '--quiet', '-b', branch, cwd]);
  writeFile(cwd, 'README.md', '# Tasks\n');
  writeFile(cwd, 'notes/long.txt', LONG_TEXT);
  writeFile(cwd, 'items/3f/3f01.json', '{\n  "title": "Buy milk"\n}\n');
  commitAll(cwd, 'Start');
  writeFile(cwd, 'bin/run.sh', '#!/bin/sh\necho hi\n');
  chmodSync(join(cwd, 'bin/run.sh'), 0o755);
  symlinkSync('README.md', join(cwd, 'LINK'));
  commitAll(cwd, 'Add a script and a link');
  git(['checkout', '--quiet', '-b', 'side'], { cwd });
  writeFile(cwd, 'items/a0/a001.json', '{\n  "title": "Call Ada"\n}\n');
  commitAll(cwd, 'Add on side');
  git(['checkout', '--quiet', branch], { cwd });
  writeFile(cwd, 'contacts/c1.json', '{\n  "name": "Ada"\n}\n');
  commitAll(cwd, 'Add a contact');
  git(['merge', '--quiet', '--no-ff', '-m', 'Merge side', 'side'], { cwd, env: { GIT_COMMITTER_DATE: '1760009000 +0200', GIT_AUTHOR_DATE: '1760009000 +0200' } });
  git(['tag', '-a', 'v1', '-m', 'Version 1'], { cwd });
  git(['checkout', '--quiet', 'side'], { cwd });
  writeFile(cwd, 'side-only.txt', 'side\n');
  commitAll(cwd, 'More on side');
  git(['checkout', '--quiet', branch], { cwd });
  return cwd;
}

/** `git bundle create [options] <file> <args>`, read back. */
function gitBundle(cwd: string, args: readonly string[], options: readonly string[] = []): Uint8Array {
  const file = join(dirname(cwd), `${[...options, ...args].join('-').replace(/[^a-z0-9]+/gi, '_')}.bundle`);
  git(['bundle', 'create', '--quiet', ...options, file, ...args], { cwd });
  return new Uint8Array(readFileSync(file));
}

const rev = (cwd: string, name: string): string => gitText(['rev-parse', name], { cwd }).trim();

/** A store with a branch `main` of a few commits whose files depend on `seed`. */
async function makeStore(seed: string, commits = 3): Promise<Repo> {
  const repo = await openStore();
  const main = await repo.branch('main');
  for (let i = 0; i < commits; i++) await main.set(`items/${seed}/${i}.json`, `{\n  "n": ${i}\n}\n`, at(`${seed} ${i}`, i));
  return repo;
}

describe('importBundle: bundles made by git', () => {
  it(
    'imports `git bundle create --all` with the same head, history, modes and files',
    async () => {
      const cwd = makeGitRepo();
      const repo = await openStore();
      const result = await importBundle(repo.git, gitBundle(cwd, ['--all']));
      const head = rev(cwd, 'main');
      expect(result).toEqual({ kind: 'imported', head, objects: expect.any(Number) });
      expect(await (await repo.branch('main')).head()).toBe(head);
      expect(sorted(await repo.git.graph.listCommitsBetween([head], []))).toEqual(sorted(gitText(['rev-list', 'main'], { cwd }).trim().split('\n')));
      const files = await filesAt(repo, head);
      expect(files).toEqual(gitFiles(cwd, 'main'));
      expect(files.get('bin/run.sh')).toMatch(/^100755 /);
      expect(files.get('LINK')).toMatch(/^120000 /);
      expect(new TextDecoder().decode(await (await repo.branch('main')).get('LINK'))).toBe('README.md');
      // Only what main reaches is stored: the side branch's last commit and the tag are not.
      expect(result.objects).toBe(gitText(['rev-list', '--objects', 'main'], { cwd }).trim().split('\n').length);
      expect(await repo.git.objects.missing([rev(cwd, 'side'), rev(cwd, 'v1')])).toHaveLength(2);
    },
    TIMEOUT,
  );

  it('imports another branch of the bundle by name', async () => {
    const cwd = makeGitRepo();
    const repo = await openStore();
    const result = await importBundle(repo.git, gitBundle(cwd, ['--all']), { branch: 'side' });
    expect(result.head).toBe(rev(cwd, 'side'));
    expect((await repo.listBranches()).get('side')).toBe(rev(cwd, 'side'));
    expect((await repo.listBranches()).has('main')).toBe(false);
  });

  it('takes the HEAD of a bundle without the branch asked for (a `master` repository)', async () => {
    const cwd = makeGitRepo('master');
    const repo = await openStore();
    const result = await importBundle(repo.git, gitBundle(cwd, ['--all']));
    expect(result.head).toBe(rev(cwd, 'master'));
    expect((await repo.listBranches()).get('main')).toBe(rev(cwd, 'master'));
  });

  it('imports a version 3 bundle and one whose only ref is a tag', async () => {
    const cwd = makeGitRepo();
    const v3 = gitBundle(cwd, ['main'], ['--version=3']);
    expect(new TextDecoder().decode(v3.subarray(0, 36))).toBe('# v3 git bundle\n@object-format=sha1\n');
    const repo = await openStore();
    expect((await importBundle(repo.git, v3)).head).toBe(rev(cwd, 'main'));
    const tagged = await openStore();
    expect((await importBundle(tagged.git, gitBundle(cwd, ['v1']))).head).toBe(rev(cwd, 'main'));
  });

  it(
    'imports an incremental bundle on top of its prerequisites, and refuses it without them',
    async () => {
      const cwd = makeGitRepo();
      git(['branch', 'base', 'main~1'], { cwd });
      writeFile(cwd, 'notes/long.txt', LONG_TEXT.replace('Line 200', 'Line two hundred'));
      commitAll(cwd, 'Edit the long note');
      const base = gitBundle(cwd, ['base']);
      const increment = gitBundle(cwd, ['base..main']);
      expect(new TextDecoder().decode(increment)).toContain(`\n-${rev(cwd, 'base')}`);
      // A thin pack: the edited note is a delta against the version the prerequisite holds.
      expect(increment.length).toBeLessThan(LONG_TEXT.length / 4);

      const fresh = await openStore();
      const before = await snapshot(fresh, [rev(cwd, 'main')]);
      await expect(importBundle(fresh.git, increment)).rejects.toMatchObject({ code: 'invalid-bundle', data: { problem: 'missing-prerequisite' } });
      expect(await snapshot(fresh, [rev(cwd, 'main')])).toEqual(before);

      const repo = await openStore();
      expect(await importBundle(repo.git, base)).toMatchObject({ kind: 'imported', head: rev(cwd, 'base') });
      expect(await importBundle(repo.git, increment)).toMatchObject({ kind: 'merged', head: rev(cwd, 'main') }); // a fast-forward
      expect(await filesAt(repo, rev(cwd, 'main'))).toEqual(gitFiles(cwd, 'main'));
    },
    TIMEOUT,
  );
});

describe('importBundle: our own exports', () => {
  it('round-trips into a fresh store: same heads, history and files', async () => {
    const source = await makeStore('3f', 4);
    const work = await source.branch('work');
    await work.merge('main', at('Start work', 10));
    await work.set('items/w/1.json', '{}\n', at('Work', 11));
    await (await source.branch('main')).merge('work', at('Merge work', 12));
    const bytes = await exportBundle(source.git);

    const target = await openStore();
    const calls: BundlePhase[] = [];
    const result = await importBundle(target.git, bytes, { onProgress: (phase) => calls.push(phase) });
    const head = (await source.listBranches()).get('main') as string;
    expect(result).toMatchObject({ kind: 'imported', head });
    expect(new Set(calls)).toEqual(new Set(['unpacking', 'checking', 'storing']));
    expect(await target.git.graph.listCommitsBetween([head], [])).toEqual(await source.git.graph.listCommitsBetween([head], []));
    expect((await (await target.branch('main')).history()).map(({ id, message }) => [id, message])).toEqual(
      (await (await source.branch('main')).history()).map(({ id, message }) => [id, message]),
    );
    expect(await filesAt(target, head)).toEqual(await filesAt(source, head));

    const workResult = await importBundle(target.git, bytes, { branch: 'work' });
    expect(workResult.head).toBe((await source.listBranches()).get('work'));
    expect(workResult.objects).toBe(0); // main reaches everything work does
  });

  it('says up-to-date when the branch already holds the bundle, and writes nothing', async () => {
    const source = await makeStore('aa');
    const bytes = await exportBundle(source.git);
    const target = await openStore();
    const first = await importBundle(target.git, bytes);
    const again = await importBundle(target.git, bytes);
    expect(again).toEqual({ kind: 'up-to-date', head: first.head, objects: 0 });
    await (await target.branch('main')).set('later.txt', 'later\n', at('Later', 50));
    const ahead = await (await target.branch('main')).head();
    expect(await importBundle(target.git, bytes)).toEqual({ kind: 'up-to-date', head: ahead, objects: 0 });
  });

  it('merges into a branch with history of its own: both histories kept, files of both', async () => {
    const source = await makeStore('5a');
    const target = await makeStore('7b', 2);
    const theirs = (await source.listBranches()).get('main') as string;
    const ours = (await target.listBranches()).get('main') as string;
    const result = await importBundle(target.git, await exportBundle(source.git));
    expect(result.kind).toBe('merged');
    const merge = await target.readCommit(result.head);
    expect(merge.parents).toEqual([ours, theirs]);
    expect(merge.message).toBe('Merge imported history');
    const history = new Set(await target.git.graph.listCommitsBetween([result.head], []));
    for (const oid of [...(await source.git.graph.listCommitsBetween([theirs], [])), ...(await target.git.graph.listCommitsBetween([ours], []))]) expect(history.has(oid)).toBe(true);
    const files = await filesAt(target, result.head);
    expect([...files.keys()].sort()).toEqual([...(await filesAt(source, theirs)).keys(), ...(await filesAt(target, ours)).keys()].sort());
  });

  it('uses the merge message given', async () => {
    const target = await makeStore('11', 1);
    const result = await importBundle(target.git, await exportBundle((await makeStore('22', 1)).git), { message: 'Import from my laptop' });
    expect((await target.readCommit(result.head)).message).toBe('Import from my laptop');
  });

  it('round-trips any small history (property)', async () => {
    const path = fc.stringMatching(/^[a-c]{1,2}(\/[a-c0-9]{1,3}){0,2}\.json$/);
    const change = fc.dictionary(path, fc.option(fc.string({ maxLength: 12 }), { nil: undefined }), { minKeys: 1, maxKeys: 4 });
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 4 }), async (changes) => {
        const source = await openStore();
        const main = await source.branch('main');
        for (const [i, files] of changes.entries()) {
          await main.transaction((tx) => {
            for (const [name, text] of Object.entries(files)) {
              try {
                if (text === undefined) tx.remove(name);
                else tx.set(name, text);
              } catch {
                // a path clashing with a folder of the same name: skip it
              }
            }
          }, at(`Change ${i}`, i));
        }
        const head = await main.head();
        if (head === undefined) return;
        const target = await openStore();
        const result = await importBundle(target.git, await exportBundle(source.git));
        expect(result.head).toBe(head);
        expect(await filesAt(target, head)).toEqual(await filesAt(source, head));
        await closeStores();
      }),
      { numRuns: 15 },
    );
  });
});
