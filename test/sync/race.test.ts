// A push that loses the race to another device: the remote moves between our look and our
// push, refuses the push, and sync fetches, merges and pushes again without losing either side.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGitRemote } from '../../server/git-remote.ts';
import { openRepo } from '../../src/store/index.ts';
import { syncOk } from '../support/sync-ok.ts';
import { startFaultProxy } from '../support/fault-proxy.ts';
import { gitText, makeTempDir, removeTempDirs } from '../support/git-cli.ts';
import { readAllFiles } from '../support/store-walk.ts';

let dataDir: string;
let remote: Awaited<ReturnType<typeof startGitRemote>>;
let proxy: Awaited<ReturnType<typeof startFaultProxy>>;

beforeAll(async () => {
  dataDir = makeTempDir('race-remote-');
  remote = await startGitRemote({ dataDir, port: 0 });
  proxy = await startFaultProxy({ target: remote.url, plan: () => ({ kind: 'pass' }) });
});
afterAll(async () => {
  await proxy.close();
  await remote.close();
  removeTempDirs();
});

/**
 * Another device's commit, written straight into the bare repository with plumbing (no HTTP,
 * so it can run synchronously inside the proxy's plan, between our look and our push).
 */
function commitElsewhere(bareDir: string, path: string, content: string): string {
  const env = { GIT_DIR: bareDir, GIT_INDEX_FILE: join(makeTempDir('race-index-'), 'index') };
  const old = gitText(['rev-parse', 'refs/heads/main'], { env }).trim();
  const blob = gitText(['hash-object', '-w', '--stdin'], { env, input: content }).trim();
  gitText(['read-tree', old], { env });
  gitText(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], { env });
  const tree = gitText(['write-tree'], { env }).trim();
  const commit = gitText(['commit-tree', tree, '-p', old, '-m', 'Another device'], { env }).trim();
  gitText(['update-ref', 'refs/heads/main', commit, old], { env });
  return commit;
}

it('merges and pushes again when the remote moved between discovery and push', async () => {
  const name = 'race';
  const url = `${proxy.url}${name}.git`;
  const repo = await openRepo({ name: 'device', indexedDB: new IDBFactory() });
  const main = await repo.branch();
  await main.set('mine.txt', 'first', { message: 'First' });
  await syncOk(repo.git, { url });
  await main.set('mine.txt', 'second', { message: 'Second' });

  let raced: string | undefined;
  proxy.setPlan(({ method, path }) => {
    if (method === 'POST' && path.endsWith('/git-receive-pack') && raced === undefined) {
      raced = commitElsewhere(join(dataDir, `${name}.git`), 'theirs.txt', 'from another device\n');
    }
    return { kind: 'pass' };
  });
  const result = await syncOk(repo.git, { url });
  proxy.setPlan(() => ({ kind: 'pass' }));

  expect(raced).toBeDefined();
  expect(result.kind).toBe('merged-and-pushed');
  const pushes = proxy.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/git-receive-pack'));
  expect(pushes.length).toBeGreaterThanOrEqual(2);
  const files = await readAllFiles(repo);
  expect(files).toEqual({ 'mine.txt': 'second', 'theirs.txt': 'from another device\n' });
  const remoteHead = gitText(['rev-parse', 'refs/heads/main'], { env: { GIT_DIR: join(dataDir, `${name}.git`) } }).trim();
  expect(remoteHead).toBe(result.head);
  const parents = gitText(['log', '-1', '--format=%P', remoteHead], { env: { GIT_DIR: join(dataDir, `${name}.git`) } }).trim().split(' ');
  expect(parents).toContain(raced);
  await repo.close();
});
