// Bad input in records: files that are not valid JSON records arriving from another device (a
// git client that wrote anything at all), and notes far too large to keep. The model lists the
// first as problems and keeps working with everything else; it refuses the second with a
// message in words, and nothing is committed.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGitRemote, type GitRemote } from '../../server/git-remote.ts';
import {
  addLogEntry,
  contactsView,
  createRecord,
  isModelError,
  MAX_DESCRIPTION_CHARS,
  problems,
  processTree,
  recordPath,
  reviewView,
  scheduleView,
  search,
  Tasks,
  updateRecord,
  workView,
  type Snapshot,
} from '../../src/model/index.ts';
import { syncOk } from '../support/sync-ok.ts';
import { gitAsync, makeTempDir, removeTempDirs } from '../support/git-cli.ts';
import { readAllFiles } from '../support/store-walk.ts';
import { dumpDatabase } from './raw-idb.ts';

const NOW = new Date(Date.UTC(2026, 0, 5, 9));
const TODAY = '2026-01-05';
const KEEP = '3f000000-0000-4000-8000-00000000000a';
const id = (n: number) => `3f000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

let remote: GitRemote;
let repoCount = 0;
let url: string;
let factory: IDBFactory;
let tasks: Tasks;

beforeAll(async () => {
  remote = await startGitRemote({ dataDir: makeTempDir('bad-records-remote'), port: 0 });
});
afterAll(async () => {
  await remote.close();
  removeTempDirs();
});

/** A device holding one action, "Keep me", synced to a fresh remote repository. */
beforeEach(async () => {
  url = `${remote.url}bad-records-${++repoCount}.git`;
  factory = new IDBFactory();
  tasks = await Tasks.open({ name: 'device', indexedDB: factory });
  await tasks.run((snapshot) => createRecord(snapshot, { kind: 'action', name: 'Keep me', state: 'next' }, NOW, () => KEEP));
  await syncOk(tasks.repo.git, { url });
  return () => tasks.close();
});

/** Another git client clones the remote, writes `files` (path -> bytes), commits and pushes. */
async function pushFromElsewhere(files: Record<string, Uint8Array | string>, message: string): Promise<void> {
  const dir = join(makeTempDir('elsewhere'), 'clone');
  await gitAsync(['clone', '-q', url, dir]);
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  await gitAsync(['add', '-A'], { cwd: dir });
  await gitAsync(['commit', '-q', '-m', message], { cwd: dir });
  await gitAsync(['push', '-q', 'origin', 'HEAD:main'], { cwd: dir });
}

/** Every query the app's views run, over `snapshot`: none may throw. */
function renderEveryView(snapshot: Snapshot): void {
  processTree(snapshot);
  workView(snapshot, TODAY);
  contactsView(snapshot);
  scheduleView(snapshot, TODAY);
  reviewView(snapshot, 'everything');
  search(snapshot, 'keep');
  problems(snapshot);
}

describe('records that are not valid JSON, from another device', () => {
  it('are listed as problems by path and reason; the rest reads, renders, edits and syncs', async () => {
    const garbage = Uint8Array.from({ length: 512 }, (_, index) => (index * 131 + 7) % 256); // not UTF-8, not JSON
    await pushFromElsewhere(
      {
        [recordPath('action', id(1))]: '{\n  "kind": "action",\n  "name": "Cut off',
        [recordPath('action', id(2))]: garbage,
        [recordPath('contact', id(3))]: '[1, 2, 3]\n',
        [recordPath('action', id(4))]: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
        [recordPath('action', id(5))]: '',
      },
      'Files written by something else',
    );
    expect((await syncOk(tasks.repo.git, { url })).kind).toBe('pulled');
    await tasks.settle(); // catches up with the head, and the model's after-merge repair
    const snapshot = tasks.snapshot;

    expect(snapshot.malformed.map(({ path }) => path).sort()).toEqual(
      [recordPath('action', id(1)), recordPath('action', id(2)), recordPath('contact', id(3)), recordPath('action', id(4)), recordPath('action', id(5))].sort(),
    );
    for (const { reason } of snapshot.malformed) expect(reason).toBe('it is not a JSON object');
    const listed = problems(snapshot).filter((problem) => problem.kind === 'malformed');
    expect(listed.map((problem) => problem.message)).toContain(`Could not read ${recordPath('contact', id(3))}: it is not a JSON object.`);
    expect(snapshot.records.get(KEEP)?.name).toBe('Keep me');
    renderEveryView(snapshot);

    await tasks.run((current) => updateRecord(current, KEEP, { name: 'Kept and renamed' }, NOW));
    expect((await syncOk(tasks.repo.git, { url })).kind).toBe('pushed');
    expect(tasks.snapshot.malformed).toHaveLength(5); // still listed, never silently dropped
  });

  it('a record garbled on one device while edited on another: both versions are kept and the garbled one is listed', async () => {
    await tasks.run((current) => updateRecord(current, KEEP, { name: 'Renamed here' }, NOW));
    await pushFromElsewhere({ [recordPath('action', KEEP)]: 'this is not JSON at all\n' }, 'Garble the record');
    expect((await syncOk(tasks.repo.git, { url })).kind).toBe('merged-and-pushed');
    await tasks.settle();

    const files = await readAllFiles(tasks.repo);
    const versions = Object.entries(files).filter(([path]) => path.startsWith(recordPath('action', KEEP)));
    expect(versions).toHaveLength(2);
    expect(versions.map(([, text]) => text).join('\n')).toContain('Renamed here');
    expect(versions.map(([, text]) => text).join('\n')).toContain('this is not JSON at all');
    expect(tasks.snapshot.malformed.length).toBeGreaterThanOrEqual(1);
    renderEveryView(tasks.snapshot);
  });
});

describe('a 10 MB description', () => {
  const huge = 'x'.repeat(10 * 1024 * 1024);

  /** Runs `command`, expecting an 'invalid' ModelError about the size, and nothing committed. */
  async function expectRefused(command: () => Promise<unknown>): Promise<void> {
    const head = await tasks.branch.head();
    const before = await dumpDatabase(factory, 'device');
    const error = await command().then(
      () => new Error('it was committed'),
      (caught: unknown) => caught,
    );
    expect(isModelError(error, 'invalid'), String(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Notes can hold at most 100,000 characters; these have [\d,]+\. Keep long documents elsewhere and link to them\.$/);
    expect(await tasks.branch.head()).toBe(head);
    expect(await dumpDatabase(factory, 'device')).toEqual(before);
  }

  it('is refused on create, on edit and as a log entry, with a clear message, and nothing is written', async () => {
    await expectRefused(async () => tasks.run((s) => createRecord(s, { kind: 'action', name: 'Big', description: huge }, NOW, () => id(9))));
    await expectRefused(async () => tasks.run((s) => updateRecord(s, KEEP, { description: huge }, NOW)));
    await expectRefused(async () => tasks.run((s) => addLogEntry(s, KEEP, huge, NOW)));
    expect(tasks.snapshot.records.get(KEEP)?.description).toBeUndefined();
  });

  it('notes of exactly the limit are kept', async () => {
    const full = 'y'.repeat(MAX_DESCRIPTION_CHARS);
    await tasks.run((s) => updateRecord(s, KEEP, { description: full }, NOW));
    expect(tasks.snapshot.records.get(KEEP)?.description).toBe(full);
    await expectRefused(async () => tasks.run((s) => addLogEntry(s, KEEP, 'one more line', NOW)));
  });
});
