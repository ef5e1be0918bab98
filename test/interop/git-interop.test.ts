// Interop with the real `git` CLI: what the store writes, git must accept byte for byte
// (`git fsck --strict`, `git cat-file`, `git hash-object`), and what git writes, the store must
// read and extend without losing modes or history. See "The store" in DESIGN.md.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FILE_MODE,
  NotAFileError,
  canonicalJson,
  decodeCommit,
  decodeTree,
  openRepo,
  parseJsonObject,
  type Branch,
  type CommitInfo,
  type Repo,
} from '../../src/store/index.ts';
import { git, gitRun, gitText, makeTempDir, removeTempDirs } from '../support/git-cli.ts';
import { exportToBareRepo, importFromGitRepo } from '../support/git-export.ts';

const TIMEOUT = 60_000;
const openRepos: Repo[] = [];

afterEach(async () => {
  for (const repo of openRepos.splice(0)) await repo.close();
  removeTempDirs();
});

/** A repository on its own fresh fake IndexedDB (or on `factory`, to open a second handle). */
async function openStore(name: string, factory: IDBFactory = new IDBFactory()): Promise<Repo> {
  const repo = await openRepo({ name, indexedDB: factory });
  openRepos.push(repo);
  return repo;
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const buffer = (data: Uint8Array | undefined): Buffer => Buffer.from(data ?? new Uint8Array());

/** Files (not folders) at the branch head, read through the public API only: path -> bytes. */
async function storeFiles(branch: Branch, dir = ''): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const name of await branch.list(dir)) {
    const path = dir === '' ? name : `${dir}/${name}`;
    try {
      const data = await branch.get(path);
      if (data === undefined) throw new Error(`${path} is listed but has no content`);
      files.set(path, data);
    } catch (error) {
      if (!(error instanceof NotAFileError)) throw error;
      for (const [sub, data] of await storeFiles(branch, path)) files.set(sub, data);
    }
  }
  return files;
}

interface Entry {
  mode: string;
  oid: string;
}

/** Non-tree entries below the tree of `commit`, read as raw objects: path -> mode and id. */
async function storeEntries(repo: Repo, commit: string): Promise<Map<string, Entry>> {
  const out = new Map<string, Entry>();
  const walk = async (tree: string, prefix: string): Promise<void> => {
    const object = await repo.git.objects.read(tree);
    expect(object.type).toBe('tree');
    for (const entry of decodeTree(object.content)) {
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.mode === FILE_MODE.tree) await walk(entry.oid, path);
      else out.set(path, { mode: entry.mode, oid: entry.oid });
    }
  };
  const commitObject = await repo.git.objects.read(commit);
  await walk(decodeCommit(commitObject.content).tree, '');
  return out;
}

/** `git ls-tree -r -z <rev>`: path -> mode and id (NUL-separated, so no path quoting). */
function lsTree(cwd: string, rev: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const record of gitText(['ls-tree', '-r', '-z', rev], { cwd }).split('\0')) {
    if (record === '') continue;
    const match = /^(\d+) (\w+) ([0-9a-f]{40})\t(.*)$/s.exec(record);
    if (!match) throw new Error(`unexpected ls-tree record ${JSON.stringify(record)}`);
    const [, mode, , oid, path] = match as unknown as [string, string, string, string, string];
    out.set(path, { mode, oid });
  }
  return out;
}

/** Runs `git fsck` with `args` and requires a zero exit and no output at all. */
function expectFsckClean(cwd: string, args: string[] = ['--strict', '--no-dangling']): void {
  const result = gitRun(['fsck', ...args], { cwd });
  expect({ status: result.status, output: `${result.stderr}${result.stdout.toString('utf8')}`.trim() }).toEqual({
    status: 0,
    output: '',
  });
}

/**
 * Every tree reachable from `rev` is byte-identical to the tree git itself builds from the
 * same entries (`git ls-tree | git mktree` sorts, and writes canonical modes like 40000).
 */
function expectCanonicalTrees(cwd: string, rev: string): void {
  const trees = [gitText(['rev-parse', `${rev}^{tree}`], { cwd }).trim()];
  for (const record of git(['ls-tree', '-r', '-t', '-z', rev], { cwd }).toString('latin1').split('\0')) {
    const match = /^\d+ tree ([0-9a-f]{40})\t/.exec(record);
    if (match) trees.push(match[1] as string);
  }
  for (const tree of trees) {
    const listing = git(['ls-tree', '-z', tree], { cwd });
    expect(gitText(['mktree', '-z', '--missing'], { cwd, input: listing }).trim(), `tree ${tree}`).toBe(tree);
  }
}

const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');
const sorted = (values: Iterable<string>): string[] => [...values].sort();

describe('store objects read by the git CLI', () => {
  it(
    'exports a corpus of tricky names and contents that git fsck --strict accepts byte for byte',
    async () => {
      const repo = await openStore('corpus');
      const main = await repo.branch('main');
      const expected = new Map<string, Uint8Array>();
      const commits: Array<{ message: string; author: { name: string; email: string }; date: Date }> = [];
      const info = (message: string, name: string, seconds: number): CommitInfo => {
        const email = `${name.split(' ')[0]?.toLowerCase()}@example.org`;
        const entry = { message, author: { name, email }, date: new Date(seconds * 1000) };
        commits.push(entry);
        return entry;
      };

      const corpus: Array<[string, Uint8Array]> = [
        ['ünïcødé/日本.txt', bytes('こんにちは、世界\n')],
        ['ünïcødé/😀 smile.txt', bytes('astral plane name\n')],
        // U+FB00 sorts after 😀 in UTF-16 but before it in UTF-8, which is git's order.
        ['ünïcødé/\uFB00 ligature.txt', bytes('BMP name above the surrogates\n')],
        ['🎉/party.txt', bytes('an emoji folder\n')],
        ['caf\u00e9.txt', bytes('NFC\n')],
        ['cafe\u0301.txt', bytes('NFD\n')],
        // Git sorts a folder as "a/": a-b < a.txt < a/ < a0.
        ['a-b', bytes('a-b\n')],
        ['a.txt', bytes('a.txt\n')],
        ['a/x', bytes('a/x\n')],
        ['a0', bytes('a0\n')],
        ['a/y/z', bytes('a/y/z\n')],
        ['empty.txt', new Uint8Array()],
      ];
      await main.transaction((tx) => {
        for (const [path, data] of corpus) tx.set(path, data);
      }, info('Add the unicode and sorting corpus', 'Ada', 1_767_225_600));
      for (const [path, data] of corpus) expected.set(path, data);

      const blob = new Uint8Array(randomBytes(1024 * 1024));
      await main.set('blobs/random.bin', blob, info('Add a 1 MB random blob', 'Brian', 1_767_229_200));
      expected.set('blobs/random.bin', blob);

      const deepPath = `${Array.from({ length: 12 }, (_, i) => `level${i + 1}`).join('/')}/leaf.txt`;
      const record = bytes(canonicalJson({ id: 'r1', status: 'open', title: 'A record', tags: ['x', 'y'] }));
      await main.transaction((tx) => {
        tx.set(deepPath, 'twelve folders down\n');
        tx.set('items/3f/record.json', record);
      }, info('Add a deep path and a JSON record', 'Chidi', 1_767_232_800));
      expected.set(deepPath, bytes('twelve folders down\n'));
      expected.set('items/3f/record.json', record);

      await main.remove('a.txt', info('Remove a.txt', 'Ada', 1_767_236_400));
      expected.delete('a.txt');
      await main.remove('a/y/z', info('Remove a/y/z, and with it the folder a/y', 'Zoë Ünïcode', 1_767_238_200));
      expected.delete('a/y/z');

      const updated = bytes(canonicalJson({ id: 'r1', status: 'done', title: 'A record', tags: ['x', 'y'] }));
      const body = 'Mark the record done\n\nA body paragraph\nthat git log --format=%s leaves out.';
      await main.set('items/3f/record.json', updated, info(body, 'Brian', 1_767_240_000));
      expected.set('items/3f/record.json', updated);

      const head = await main.head();
      if (head === undefined) throw new Error('no head after six commits');
      const files = await storeFiles(main);
      expect(sorted(files.keys())).toEqual(sorted(expected.keys()));
      for (const [path, data] of expected) expect(buffer(files.get(path)).equals(buffer(data)), path).toBe(true);

      const bare = join(makeTempDir('corpus'), 'corpus.git');
      await exportToBareRepo(repo, 'main', bare);
      expectFsckClean(bare);
      expect(gitText(['rev-parse', 'main'], { cwd: bare }).trim()).toBe(head);

      const entries = await storeEntries(repo, head);
      for (const [path, data] of files) {
        expect(git(['cat-file', '-p', `main:${path}`], { cwd: bare }).equals(buffer(data)), path).toBe(true);
        const gitId = gitText(['hash-object', '--stdin'], { input: data }).trim();
        expect(gitText(['rev-parse', `main:${path}`], { cwd: bare }).trim(), path).toBe(gitId);
        expect(entries.get(path)?.oid, path).toBe(gitId);
      }

      const listed = lsTree(bare, 'main');
      expect(sorted(listed.keys())).toEqual(sorted(files.keys()));
      for (const [path, entry] of listed) expect(entry, path).toEqual({ mode: FILE_MODE.file, oid: entries.get(path)?.oid });

      const newestFirst = [...commits].reverse();
      expect(lines(gitText(['log', '--format=%s', 'main'], { cwd: bare }))).toEqual(
        newestFirst.map((c) => c.message.split('\n')[0]),
      );
      expect(gitText(['log', '-1', '--format=%B', 'main'], { cwd: bare })).toBe(`${body}\n\n`);
      expect(gitText(['ls-tree', '--name-only', 'main', 'a/'], { cwd: bare })).toBe('a/x\n');
      expectCanonicalTrees(bare, 'main');
      expect(lines(gitText(['log', '--format=%an <%ae> %at', 'main'], { cwd: bare }))).toEqual(
        newestFirst.map((c) => `${c.author.name} <${c.author.email}> ${c.date.getTime() / 1000}`),
      );
      expect((await main.history()).map((c) => c.id)).toEqual(lines(gitText(['rev-list', 'main'], { cwd: bare })));
    },
    TIMEOUT,
  );
});

/** Commits in the worktree `cwd` with a fixed date, so the history is the same on every run. */
function commitAll(cwd: string, message: string, seconds: number): void {
  const date = `@${seconds} +0000`;
  git(['add', '-A'], { cwd });
  git(['commit', '--quiet', '-F', '-'], { cwd, input: message, env: { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
}

function writeFile(root: string, path: string, content: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

describe('git CLI repositories read by the store', () => {
  it(
    'imports a git-made repo with modes, a symlink and a merge, extends it, and exports it intact',
    async () => {
      const work = join(makeTempDir('work'), 'work');
      git(['init', '--quiet', '-b', 'main', work]);
      writeFile(work, 'README.md', '# Sample\n');
      writeFile(work, 'src/lib/util.js', 'export const one = 1;\n');
      writeFile(work, 'src/lib/deep/nested/data.txt', 'nested data\n');
      writeFile(work, 'bin/run.sh', '#!/bin/sh\necho run\n');
      writeFile(work, 'bin/other.sh', '#!/bin/sh\necho other\n');
      chmodSync(join(work, 'bin/run.sh'), 0o755);
      chmodSync(join(work, 'bin/other.sh'), 0o755);
      symlinkSync('src/lib/util.js', join(work, 'latest'));
      const multiLine = 'Initial import\n\nThe body explains the import\nover several lines.\n';
      commitAll(work, multiLine, 1_767_225_600);
      git(['checkout', '--quiet', '-b', 'feature'], { cwd: work });
      writeFile(work, 'feature.txt', 'a feature\n');
      writeFile(work, 'src/lib/util.js', 'export const one = 1;\nexport const two = 2;\n');
      commitAll(work, 'Add the feature', 1_767_229_200);
      git(['checkout', '--quiet', 'main'], { cwd: work });
      writeFile(work, 'README.md', '# Sample\n\nNow with a readme body.\n');
      commitAll(work, 'Expand the readme', 1_767_232_800);
      const mergeDate = { GIT_AUTHOR_DATE: '@1767236400 +0000', GIT_COMMITTER_DATE: '@1767236400 +0000' };
      git(['merge', '--quiet', '--no-ff', '-m', "Merge branch 'feature'", 'feature'], { cwd: work, env: mergeDate });

      const before = lsTree(work, 'main');
      // Preconditions: git itself recorded the modes this test is about.
      expect(before.get('bin/run.sh')?.mode).toBe(FILE_MODE.executable);
      expect(before.get('bin/other.sh')?.mode).toBe(FILE_MODE.executable);
      expect(before.get('latest')?.mode).toBe(FILE_MODE.symlink);
      const mergeId = gitText(['rev-parse', 'main'], { cwd: work }).trim();
      const mergeParents = lines(gitText(['rev-parse', 'main^1', 'main^2'], { cwd: work }));
      const initialId = gitText(['rev-list', '--max-parents=0', 'main'], { cwd: work }).trim();
      const gitHistory = lines(gitText(['rev-list', 'main'], { cwd: work }));

      const repo = await openStore('imported');
      const imported = await importFromGitRepo(repo, 'main', work);
      expect(imported.head).toBe(mergeId);
      const main = await repo.branch('main');
      expect(await main.head()).toBe(mergeId);
      expect((await repo.readCommit(mergeId)).parents).toEqual(mergeParents);
      expect(decodeCommit((await repo.git.objects.read(initialId)).content).message).toBe(multiLine);
      expect((await repo.readCommit(initialId)).message.trimEnd()).toBe(multiLine.trimEnd());
      expect((await main.history()).map((c) => c.id).sort()).toEqual([...gitHistory].sort());

      const files = await storeFiles(main);
      expect(sorted(files.keys())).toEqual(sorted(before.keys()));
      for (const [path, entry] of before) {
        const onDisk = entry.mode === FILE_MODE.symlink ? Buffer.from(readlinkSync(join(work, path))) : readFileSync(join(work, path));
        expect(buffer(files.get(path)).equals(onDisk), path).toBe(true);
      }
      expect(await storeEntries(repo, mergeId)).toEqual(before);

      const runSh = '#!/bin/sh\necho run, now from the store\n';
      const head = await main.transaction((tx) => {
        tx.set('bin/run.sh', runSh);
        tx.set('bin/notes.txt', 'added by the store\n');
      }, { message: 'Edit run.sh and add notes', author: { name: 'Store', email: 'store@example.org' }, date: new Date(1_767_240_000_000) });
      expect((await repo.readCommit(head)).parents).toEqual([mergeId]);

      const bare = join(makeTempDir('reexport'), 'reexport.git');
      await exportToBareRepo(repo, 'main', bare);
      expectFsckClean(bare);
      expect(gitText(['rev-parse', 'main', 'main^'], { cwd: bare })).toBe(`${head}\n${mergeId}\n`);

      const after = lsTree(bare, 'main');
      const runShId = gitText(['hash-object', '--stdin'], { input: runSh }).trim();
      const notesId = gitText(['hash-object', '--stdin'], { input: 'added by the store\n' }).trim();
      const expectedAfter = new Map(before);
      expectedAfter.set('bin/run.sh', { mode: FILE_MODE.executable, oid: runShId });
      expectedAfter.set('bin/notes.txt', { mode: FILE_MODE.file, oid: notesId });
      expect(after).toEqual(expectedAfter);
      expectCanonicalTrees(bare, 'main');
      expect(git(['cat-file', '-p', 'main:bin/run.sh'], { cwd: bare }).toString('utf8')).toBe(runSh);

      const graph = gitText(['log', '--graph', '--format=%H %P %s', 'main'], { cwd: bare });
      expect(graph).toContain(`${mergeId} ${mergeParents.join(' ')} Merge branch 'feature'`);
      expect(lines(gitText(['rev-list', 'main^'], { cwd: bare }))).toEqual(gitHistory);
      expect(gitText(['log', '-1', '--format=%B', initialId], { cwd: bare })).toBe(`${multiLine}\n`);
    },
    TIMEOUT,
  );
});

describe('revert and merge commits read by the git CLI', () => {
  it(
    'exports a revert and a field-by-field merge that git accepts, with both merge parents',
    async () => {
      const repo = await openStore('merge');
      const main = await repo.branch('main');
      let clock = 1_767_225_600;
      const info = (message: string): CommitInfo => ({
        message,
        author: { name: 'Merger', email: 'merger@example.org' },
        date: new Date((clock += 3600) * 1000),
      });
      const record = (fields: Record<string, string>) => canonicalJson({ id: 'r1', status: 'open', title: 'First', ...fields });

      await main.transaction((tx) => {
        tx.set('notes/a.txt', 'a, first\n');
        tx.set('notes/b.txt', 'b, first\n');
        tx.set('notes/shared.txt', 'shared, first\n');
        tx.set('items/r1.json', record({}));
      }, info('Start'));
      const mistake = await main.set('notes/a.txt', 'a, by mistake\n', info('Edit a by mistake'));
      const reverted = await main.revert(mistake, info('Revert "Edit a by mistake"'));
      expect((await repo.readCommit(reverted)).parents).toEqual([mistake]);
      expect(buffer(await main.get('notes/a.txt')).toString('utf8')).toBe('a, first\n');

      const feature = await repo.branch('feature');
      expect(await feature.merge('main', info('Start feature'))).toBe(reverted);

      await main.transaction((tx) => {
        tx.set('notes/a.txt', 'a, on main\n');
        tx.set('notes/shared.txt', 'shared, on main\n');
        tx.set('items/r1.json', record({ title: 'Renamed on main' }));
      }, info('Main edits'));
      await feature.transaction((tx) => {
        tx.set('notes/b.txt', 'b, on feature\n');
        tx.set('notes/shared.txt', 'shared, on feature\n');
        tx.set('feature/new.txt', 'new on feature\n');
        tx.set('items/r1.json', record({ status: 'done' }));
      }, info('Feature edits'));
      const mainBefore = await main.head();
      const featureHead = await feature.head();
      const merged = await main.merge('feature', info("Merge branch 'feature'"));
      expect((await repo.readCommit(merged)).parents).toEqual([mainBefore, featureHead]);

      const files = await storeFiles(main);
      const text = (path: string): string | undefined => {
        const data = files.get(path);
        return data === undefined ? undefined : buffer(data).toString('utf8');
      };
      expect(text('notes/a.txt')).toBe('a, on main\n');
      expect(text('notes/b.txt')).toBe('b, on feature\n');
      expect(text('feature/new.txt')).toBe('new on feature\n');
      expect(parseJsonObject(files.get('items/r1.json') ?? new Uint8Array())).toEqual({
        id: 'r1',
        status: 'done',
        title: 'Renamed on main',
      });
      // The text conflict keeps both sides: one in place, the other in a sibling copy.
      const shared = [...files.keys()].filter((path) => path.startsWith('notes/shared.txt')).map(text);
      expect(shared.sort()).toEqual(['shared, on feature\n', 'shared, on main\n']);

      const bare = join(makeTempDir('merge'), 'merge.git');
      await exportToBareRepo(repo, 'feature', bare);
      await exportToBareRepo(repo, 'main', bare);
      expectFsckClean(bare);
      expect(gitText(['show', '--format=%P', '-s', merged], { cwd: bare }).trim()).toBe(`${mainBefore} ${featureHead}`);
      expect(gitRun(['merge-base', '--is-ancestor', 'feature', 'main'], { cwd: bare }).status).toBe(0);
      expect(lines(gitText(['log', '--format=%s', '--first-parent', 'main'], { cwd: bare }))).toEqual([
        "Merge branch 'feature'",
        'Main edits',
        'Revert "Edit a by mistake"',
        'Edit a by mistake',
        'Start',
      ]);
      expectCanonicalTrees(bare, 'main');
      const listed = lsTree(bare, 'main');
      expect(sorted(listed.keys())).toEqual(sorted(files.keys()));
      for (const [path, data] of files) {
        expect(git(['cat-file', '-p', `main:${path}`], { cwd: bare }).equals(buffer(data)), path).toBe(true);
      }
    },
    TIMEOUT,
  );
});

/** `git ls-tree -r -z <rev>` as raw records `<mode> <type> <id>\t<path>`, paths kept as bytes (latin1). */
function lsTreeRaw(cwd: string, rev: string): string[] {
  return git(['ls-tree', '-r', '-z', rev], { cwd })
    .toString('latin1')
    .split('\0')
    .filter((record) => record !== '')
    .sort();
}

/** Writes a file whose name is given as raw bytes (possibly not UTF-8) under `dir`. */
function writeRawName(dir: string, name: Buffer, content: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), name]), content);
}

/**
 * A git repo whose `legacy/` folder holds files with Latin-1 (not UTF-8) names, each holding
 * its name as UTF-8 text, and a submodule entry `vendor/lib`.
 */
function makeForeignRepo(latin1Names: string[]): { work: string; gitlink: string } {
  const work = join(makeTempDir('foreign'), 'work');
  git(['init', '--quiet', '-b', 'main', work]);
  writeFile(work, 'legacy/readme.txt', 'legacy files\n');
  for (const name of latin1Names) writeRawName(join(work, 'legacy'), Buffer.from(name, 'latin1'), `${name} in latin1\n`);
  writeFile(work, 'vendor/README', 'vendored code\n');
  git(['add', '-A'], { cwd: work });
  const gitlink = gitText(['hash-object', '--stdin'], { input: 'a commit of another repository' }).trim();
  git(['update-index', '--add', '--cacheinfo', `${FILE_MODE.gitlink},${gitlink},vendor/lib`], { cwd: work });
  const date = { GIT_AUTHOR_DATE: '@1767225600 +0000', GIT_COMMITTER_DATE: '@1767225600 +0000' };
  git(['commit', '--quiet', '-m', 'Legacy names and a submodule'], { cwd: work, env: date });
  return { work, gitlink };
}

/** Imports `work`, rewrites the `legacy/` and `vendor/` trees in one store commit, and exports it. */
async function rewriteForeignRepo(work: string, name: string): Promise<{ before: string[]; after: string[]; bare: string; repo: Repo }> {
  const before = lsTreeRaw(work, 'main');
  const repo = await openStore(name);
  await importFromGitRepo(repo, 'main', work);
  const main = await repo.branch('main');
  await main.transaction((tx) => {
    tx.set('legacy/new.txt', 'added by the store\n');
    tx.set('vendor/README', 'vendored code, edited by the store\n');
  }, { message: 'Touch legacy and vendor', date: new Date(1_767_229_200_000) });
  const bare = join(makeTempDir('foreign-export'), 'foreign.git');
  await exportToBareRepo(repo, 'main', bare);
  return { before, after: lsTreeRaw(bare, 'main'), bare, repo };
}

/** The ls-tree records expected after {@link rewriteForeignRepo}'s commit. */
function expectedAfterRewrite(before: string[]): string[] {
  const blob = (text: string) => gitText(['hash-object', '--stdin'], { input: text }).trim();
  return [
    ...before.filter((record) => !record.endsWith('\tvendor/README')),
    `${FILE_MODE.file} blob ${blob('added by the store\n')}\tlegacy/new.txt`,
    `${FILE_MODE.file} blob ${blob('vendored code, edited by the store\n')}\tvendor/README`,
  ].sort();
}

describe('foreign git entries the store did not write', () => {
  it(
    'keeps a non-UTF-8 file name and a submodule entry when it rewrites their folders',
    async () => {
      const { work, gitlink } = makeForeignRepo(['caf\xe9.txt']);
      const { before, after, bare, repo } = await rewriteForeignRepo(work, 'foreign-one');
      expect(before).toContain(`${FILE_MODE.gitlink} commit ${gitlink}\tvendor/lib`);
      expect(before.some((record) => record.endsWith('\tlegacy/caf\xe9.txt'))).toBe(true);
      expectFsckClean(bare);
      expect(after).toEqual(expectedAfterRewrite(before));
      expectCanonicalTrees(bare, 'main');
      // The store still reads the file, under the name its bytes decode to.
      const main = await repo.branch('main');
      expect(buffer(await main.get('legacy/caf\uFFFD.txt')).toString('utf8')).toBe('caf\xe9.txt in latin1\n');
    },
    TIMEOUT,
  );

  it(
    'keeps two non-UTF-8 names that decode to the same text as two files when it rewrites their folder',
    async () => {
      // "caf\xe9.txt" and "caf\xe8.txt" are different bytes, both decoding to "caf\uFFFD.txt".
      const { work } = makeForeignRepo(['caf\xe9.txt', 'caf\xe8.txt']);
      const { before, after, bare } = await rewriteForeignRepo(work, 'foreign-two');
      expect(before.filter((record) => record.includes('\tlegacy/caf'))).toHaveLength(2);
      expectFsckClean(bare);
      expect(after).toEqual(expectedAfterRewrite(before));
    },
    TIMEOUT,
  );
});

describe('commit info git cannot write as given', () => {
  const cases: Array<[string, CommitInfo]> = [
    ['a date before 1970', { message: 'Moon landing', date: new Date('1969-07-20T20:17:00Z') }],
    ['an invalid date', { message: 'Never', date: new Date(Number.NaN) }],
    ['a NUL byte in the message', { message: 'Subject with a \0 NUL byte' }],
  ];
  it.each(cases)(
    'refuses %s, or writes a commit that the store reads back and git fsck --strict accepts',
    async (_label, odd) => {
      const factory = new IDBFactory();
      const repo = await openStore('odd-info', factory);
      const main = await repo.branch('main');
      const first = await main.set('first.txt', 'first\n', { message: 'First', date: new Date(1_767_225_600_000) });
      let refused = false;
      try {
        await main.set('odd.txt', 'odd\n', odd);
      } catch {
        refused = true;
      }
      if (refused) {
        // Refusing is fine, as long as nothing was committed.
        expect(await main.head()).toBe(first);
        return;
      }
      // Accepted: a second handle (no cache) must read the commit, and git must accept it.
      const peer = await openStore('odd-info', factory);
      const history = await (await peer.branch('main')).history();
      expect(history.map((commit) => commit.message.split('\n')[0])).toHaveLength(2);
      const bare = join(makeTempDir('odd-info'), 'odd.git');
      await exportToBareRepo(peer, 'main', bare);
      expectFsckClean(bare);
    },
    TIMEOUT,
  );
});
