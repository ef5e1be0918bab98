// Sync through a proxy that resets, fails, truncates and stalls: every sync ends in success or
// a typed error, nothing committed locally is lost, and once the faults stop all devices converge.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitRemote } from '../../server/git-remote.ts';
import { openRepo, type Repo } from '../../src/store/index.ts';
import { AuthFailedError, SyncError, sync } from '../../src/sync/index.ts';
import { syncFailure, syncOk } from '../support/sync-ok.ts';
import { startFaultProxy, type Fault } from '../support/fault-proxy.ts';
import { makeTempDir, removeTempDirs } from '../support/git-cli.ts';
import { assertHeadComplete, readAllFiles } from '../support/store-walk.ts';

let remote: Awaited<ReturnType<typeof startGitRemote>>;
let proxy: Awaited<ReturnType<typeof startFaultProxy>>;

beforeAll(async () => {
  remote = await startGitRemote({ dataDir: makeTempDir('faults-remote-'), port: 0 });
  proxy = await startFaultProxy({ target: remote.url, plan: () => ({ kind: 'pass' }) });
});
afterAll(async () => {
  await proxy.close();
  await remote.close();
  removeTempDirs();
});

const FAULTS: Fault[] = [
  { kind: 'reset' },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503 },
  { kind: 'truncate', bytes: 7 },
  { kind: 'truncate', bytes: 200 },
  { kind: 'stall' },
  { kind: 'duplicate' },
];

let clock = Date.UTC(2026, 0, 1);
let rotation = 0;
const info = (message: string) => ({ message, date: new Date((clock += 1000)) });

describe('sync under network faults', () => {
  it('reports a 401 as refused credentials', async () => {
    proxy.setPlan(() => ({ kind: 'status', status: 401 }));
    const repo = await openRepo({ name: 'auth', indexedDB: new IDBFactory() });
    await (await repo.branch()).set('a.txt', 'a', info('a'));
    const error = await syncFailure(repo.git, { url: `${proxy.url}auth.git`, auth: { username: 'u', password: 'p' } });
    expect(error).toBeInstanceOf(AuthFailedError);
    expect(error.message).toMatch(/refused the username and token \(HTTP 401\)/);
    proxy.setPlan(() => ({ kind: 'pass' }));
    await repo.close();
  });

  it('never loses a commit, ends each sync typed, and converges once faults stop', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ device: fc.nat(2), edit: fc.nat(3), fault: fc.nat(3) }), { minLength: 6, maxLength: 12 }),
        async (steps) => {
          const url = `${proxy.url}f${Math.random().toString(36).slice(2)}.git`;
          const devices: Repo[] = [];
          for (let i = 0; i < 3; i++) devices.push(await openRepo({ name: `d${i}`, indexedDB: new IDBFactory() }));
          const written = new Map<string, string>();
          let stepIndex = 0;
          for (const step of steps) {
            stepIndex++;
            const repo = devices[step.device] as Repo;
            const path = `items/${step.edit}/d${step.device}-${stepIndex}.txt`;
            await (await repo.branch()).set(path, `value ${stepIndex}`, info(`step ${stepIndex}`));
            written.set(path, `value ${stepIndex}`);
            // Most syncs get one fault, kinds in rotation so each kind is exercised.
            const fault = step.fault === 0 ? undefined : FAULTS[rotation++ % FAULTS.length];
            // Fault one request of this sync (the n-th), pass the rest.
            let seen = 0;
            const target = step.edit % 3;
            proxy.setPlan(() => (fault !== undefined && seen++ === target ? fault : { kind: 'pass' }));
            const outcome = await sync(repo.git, { url, timeoutMs: 1500 });
            if (outcome.kind === 'failed') expect(outcome.error).toBeInstanceOf(SyncError);
            await assertHeadComplete(repo);
          }
          proxy.setPlan(() => ({ kind: 'pass' }));
          for (let round = 0; round < 2; round++) for (const repo of devices) await syncOk(repo.git, { url });
          const heads = await Promise.all(devices.map(async (repo) => (await repo.branch()).head()));
          expect(new Set(heads).size).toBe(1);
          const files = await readAllFiles(devices[0] as Repo);
          for (const [path, value] of written) expect(files[path]).toBe(value);
          await Promise.all(devices.map((repo) => repo.close()));
        },
      ),
      { numRuns: 12 },
    );
    const injected = proxy.requests.filter((request) => request.fault.kind !== 'pass');
    expect(injected.length).toBeGreaterThan(40);
    expect([...new Set(injected.map((request) => request.fault.kind))].sort()).toEqual(["duplicate", "reset", "stall", "status", "truncate"].sort());
  }, 240_000);
});
