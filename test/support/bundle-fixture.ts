/**
 * Test-only helpers for the bundle tests: stores on their own fake IndexedDB, commits with
 * fixed dates, and a snapshot of what a store holds, to prove a refused import changed nothing.
 * Nothing outside tests imports this file.
 */
import { IDBFactory } from 'fake-indexeddb';
import { isTreeMode, openRepo, type Oid, type Repo } from '../../src/store/index.ts';
import { gitText } from './git-cli.ts';

const openRepos: Repo[] = [];
let counter = 0;

/** A repository on a fresh fake IndexedDB; {@link closeStores} closes it. */
export async function openStore(): Promise<Repo> {
  const repo = await openRepo({ name: `bundle-${++counter}`, indexedDB: new IDBFactory() });
  openRepos.push(repo);
  return repo;
}

/** Closes every store {@link openStore} opened. */
export async function closeStores(): Promise<void> {
  for (const repo of openRepos.splice(0)) await repo.close();
}

/** Commit info with a fixed, increasing date, so ids do not depend on the clock. */
export function at(message: string, seconds: number): { message: string; date: Date; author: { name: string; email: string } } {
  return { message, date: new Date(Date.UTC(2026, 0, 1) + seconds * 1000), author: { name: 'Ada Tester', email: 'ada@example.org' } };
}

/** Every file below the tree of `commit`, path -> `<mode> <oid>` (as `git ls-tree -r` shows). */
export async function filesAt(repo: Repo, commit: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (tree: Oid, prefix: string): Promise<void> => {
    for (const entry of await repo.git.objects.readTree(tree)) {
      const path = `${prefix}${entry.name}`;
      if (isTreeMode(entry.mode)) await walk(entry.oid, `${path}/`);
      else out.set(path, `${entry.mode} ${entry.oid}`);
    }
  };
  await walk((await repo.readCommit(commit)).tree, '');
  return out;
}

/** What a store holds that an import could change: its refs, and which of `oids` it lacks. */
export async function snapshot(repo: Repo, oids: readonly string[]): Promise<{ refs: Map<string, Oid>; missing: Oid[] }> {
  return { refs: await repo.git.refs.list(), missing: await repo.git.objects.missing(oids) };
}

/** `git ls-tree -r` of a commit: path -> `<mode> <oid>`, the shape of {@link filesAt}. */
export function gitFiles(cwd: string, rev: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of gitText(['ls-tree', '-r', '-z', rev], { cwd }).split('\0')) {
    if (line === '') continue;
    const [meta, path] = line.split('\t') as [string, string];
    const [mode, , oid] = meta.split(' ') as [string, string, string];
    out.set(path, `${mode} ${oid}`);
  }
  return out;
}

/** A sorted copy. */
export const sorted = (list: readonly string[]): string[] => [...list].sort();
