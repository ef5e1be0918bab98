// Devices stay current: with a remote set, a visible app checks it in the background (about
// once a minute, with jitter; the page's clock is moved forward instead of waiting). Device B
// changes an item; device A, idle and never reloaded, shows the change in place while a note
// half typed in A stays as it was, focus included. And what an idle device costs the remote:
// an hour of checks, counted on the wire (bytes both ways, headers included, and requests).
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startByteCounter } from '../../test/support/byte-counter.ts';
import { openApp, requireEnv, saveRemote, syncNow as syncWithRemote } from './app-support.ts';

const MINUTE = 60_000;

/** A device: the app in a browser context of its own, its clock under the test's control, set to sync with `url`. */
async function device(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.clock.install();
  await openApp(page, '#/sync');
  await saveRemote(page, url);
  return page;
}

/** Syncs, and the status bar says the remote has just confirmed it. */
async function syncNow(page: Page): Promise<void> {
  await syncWithRemote(page);
  await expect(page.getByTestId('sync-indicator')).toHaveText('Up to date with the remote');
}

function put(page: Page, record: Record<string, unknown>, message: string): Promise<unknown> {
  return page.evaluate(async ({ record, message }) => window.taskgit?.tasks.apply({ changes: [{ put: record as never }], message }), { record, message });
}

/**
 * Moves the page's clock on in steps, each timer firing at its own time (`runFor`; `fastForward`
 * would fire a check at the step's end, late), letting each background check that falls due
 * finish. A step is under half the shortest wait between checks (48 s): a check that started in
 * one step is waited for after the next at the latest (by then the status bar shows it),
 * before the one after it can fall due; and as the wait counts from a check's start, one that
 * ends late (the machine is slow) does not move the ones after it.
 */
async function idle(page: Page, ms: number, step = 20_000): Promise<void> {
  for (let passed = 0; passed < ms; passed += step) {
    await page.clock.runFor(step);
    await expect(page.locator('.sync-indicator')).not.toHaveAttribute('data-phase', 'syncing');
  }
}

test('an idle device shows another device’s change in place, and a half-typed note survives it', async ({ browser }) => {
  const url = `${requireEnv('GIT_REMOTE_URL')}background-${randomUUID().slice(0, 8)}.git`;
  const [a, b] = [await device(browser, url), await device(browser, url)];
  const id = randomUUID();
  await put(b, { kind: 'action', id, name: 'Plan the garden', state: 'inbox', created: new Date().toISOString() }, 'Create “Plan the garden”');
  await syncNow(b);
  await syncNow(a);

  // A opens the item and starts a note, never leaving the field.
  await a.keyboard.press('1');
  await a.getByRole('main').getByRole('button', { name: 'Plan the garden', exact: true }).click();
  const panel = a.getByRole('complementary', { name: 'Item details' });
  await panel.getByRole('button', { name: 'Add notes' }).click();
  const notes = panel.getByRole('textbox', { name: 'Notes (Markdown)' });
  await notes.pressSequentially('Raised beds on the so');

  // B renames it and syncs; A, untouched, catches up within a background interval.
  const renamed = await b.evaluate((id) => window.taskgit?.tasks.snapshot.records.get(id), id);
  await put(b, { ...renamed, name: 'Plan the vegetable garden' }, 'Rename');
  await syncNow(b);
  await expect(a.getByRole('main').getByRole('button', { name: 'Plan the vegetable garden', exact: true })).toHaveCount(0);
  await a.clock.fastForward(1.25 * MINUTE); // past the longest wait (a minute + 20% jitter)
  await expect(a.getByRole('main').getByRole('button', { name: 'Plan the vegetable garden', exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveValue('Plan the vegetable garden');
  await expect(notes).toHaveValue('Raised beds on the so');
  await expect(notes).toBeFocused();
  await expect(a.getByTestId('sync-indicator')).toHaveText('Up to date with the remote');
  await notes.pressSequentially('uth side.');
  await expect(notes).toHaveValue('Raised beds on the south side.');

  // Once no check has confirmed it for a while (the tab hidden, say), it says when one last did.
  await a.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await a.clock.fastForward(5 * MINUTE);
  await expect(a.getByTestId('sync-indicator')).toHaveText(/^Saved on the remote · last checked \d/);
  await a.context().close();
  await b.context().close();
});

test('an idle hour costs the remote one small request a minute', async ({ browser }) => {
  const counter = await startByteCounter(requireEnv('GIT_REMOTE_URL'));
  try {
    const repo = `idle-${randomUUID().slice(0, 8)}.git`;
    const page = await device(browser, `${counter.url}${repo}`);
    await put(page, { kind: 'action', id: randomUUID(), name: 'Something', state: 'inbox', created: new Date().toISOString() }, 'Create “Something”');
    await syncNow(page);
    counter.reset();
    await idle(page, 60 * MINUTE);
    const { requests, sent, received } = counter.count();
    const checks = requests.length;
    expect(new Set(requests), 'every check is one discovery request').toEqual(new Set([`GET /${repo}/info/refs?service=git-upload-pack`]));
    expect(checks).toBeGreaterThanOrEqual(50); // 3,600 s / 72 s, the longest jittered wait
    expect(checks).toBeLessThanOrEqual(75); // 3,600 s / 48 s, the shortest
    const figures = `idle hour: ${checks} requests, ${sent} bytes sent and ${received} received (${Math.round(sent / checks)} + ${Math.round(received / checks)} bytes a check)`;
    test.info().annotations.push({ type: 'idle cost', description: figures });
    process.stdout.write(`${figures}\n`);
    expect(received / checks, 'a check that finds nothing is small').toBeLessThan(2000);
    await page.context().close();
  } finally {
    await counter.close();
  }
});
