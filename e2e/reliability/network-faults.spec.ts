// Two devices (two browser contexts, each an IndexedDB of its own) run the built app and sync,
// each through a fault proxy of its own, with the real git remote behind both. The proxies reset
// connections, answer 500 and 401, cut answers short, stall past the sync's timeout (the page's
// clock is then moved past it) and send requests twice. Every sync must end in success or in a
// typed error the app shows; no device may ever lose a commit it made; and once the faults stop,
// both devices and the remote converge on one head holding every change.
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startFaultProxy, type FaultProxy } from '../../test/support/fault-proxy.ts';
import { gitAsync, gitRun, makeTempDir, removeTempDirs } from '../../test/support/git-cli.ts';
import { openApp, requireEnv } from '../app/app-support.ts';
import { commitActions, recordIds, walkRepository, type SavedAction } from '../support/reliability-app.ts';
import { countFaults, faultPlan, FAULT_LABELS } from '../support/reliability-faults.ts';
import { reliabilitySeed, seededRandom, type SeededRandom } from '../support/reliability-random.ts';
import { readSyncLog, recordSyncLog, waitForSyncsToSettle, type SyncEnd } from '../support/reliability-sync-log.ts';

test.afterAll(() => removeTempDirs());

/** The share of git's requests that get a fault while faults are on. */
const FAULT_RATE = 0.3;
/** The codes a SyncError may carry here (no 404, no web page and no abort are injected; the browser stays online). */
const TYPED_CODES = ['unreachable', 'interrupted', 'auth-failed', 'server-error', 'protocol', 'rejected'];

interface Device {
  name: string;
  context: BrowserContext;
  page: Page;
  proxy: FaultProxy;
  /** Every commit this device made, in order. */
  saved: SavedAction[];
}

/** A device: the app in a context of its own, its Sync settings pointing at its own fault proxy. */
async function openDevice(browser: Browser, name: string, repoPath: string, token: string): Promise<Device> {
  const proxy = await startFaultProxy({ target: requireEnv('GIT_REMOTE_URL'), plan: () => ({ kind: 'pass' }) });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.clock.install(); // time flows, and a test can jump it past the sync timeout
  await recordSyncLog(page);
  await openApp(page, '#/sync');
  await page.getByLabel('Remote URL').fill(`${proxy.url}${repoPath}`);
  await page.getByLabel('Username').fill(`device-${name}`);
  await page.getByLabel('Token or password').fill(token);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  return { name, context, page, proxy, saved: [] };
}

/** Every commit the device's head reaches. */
function reachableCommits(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const tasks = window.taskgit?.tasks;
    if (!tasks) throw new Error('no repository');
    const head = await tasks.branch.head();
    return head === undefined ? [] : tasks.repo.git.graph.listCommitsBetween([head], []);
  });
}

async function expectNothingLost(device: Device, when: string): Promise<void> {
  const reachable = new Set(await reachableCommits(device.page));
  const lost = device.saved.filter((change) => !reachable.has(change.head)).map((change) => change.name);
  expect(lost, `device ${device.name} ${when}: its own commits missing from its head`).toEqual([]);
}

/** Presses Sync now and waits until that sync (and any it started) has ended. */
async function syncNow(device: Device): Promise<SyncEnd[]> {
  const before = (await readSyncLog(device.page)).ends.length;
  await device.page.getByRole('button', { name: 'Sync now' }).click();
  return (await waitForSyncsToSettle(device.page, before)).ends.slice(before);
}

/** Commits 0-2 changes and syncs, over and over, until `enough()` says so. */
async function runWithFaults(device: Device, random: SeededRandom, enough: () => boolean): Promise<void> {
  for (let round = 0; !enough(); round++) {
    const names = Array.from({ length: random.int(0, 2) }, (_, index) => `${device.name} round ${round} change ${index}`);
    device.saved.push(...(await commitActions(device.page, names)));
    await syncNow(device);
    await expectNothingLost(device, `after round ${round}`);
  }
}

/** Faults injected so far on both devices' proxies. */
function faultsInjected(devices: readonly Device[]): number {
  return devices.reduce((sum, device) => sum + device.proxy.requests.filter((request) => request.fault.kind !== 'pass').length, 0);
}

/** Every sync ended in success or a typed error the indicator and the Sync tab's banner put in words. */
function expectEverySyncAccountedFor(device: Device, ends: readonly SyncEnd[]): void {
  for (const end of ends) {
    if (end.phase !== 'error') {
      expect(end.text, `device ${device.name}: a sync that ended well says where changes are`).toMatch(/^(Saved on (the remote|this device)|Up to date with the remote)/);
      continue;
    }
    const code = end.code;
    expect(TYPED_CODES, `device ${device.name}: "${end.text}" has a typed error`).toContain(code);
    expect(end.text, `device ${device.name}: the indicator says what is wrong in words`).toMatch(/^Saved on this device · \S.{10,}/);
    expect(end.bannerCode, `device ${device.name}: the Sync tab explains the same ${String(code)} error`).toBe(code);
    expect(end.banner, `device ${device.name}: the Sync tab explains the ${String(code)} error in words`).toMatch(/^Not synced: \S.{40,}/);
    expect(end.title.length, 'the indicator tooltip gives the message').toBeGreaterThan(30);
  }
}

async function networkRun(browser: Browser, minFaults: number, seed: number): Promise<void> {
  const repoPath = `reliability-network-${randomUUID().slice(0, 8)}.git`;
  const token = `tok-${randomUUID()}`;
  const devices: Device[] = [];
  try {
    for (const name of ['A', 'B']) devices.push(await openDevice(browser, name, repoPath, token));
    const appOrigin = new URL(requireEnv('APP_URL')).origin;
    devices.forEach((device, index) => device.proxy.setPlan(faultPlan(seededRandom(seed + index), FAULT_RATE, device.page, appOrigin)));

    const enough = () => faultsInjected(devices) >= minFaults;
    await Promise.all(devices.map((device, index) => runWithFaults(device, seededRandom(seed + 10 + index), enough)));

    expect(faultsInjected(devices)).toBeGreaterThanOrEqual(minFaults);
    const faults = countFaults(devices.flatMap((device) => device.proxy.requests));
    for (const label of FAULT_LABELS) expect(faults[label], `faults injected: ${label}`).toBeGreaterThan(0);
    const outcomes: Record<string, number> = {};
    for (const device of devices) {
      const log = await readSyncLog(device.page);
      for (const end of log.ends) {
        const outcome = end.code ?? 'ok';
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
      expectEverySyncAccountedFor(device, log.ends);
      expect(log.ends.length, `device ${device.name}: every sync that started has ended`).toBe(log.starts);
      expect(log.ends.filter((end) => end.phase === 'error').length, `device ${device.name}: some syncs failed`).toBeGreaterThan(0);
    }

    test.info().annotations.push({ type: 'faults and sync outcomes', description: JSON.stringify({ faults, outcomes }) });

    expect(outcomes['auth-failed'], 'an injected 401 shows as auth-failed').toBeGreaterThan(0);
    expect(outcomes['server-error'], 'an injected 500 shows as server-error').toBeGreaterThan(0);
    expect(outcomes.unreachable, 'resets and stalls before an answer show as unreachable').toBeGreaterThan(0);
    expect(outcomes.interrupted, 'answers cut short show as interrupted, not as unreachable').toBeGreaterThan(0);

    // Faults stop: a few clean rounds bring both devices and the remote to one head.
    for (const device of devices) device.proxy.setPlan(() => ({ kind: 'pass' }));
    for (let round = 0; round < 4; round++) {
      for (const device of devices) {
        const ends = await syncNow(device);
        expect(ends.filter((end) => end.phase === 'error'), `device ${device.name}: clean sync`).toEqual([]);
      }
      const [a, b] = await Promise.all(devices.map((device) => walkRepository(device.page)));
      if (a?.head !== undefined && a.head === b?.head) break;
    }
    const walks = await Promise.all(devices.map((device) => walkRepository(device.page))); // verifies every object
    const head = walks[0]?.head;
    expect(walks.map((walk) => walk.head), 'one head on both devices').toEqual([head, head]);
    const remote = requireEnv('GIT_REMOTE_URL') + repoPath;
    expect((await gitAsync(['ls-remote', remote, 'refs/heads/main'])).split('\t')[0], 'the remote has that head').toBe(head);
    for (const device of devices) {
      await expect(device.page.locator('.sync-indicator')).toHaveAttribute('data-saved', 'remote');
    }

    const everything = devices.flatMap((device) => device.saved);
    for (const [index, device] of devices.entries()) {
      const commits = new Set(walks[index]?.commits);
      expect(everything.filter((change) => !commits.has(change.head)).map((change) => change.name), `device ${device.name}: commits missing`).toEqual([]);
      // The app's snapshot follows a pulled head a moment after the indicator turns.
      const missingRecords = async () => {
        const ids = new Set(await recordIds(device.page));
        return everything.filter((change) => !ids.has(change.id)).map((change) => change.name);
      };
      await expect.poll(missingRecords, { message: `device ${device.name}: records missing` }).toEqual([]);
    }
    const clone = `${makeTempDir('reliability-network')}/clone`;
    await gitAsync(['clone', '--quiet', remote, clone]);
    const fsck = gitRun(['fsck', '--strict', '--no-dangling'], { cwd: clone });
    expect(fsck.status, `git fsck --strict: ${fsck.stderr}`).toBe(0);
  } finally {
    for (const device of devices) {
      await device.context.close();
      await device.proxy.close();
    }
  }
}

test('syncs through 60 injected network faults end well or in words, lose nothing, and converge', async ({ browser }) => {
  test.setTimeout(180_000);
  await networkRun(browser, 60, reliabilitySeed());
});

test('syncs through 200 injected network faults end well or in words, lose nothing, and converge', { tag: '@soak' }, async ({ browser }) => {
  test.setTimeout(600_000);
  await networkRun(browser, 200, reliabilitySeed());
});
