// A tab is killed in the middle of a burst of commits, again and again, in one browser context
// (one origin, so one IndexedDB lives on): half the time its renderer crashes (CDP `Page.crash`),
// half the time the tab is closed. After each kill a new tab opens the store; every object the
// refs reach must be there and hash to its id, and every commit the killed tab reported as saved
// (its promise resolved, reported to the test through an exposed function) must be in the
// history with its record in the state.
import { expect, test, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { openApp } from '../app/app-support.ts';
import { recordIds, walkRepository, type SavedAction } from '../support/reliability-app.ts';
import { reliabilitySeed, seededRandom, type SeededRandom } from '../support/reliability-random.ts';

/**
 * Commits a burst may make before it ends on its own: far more than the 1-6 the test waits for
 * before the kill, so the kill lands mid-burst even when the reports reach the test late.
 */
const BURST = 200;

declare global {
  interface Window {
    /** Exposed by the spec: the tab reports each commit whose promise resolved. */
    reportSaved?: (saved: { id: string; name: string; head: string; iteration: number }) => Promise<void>;
  }
}

/** A tab of the app with a DevTools session ready to crash it. */
interface Tab {
  page: Page;
  session: CDPSession;
}

async function openTab(context: BrowserContext): Promise<Tab> {
  const page = await context.newPage();
  await openApp(page, '#/sync');
  return { page, session: await context.newCDPSession(page) };
}

/** Starts a burst in the tab without waiting for it: one commit after another, each reported once saved. */
async function startBurst(page: Page, iteration: number): Promise<void> {
  await page.evaluate(
    ({ iteration, burst }) => {
      const tasks = window.taskgit?.tasks;
      if (!tasks) throw new Error('window.taskgit is not there: the app has not opened its repository');
      void (async () => {
        for (let index = 0; index < burst; index++) {
          const id = crypto.randomUUID();
          const name = `Crash ${iteration} change ${index}`;
          const record = { kind: 'action' as const, id, name, created: new Date().toISOString(), state: 'inbox' as const };
          const head = await tasks.apply({ changes: [{ put: record }], message: `Create ${name}` });
          void window.reportSaved?.({ id, name, head: String(head), iteration });
        }
      })();
    },
    { iteration, burst: BURST },
  );
}

/** Kills the tab: its renderer crashes, or the tab is closed without unload handlers. */
async function kill(tab: Tab, how: 'crash' | 'close'): Promise<void> {
  if (how === 'close') {
    await tab.page.close({ runBeforeUnload: false });
    return;
  }
  const crashed = tab.page.waitForEvent('crash');
  // The answer never comes: the renderer is gone before it can send one.
  tab.session.send('Page.crash').catch(() => undefined);
  await crashed;
  await tab.page.close();
}

async function crashRepeatedly(context: BrowserContext, iterations: number, random: SeededRandom): Promise<void> {
  const saved: SavedAction[] = [];
  let waiting: { iteration: number; count: number; done: () => void } | undefined;
  let reportedThisRound = 0;
  await context.exposeFunction('reportSaved', (report: SavedAction & { iteration: number }) => {
    saved.push(report); // a late report of a killed tab still counts: the next walk checks it
    if (report.iteration !== waiting?.iteration) return;
    reportedThisRound += 1;
    if (reportedThisRound >= waiting.count) waiting.done();
  });

  let interrupted = 0;
  let tab = await openTab(context);
  for (let iteration = 0; iteration < iterations; iteration++) {
    reportedThisRound = 0;
    const killAfter = random.int(1, 6);
    const reached = new Promise<void>((done) => (waiting = { iteration, count: killAfter, done }));
    await startBurst(tab.page, iteration);
    await reached;
    await kill(tab, iteration % 2 === 0 ? 'crash' : 'close');

    tab = await openTab(context);
    const walk = await walkRepository(tab.page); // rejects on a missing or corrupt object
    const commits = new Set(walk.commits);
    const lost = saved.filter((change) => !commits.has(change.head)).map((change) => change.name);
    expect(lost, `iteration ${iteration}: commits reported saved but missing from the history`).toEqual([]);
    const ids = new Set(await recordIds(tab.page));
    expect(saved.filter((change) => !ids.has(change.id)).map((change) => change.name), `iteration ${iteration}: records missing`).toEqual([]);
    const made = await tab.page.evaluate(
      (prefix) => [...(window.taskgit?.tasks.snapshot.records.values() ?? [])].filter((record) => record.name.startsWith(prefix)).length,
      `Crash ${iteration} change `,
    );
    expect(made, `iteration ${iteration}: at least the reported commits`).toBeGreaterThanOrEqual(killAfter);
    if (made < BURST) interrupted += 1;
  }
  await tab.page.close();
  // The kills came mid-burst, not after the bursts had finished (else this proved little).
  expect(interrupted, 'bursts cut short by the kill').toBeGreaterThanOrEqual(Math.ceil(iterations * 0.9));
}

test('a tab killed mid-burst 20 times: the store opens whole, with every commit reported saved', async ({ context }) => {
  test.setTimeout(120_000);
  await crashRepeatedly(context, 20, seededRandom(reliabilitySeed()));
});

test('a tab killed mid-burst 100 times: the store opens whole, with every commit reported saved', { tag: '@soak' }, async ({ context }) => {
  test.setTimeout(600_000);
  await crashRepeatedly(context, 100, seededRandom(reliabilitySeed()));
});
