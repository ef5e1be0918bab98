// The native-git half of the sync bench: a work tree holding bench/fixture.ts's content committed
// in the same batches, with the same author and dates as the page's store, so both sides hold
// byte-identical commits; single-item changes; 1,000-commit series made with `git fast-import`.
// Everything that talks to the in-process git remote is asynchronous (gitAsync): a synchronous
// call would block the event loop the remote answers on.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { git, gitAsync } from '../test/support/git-cli.ts';
import { BENCH_AUTHOR, fillBatches, itemChange, itemJson, itemPath, type ItemChange } from './fixture.ts';

/** Author and committer, with the date of a fixture commit (`seconds`, UTC). */
function commitEnv(seconds: number): Record<string, string> {
  const date = `@${seconds} +0000`;
  return {
    GIT_AUTHOR_NAME: BENCH_AUTHOR.name,
    GIT_AUTHOR_EMAIL: BENCH_AUTHOR.email,
    GIT_COMMITTER_NAME: BENCH_AUTHOR.name,
    GIT_COMMITTER_EMAIL: BENCH_AUTHOR.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
}

/**
 * Config for every bench repository: no automatic gc or maintenance, which git would otherwise
 * start in the background past 6,700 loose objects, in the middle of the timed pushes.
 */
async function configure(dir: string): Promise<void> {
  await gitAsync(['config', 'gc.auto', '0'], { cwd: dir });
  await gitAsync(['config', 'maintenance.auto', 'false'], { cwd: dir });
}

/** The head commit of the repository at `dir`. */
export async function headOf(dir: string): Promise<string> {
  return (await gitAsync(['rev-parse', 'HEAD'], { cwd: dir })).trim();
}

function writeItem(dir: string, id: string, revision: number): void {
  const file = join(dir, itemPath(id));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, itemJson(id, revision));
}

/** `git init` at `dir`, then the fixture's fill: each batch written, added and committed. Returns the head. */
export async function createNativeWorkTree(dir: string, ids: readonly string[], batch: number): Promise<string> {
  await gitAsync(['init', '-q', '-b', 'main', dir]);
  await configure(dir);
  for (const { ids: slice, message, seconds } of fillBatches(ids, batch)) {
    for (const id of slice) writeItem(dir, id, 0);
    await gitAsync(['add', '-A'], { cwd: dir });
    await gitAsync(['commit', '-q', '-m', message], { cwd: dir, env: commitEnv(seconds) });
  }
  return headOf(dir);
}

/** Commits fixture change number `index` (one item rewritten) in the work tree at `dir`. */
export async function commitNativeChange(dir: string, ids: readonly string[], index: number): Promise<ItemChange> {
  const change = itemChange(ids, index);
  writeItem(dir, change.id, change.revision);
  await gitAsync(['add', itemPath(change.id)], { cwd: dir });
  await gitAsync(['commit', '-q', '-m', change.message], { cwd: dir, env: commitEnv(change.seconds) });
  return change;
}

/** Runs one git command (asynchronously) and returns how long it took, in ms. */
export async function timeGit(args: readonly string[], cwd: string): Promise<number> {
  const started = performance.now();
  await gitAsync(args, { cwd });
  return performance.now() - started;
}

/** A bare clone of the bare repository at `source` (a local path: hard links, no server). */
export async function cloneWriter(source: string, dir: string): Promise<void> {
  await gitAsync(['clone', '-q', '--bare', source, dir]);
  await configure(dir);
}

/**
 * A copy of the repository at `source` as it is now, for another client to push: a local clone
 * without checkout, whose loose objects are hard links to the source's (the same files, in well
 * under a second where copying 10,000 of them took ~10 s).
 */
export async function copyRepository(source: string, dir: string): Promise<void> {
  await gitAsync(['clone', '-q', '--no-checkout', '--local', source, dir]);
  await configure(dir);
}

/**
 * Adds `count` commits to `main` of the bare repository `dir` with `git fast-import`, fixture
 * changes `first` to `first + count - 1`, one item each. Returns the new head.
 */
export async function fastImportChanges(dir: string, ids: readonly string[], first: number, count: number): Promise<string> {
  const encoder = new TextEncoder();
  const chunks: string[] = [];
  const data = (text: string) => `data ${encoder.encode(text).length}\n${text}\n`;
  for (let index = first; index < first + count; index++) {
    const change = itemChange(ids, index);
    const who = `${BENCH_AUTHOR.name} <${BENCH_AUTHOR.email}> ${change.seconds} +0000`;
    chunks.push(`commit refs/heads/main\nauthor ${who}\ncommitter ${who}\n${data(`${change.message}\n`)}`);
    if (index === first) chunks.push('from refs/heads/main^0\n');
    chunks.push(`M 100644 inline ${itemPath(change.id)}\n${data(itemJson(change.id, change.revision))}`);
  }
  chunks.push('done\n');
  // Local only (no server involved), so the synchronous helper, which takes stdin, is fine here.
  git(['fast-import', '--quiet', '--done'], { cwd: dir, input: chunks.join('') });
  return (await gitAsync(['rev-parse', 'main'], { cwd: dir })).trim();
}
