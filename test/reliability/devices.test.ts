// Devices: 2-4 devices (real stores opened by the real model) rename, describe, move, create and
// delete records, and sync through the real `git http-backend`, in an order fast-check draws.
// Then every device syncs until nothing changes, and:
//   - all devices hold one head, the remote's;
//   - every value a person wrote is in the final state or in a conflict note, unless the person
//     who replaced or deleted it had seen it (see write-ledger.ts);
//   - no record is malformed and no item points at a parent that is gone.
// `npm test` runs RUNS_QUICK runs; SOAK=1 (`npm run test:soak`) runs RUNS_SOAK.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGitRemote, type GitRemote } from '../../server/git-remote.ts';
import type { AnyRecord, Snapshot } from '../../src/model/index.ts';
import { gitAsync, makeTempDir, removeTempDirs } from '../support/git-cli.ts';
import { DeviceFleet, itemsOf, type DeviceStep } from './device-fleet.ts';
import { WriteLedger, type Write } from './write-ledger.ts';

const SOAK = process.env.SOAK === '1';
const RUNS_QUICK = 25;
// 300 since machine B (README, "First sync of a real repository"), where 1,000 ran over 18 minutes
// and 500 in 12.3, which took CI past 30.
const RUNS_SOAK = 300;
/**
 * The quick run is the same every time (a fixed seed), so `npm test` does not pass or fail by
 * luck; the soak draws new runs each time. SEED=<seed> [SEED_PATH=<path>] replays the run
 * fast-check reported as failing.
 */
const QUICK_SEED = 20_261_123;
const REPLAY = process.env.SEED
  ? { seed: Number(process.env.SEED), ...(process.env.SEED_PATH ? { path: process.env.SEED_PATH } : {}) }
  : SOAK ? {} : { seed: QUICK_SEED };

let remote: GitRemote;
let dataDir: string;
let repoCount = 0;

beforeAll(async () => {
  dataDir = makeTempDir('devices-remote');
  remote = await startGitRemote({ dataDir, port: 0 });
});
afterAll(async () => {
  await remote.close();
  removeTempDirs();
});

const step = (devices: number): fc.Arbitrary<DeviceStep> => {
  const device = fc.nat(devices - 1);
  const pick = fc.nat(50);
  return fc.oneof(
    { arbitrary: fc.record({ kind: fc.constantFrom('rename' as const, 'describe' as const, 'delete' as const), device, pick }), weight: 4 },
    { arbitrary: fc.record({ kind: fc.constant('move' as const), device, pick, other: pick }), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('create' as const), device, other: pick, project: fc.boolean() }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('sync' as const), device }), weight: 2 },
  );
};

const scenario = fc.integer({ min: 2, max: 4 }).chain((devices) =>
  fc.record({ devices: fc.constant(devices), steps: fc.array(step(devices), { minLength: 4, maxLength: 24 }) }),
);

/** The first device's starting records, which every device then clones: two projects, three actions. */
const SEED_STEPS: DeviceStep[] = [
  { kind: 'create', device: 0, other: 0, project: true },
  { kind: 'create', device: 0, other: 0, project: true },
  { kind: 'create', device: 0, other: 1, project: false },
  { kind: 'create', device: 0, other: 2, project: false },
  { kind: 'create', device: 0, other: 0, project: false },
];

/** Whether `write` survived in `snapshot`: the value itself, or a conflict note naming it. */
function survives(snapshot: Snapshot, write: Write): boolean {
  const record = snapshot.records.get(write.record);
  if (record === undefined) return false;
  if (write.field !== 'parent') return JSON.stringify(record).includes(write.value); // values are unique tokens
  if ('parent' in record && record.parent === write.value) return true;
  return (record._conflicts ?? []).some((note) => note.field === 'parent' && (note.kept === write.value || note.discarded === write.value));
}

function brokenParents(snapshot: Snapshot): string[] {
  const isHolder = (record: AnyRecord | undefined) => record?.kind === 'area' || record?.kind === 'project';
  return itemsOf(snapshot)
    .filter((item) => item.parent !== undefined && !isHolder(snapshot.records.get(item.parent)))
    .map((item) => `${item.name} -> ${item.parent}`);
}

it(
  `devices editing, moving, deleting and syncing in any order converge and lose no value (${SOAK ? RUNS_SOAK : RUNS_QUICK} runs)`,
  async () => {
    let writes = 0;
    let syncs = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ devices, steps }) => {
        const name = `devices-${++repoCount}`;
        const url = `${remote.url}${name}.git`;
        const ledger = new WriteLedger(devices);
        const fleet = await DeviceFleet.open(devices, url, ledger);
        try {
          for (const seed of SEED_STEPS) await fleet.run(seed);
          for (let device = 0; device < devices; device++) await fleet.run({ kind: 'sync', device });
          for (const next of steps) await fleet.run(next);
          const rounds = await fleet.converge(8);
          syncs += steps.filter((next) => next.kind === 'sync').length + rounds * devices;

          const heads = await Promise.all(fleet.devices.map((tasks) => tasks.branch.head()));
          const remoteHead = (await gitAsync(['ls-remote', url, 'refs/heads/main'])).split('\t')[0];
          expect(new Set(heads)).toEqual(new Set([remoteHead]));
          const final = (fleet.devices[0] as (typeof fleet.devices)[number]).snapshot;
          expect(final.head).toBe(remoteHead);
          expect(final.malformed).toEqual([]);
          expect(brokenParents(final)).toEqual([]);
          expect(ledger.live().filter((write) => !survives(final, write)), 'values lost').toEqual([]);
          writes += ledger.count;
        } catch (error) {
          throw new Error(`${error instanceof Error ? error.message : String(error)}\nafter these steps:\n${fleet.log.join('\n')}`, { cause: error });
        } finally {
          await fleet.close();
          await rm(join(dataDir, `${name}.git`), { recursive: true, force: true }); // a soak makes 1,000
        }
      }),
      { numRuns: SOAK ? RUNS_SOAK : RUNS_QUICK, endOnFailure: true, ...REPLAY },
    );
    // The runs did real work: values written and syncs made (so the checks above had something to check).
    expect(writes).toBeGreaterThan(5 * (SOAK ? RUNS_SOAK : RUNS_QUICK));
    expect(syncs).toBeGreaterThan(0);
  },
  SOAK ? 60 * 60_000 : 10 * 60_000,
);
