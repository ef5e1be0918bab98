// The index file the isomorphic-git baseline writes (bench/page/git-index-file.ts) is one git
// itself reads: `git ls-files --stage` lists every entry, and `git write-tree` builds the same
// tree our store encodes for those files.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { encodeIndexFile } from '../../bench/page/git-index-file.ts';
import { encodeTree, FILE_MODE, hashObject, type Oid } from '../../src/store/index.ts';
import { gitText, makeTempDir, removeTempDirs } from '../support/git-cli.ts';

afterAll(removeTempDirs);

it('writes an index git reads, staging the tree our store would commit', () => {
  const dir = makeTempDir('index-file');
  gitText(['init', '-q', '-b', 'main', dir]);
  const files = { 'items/3f/b.json': '{"b":1}\n', 'items/3f/a.json': '{"a":1}\n', 'items/0a/c.json': '{"c":1}\n', 'README': 'hello\n' };
  const entries = Object.entries(files).map(([path, text]) => ({ path, oid: gitText(['hash-object', '-w', '--stdin'], { cwd: dir, input: text }).trim() }));
  writeFileSync(join(dir, '.git', 'index'), encodeIndexFile(entries));

  const staged = gitText(['ls-files', '--stage'], { cwd: dir }).trim().split('\n');
  expect(staged).toEqual([...entries].sort((a, b) => (a.path < b.path ? -1 : 1)).map(({ path, oid }) => `100644 ${oid} 0\t${path}`));

  const blob = (path: keyof typeof files) => hashObject('blob', new TextEncoder().encode(files[path])).oid;
  const tree = (entries: Array<{ name: string; mode: string; oid: Oid }>) => hashObject('tree', encodeTree(entries)).oid;
  const shard3f = tree([{ name: 'a.json', mode: FILE_MODE.file, oid: blob('items/3f/a.json') }, { name: 'b.json', mode: FILE_MODE.file, oid: blob('items/3f/b.json') }]);
  const shard0a = tree([{ name: 'c.json', mode: FILE_MODE.file, oid: blob('items/0a/c.json') }]);
  const items = tree([{ name: '3f', mode: FILE_MODE.tree, oid: shard3f }, { name: '0a', mode: FILE_MODE.tree, oid: shard0a }]);
  const root = tree([{ name: 'items', mode: FILE_MODE.tree, oid: items }, { name: 'README', mode: FILE_MODE.file, oid: blob('README') }]);
  expect(gitText(['write-tree'], { cwd: dir }).trim()).toBe(root);
});
