// Opening real CueKeeper repositories: git repositories made with the git CLI from CueKeeper's
// first-run data and from records written as ck_disk_node.ml writes them, read through the
// real git http-backend (a sync into a scratch repository) and from a git bundle.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitRemote } from '../../server/git-remote.ts';
import { isModelError, Tasks } from '../../src/model/index.ts';
import { openCueKeeper } from '../../src/ui/data/open-cuekeeper.ts';
import { makeCueKeeperRepository } from '../support/cuekeeper-init.ts';
import { ckAction, ckPlain } from '../support/cuekeeper-writer.ts';
import { git, gitAsync, makeTempDir, removeTempDirs } from '../support/git-cli.ts';

let remote: Awaited<ReturnType<typeof startGitRemote>>;
beforeAll(async () => {
  remote = await startGitRemote({ dataDir: makeTempDir('cuekeeper-remote'), port: 0 });
});
afterAll(async () => {
  await remote.close();
  removeTempDirs();
});

const ANN = '0a0a0a0a-1111-4222-8333-444455556666';
const ASK = '0b0b0b0b-1111-4222-8333-444455556666';


async function openTasks(): Promise<Tasks> {
  return Tasks.open({ name: `ck-${Math.random()}`, indexedDB: new IDBFactory() });
}

const extra = {
  [`contact/${ANN}`]: ckPlain({ name: 'Ann Ö', ctime: 1_430_000_000 }),
  [`db/${ASK}`]: ckAction({ name: 'Ask Ann “why”', ctime: 1_430_000_001, state: 'Waiting_for_contact', contact: ANN, parent: '1a7c8ea2-18ac-41cb-8f79-3566e49445f4' }),
};

describe('opening a CueKeeper repository', () => {
  it('from a git remote: every record converted with its uuid, in one commit', async () => {
    const dir = makeCueKeeperRepository(extra);
    await gitAsync(['push', '-q', `${remote.url}ck.git`, 'master'], { cwd: dir });
    const tasks = await openTasks();
    const opened = await openCueKeeper(tasks, { kind: 'remote', url: `${remote.url}ck.git` });
    expect(opened.counts).toEqual({ areas: 10, projects: 1, actions: 3, contacts: 1, contexts: 7 });
    expect(tasks.snapshot.records.size).toBe(22);
    expect(tasks.snapshot.records.get(ASK)).toMatchObject({ kind: 'action', name: 'Ask Ann “why”', state: 'waiting-for-contact', contact: ANN });
    expect(tasks.snapshot.records.get('af66bb30-5488-4b8b-a171-ba4a048d6fd1')).toMatchObject({ name: 'Weekly review', waitUntil: '2015-04-19' });
    const [commit] = await tasks.history({ limit: 5 });
    expect(commit?.message.trim()).toBe('Open CueKeeper repository: 10 areas, 1 project, 3 actions, 1 contact, 7 contexts');
    expect(await tasks.history()).toHaveLength(1); // CueKeeper's own history stays out
    await tasks.close();
  });

  it('from a git bundle', async () => {
    const dir = makeCueKeeperRepository();
    git(['bundle', 'create', '-q', 'ck.bundle', 'master'], { cwd: dir });
    const tasks = await openTasks();
    const opened = await openCueKeeper(tasks, { kind: 'bundle', bytes: new Uint8Array(readFileSync(join(dir, 'ck.bundle'))) });
    expect(opened.counts.contexts).toBe(7);
    expect(tasks.snapshot.records.get('139516f7-4c3e-47b8-98ce-0e273ea3ec5d')?.name).toBe('In town');
    await tasks.close();
  });

  it('refuses a repository that does not parse, or has no master, and writes nothing', async () => {
    const broken = makeCueKeeperRepository({ [`db/${ASK}`]: '(Action((astarred false)(astate Next))((name"Half' });
    await gitAsync(['push', '-q', `${remote.url}broken.git`, 'master'], { cwd: broken });
    const tasks = await openTasks();
    const before = await tasks.branch.head();
    const error = await openCueKeeper(tasks, { kind: 'remote', url: `${remote.url}broken.git` }).catch((caught: unknown) => caught);
    expect(isModelError(error, 'unreadable')).toBe(true);
    expect((error as Error).message).toMatch(new RegExp(`db/${ASK}: a quoted text is never closed`));
    const missing = await openCueKeeper(tasks, { kind: 'remote', url: `${remote.url}broken.git`, branch: 'main' }).catch((caught: unknown) => caught);
    expect((missing as Error).message).toMatch(/no branch “main”/);
    expect(await tasks.branch.head()).toBe(before);
    expect(tasks.snapshot.records.size).toBe(0);
    await tasks.close();
  });
});

describe('opening a CueKeeper repository that cannot be reached', () => {
  it('says why in the sync error’s words and writes nothing', async () => {
    const tasks = await openTasks();
    const error = await openCueKeeper(tasks, { kind: 'remote', url: 'http://127.0.0.1:9/nothing-here.git' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as { code?: string }).code).toBeDefined();
    expect(await tasks.branch.head()).toBeUndefined();
    await tasks.close();
  });
});
