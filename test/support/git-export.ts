/**
 * Test-only stand-ins for the sync layer: copy a store branch into a bare git repository as
 * loose objects, and copy a git repository's `main` into a store, both through the store's
 * public object API. They let interop tests hand the store's bytes to the real `git` CLI.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deflate } from 'pako';
import {
  FILE_MODE,
  decodeCommit,
  decodeTree,
  parseOid,
  wrapObject,
  type GitObject,
  type ObjectType,
  type Oid,
  type Repo,
} from '../../src/store/index.ts';
import { git, gitText } from './git-cli.ts';

/** What an export or import moved. */
export interface TransferResult {
  /** The branch head that was copied. */
  head: Oid;
  /** How many objects were copied. */
  objects: number;
}

const isTreeMode = (mode: string): boolean => mode === FILE_MODE.tree || mode === '040000';

/** Writes one object as git's loose form: `objects/xx/yyyy…`, zlib of `"<type> <size>\0<content>"`. */
export function writeLooseObject(gitDir: string, oid: string, object: GitObject): void {
  const path = join(gitDir, 'objects', oid.slice(0, 2), oid.slice(2));
  if (existsSync(path)) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, deflate(wrapObject(object.type, object.content)));
}

/**
 * Exports every object reachable from `branch`'s head into the bare repository `dir`
 * (created with `git init --bare -b main` when missing) and points `refs/heads/<branch>` and
 * HEAD at it. Submodule entries (mode 160000) are not followed, as git does not either.
 */
export async function exportToBareRepo(repo: Repo, branch: string, dir: string): Promise<TransferResult> {
  if (!existsSync(join(dir, 'HEAD'))) git(['init', '--quiet', '--bare', '-b', 'main', dir]);
  const head = (await repo.listBranches()).get(branch);
  if (head === undefined) throw new Error(`Branch ${branch} has no commit to export.`);

  const seen = new Set<string>([head]);
  const pending: Array<{ oid: Oid; type: ObjectType }> = [{ oid: head, type: 'commit' }];
  const follow = (oid: Oid, type: ObjectType): void => {
    if (seen.has(oid)) return;
    seen.add(oid);
    pending.push({ oid, type });
  };
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const object = await repo.git.objects.read(next.oid);
    if (object.type !== next.type) throw new Error(`Object ${next.oid} is a ${object.type}, expected a ${next.type}.`);
    writeLooseObject(dir, next.oid, object);
    if (object.type === 'commit') {
      const commit = decodeCommit(object.content);
      follow(commit.tree, 'tree');
      for (const parent of commit.parents) follow(parent, 'commit');
    } else if (object.type === 'tree') {
      for (const entry of decodeTree(object.content)) {
        if (entry.mode === FILE_MODE.gitlink) continue;
        follow(entry.oid, isTreeMode(entry.mode) ? 'tree' : 'blob');
      }
    }
  }

  const ref = `refs/heads/${branch}`;
  mkdirSync(dirname(join(dir, ref)), { recursive: true });
  writeFileSync(join(dir, ref), `${head}\n`);
  writeFileSync(join(dir, 'HEAD'), `ref: ${ref}\n`);
  return { head, objects: seen.size };
}

/** Splits the output of `git cat-file --batch` into objects. */
function parseCatFileBatch(output: Buffer): Array<{ oid: string; object: GitObject }> {
  const objects: Array<{ oid: string; object: GitObject }> = [];
  let at = 0;
  while (at < output.length) {
    const newline = output.indexOf(0x0a, at);
    if (newline < 0) throw new Error('cat-file --batch: truncated header');
    const header = output.subarray(at, newline).toString('utf8');
    const match = /^([0-9a-f]{40}) (blob|tree|commit|tag) (\d+)$/.exec(header);
    if (!match) throw new Error(`cat-file --batch: unexpected header ${JSON.stringify(header)}`);
    const [, oid, type, size] = match as unknown as [string, string, ObjectType, string];
    const start = newline + 1;
    const end = start + Number(size);
    if (end + 1 > output.length || output[end] !== 0x0a) throw new Error(`cat-file --batch: truncated object ${oid}`);
    objects.push({ oid, object: { type, content: new Uint8Array(output.subarray(start, end)) } });
    at = end + 1;
  }
  return objects;
}

/**
 * Imports every object reachable from `refs/heads/main` of the git repository at `gitDir`
 * (a worktree or a bare repository) through `repo.objects.write`, checks that the store gives
 * each object git's id, and points the store's (empty) `branch` at git's head.
 */
export async function importFromGitRepo(repo: Repo, branch: string, gitDir: string): Promise<TransferResult> {
  const head = parseOid(gitText(['rev-parse', '--verify', 'refs/heads/main^{commit}'], { cwd: gitDir }).trim());
  const listing = gitText(['rev-list', '--objects', 'refs/heads/main'], { cwd: gitDir });
  const oids = listing
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.slice(0, 40));
  const batch = parseCatFileBatch(git(['cat-file', '--batch'], { cwd: gitDir, input: `${oids.join('\n')}\n` }));
  if (batch.length !== oids.length) throw new Error(`Asked git for ${oids.length} objects, got ${batch.length}.`);

  const written = await repo.git.objects.write(batch.map(({ object }) => object));
  batch.forEach(({ oid }, i) => {
    if (written[i] !== oid) throw new Error(`The store gave git object ${oid} the id ${String(written[i])}.`);
  });
  if (!(await repo.git.refs.compareAndSet(`refs/heads/${branch}`, undefined, head))) {
    throw new Error(`Branch ${branch} of the store already has a head; import needs an empty branch.`);
  }
  return { head, objects: batch.length };
}
