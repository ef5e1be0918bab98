// The first run and the app's data as a file: a welcome offers demo data or an empty start
// (the weekly review only); Export downloads the whole history as a git bundle that `git
// clone` reads and that Import restores in a fresh browser, same head and messages; an import
// into a device with a history of its own merges; a file that is not an export is refused
// with the reason, and nothing changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { gitAsync, makeTempDir, removeTempDirs } from '../../test/support/git-cli.ts';
import { openApp } from './app-support.ts';

test.afterAll(() => removeTempDirs());

/** The live head and every commit message, newest first. */
function historyOf(page: Page): Promise<{ head: string | undefined; messages: string[] }> {
  return page.evaluate(async () => {
    const tasks = window.taskgit!.tasks;
    return { head: tasks.snapshot.head, messages: (await tasks.history()).map((commit) => commit.message) };
  });
}

/** Every record, as kind/state/name lines, sorted. */
function recordLines(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...window.taskgit!.tasks.snapshot.records.values()].map((r) => `${r.kind}/${'state' in r ? r.state : '-'}/${r.name}`).sort(),
  );
}

/** A page in a browser context of its own (an empty device), opened at `hash`. */
async function freshDevice(browser: Browser, hash = '#/history'): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await openApp(page, hash);
  return page;
}

const welcome = (page: Page) => page.getByRole('region', { name: 'Welcome to Taskgit' });

test('the first run offers demo data, an empty start or an existing remote, one click each, and never again', async ({ browser }) => {
  const demo = await freshDevice(browser, '');
  await expect(welcome(demo)).toBeVisible();
  await expect(welcome(demo).getByRole('button')).toHaveText(['Start with demo data', 'Start empty', 'Connect to an existing remote']);
  await welcome(demo).getByRole('button', { name: 'Start with demo data' }).click();
  await expect(welcome(demo)).toBeHidden();
  const lines = await recordLines(demo);
  const kinds = new Set(lines.map((line) => line.split('/')[0]));
  expect([...kinds].sort()).toEqual(['action', 'area', 'contact', 'context', 'project']);
  for (const state of ['inbox', 'next', 'waiting', 'waiting-for-contact', 'scheduled', 'future', 'done']) {
    expect(lines.some((line) => line.startsWith(`action/${state}/`)), `an action in state ${state}`).toBe(true);
  }
  expect(lines).toContain('action/scheduled/Weekly review');
  await expect(demo.locator('.status-bar')).toContainText(`${lines.length} records`);
  expect((await historyOf(demo)).messages).toEqual(['Start with demo data']);
  const review = await demo.evaluate(() => [...window.taskgit!.tasks.snapshot.records.values()].find((r) => r.name === 'Weekly review'));
  expect(review).toMatchObject({ kind: 'action', repeat: { every: 1, unit: 'week' } });
  expect((review?.description ?? '').match(/^- \[ \] /gm)?.length).toBeGreaterThanOrEqual(10);
  await demo.reload();
  await expect(demo.locator('#view-title')).toBeVisible();
  await expect(welcome(demo)).toBeHidden();
  await demo.context().close();

  const empty = await freshDevice(browser);
  await welcome(empty).getByRole('button', { name: 'Start empty' }).click();
  await expect(welcome(empty)).toBeHidden();
  expect(await recordLines(empty)).toEqual(['action/scheduled/Weekly review']);
  await expect(empty.locator('ol.commit-list > li .commit-subject')).toHaveText(['Start empty, with a weekly review']);
  await empty.context().close();
});

test('Export downloads the whole history; Import restores it in a fresh browser, or merges it into another history', async ({ browser }) => {
  const source = await freshDevice(browser);
  await welcome(source).getByRole('button', { name: 'Start with demo data' }).click();
  await expect(welcome(source)).toBeHidden();
  await source.evaluate(async () => {
    const tasks = window.taskgit!.tasks;
    const review = [...tasks.snapshot.records.values()].find((r) => r.name === 'Weekly review')!;
    await tasks.apply({ changes: [{ put: { ...review, name: 'Weekly review (Friday)' } }], message: 'Weekly review: rename to Weekly review (Friday)' });
  });
  const before = await historyOf(source);
  expect(before.messages).toEqual(['Weekly review: rename to Weekly review (Friday)', 'Start with demo data']);

  const [download] = await Promise.all([source.waitForEvent('download'), source.getByRole('button', { name: 'Export all history' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^taskgit-\d{4}-\d{2}-\d{2}\.bundle$/);
  const dir = makeTempDir('e2e-export');
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  await expect(source.getByTestId('data-message')).toContainText(`Exported ${download.suggestedFilename()}`);
  expect(readFileSync(file).subarray(0, 16).toString('latin1')).toBe('# v2 git bundle\n');
  // Real git reads it: same head, same messages.
  await gitAsync(['clone', '--quiet', file, join(dir, 'clone')]);
  expect((await gitAsync(['rev-parse', 'HEAD'], { cwd: join(dir, 'clone') })).trim()).toBe(before.head);
  expect((await gitAsync(['log', '--format=%s'], { cwd: join(dir, 'clone') })).trim().split('\n')).toEqual(before.messages);

  // A fresh browser: the import brings the same history, head and all.
  const fresh = await freshDevice(browser);
  await expect(welcome(fresh)).toBeVisible();
  await fresh.getByLabel('Import a Taskgit export').setInputFiles(file);
  await expect(fresh.getByTestId('data-message')).toContainText(`Imported “${download.suggestedFilename()}”: this device now has its whole history`);
  await expect(welcome(fresh)).toBeHidden();
  expect(await historyOf(fresh)).toEqual(before);
  expect(await recordLines(fresh)).toEqual(await recordLines(source));
  await expect(fresh.locator('ol.commit-list > li .commit-subject')).toHaveText(before.messages);
  // Importing it again finds nothing new.
  await fresh.getByLabel('Import a Taskgit export').setInputFiles(file);
  await expect(fresh.getByTestId('data-message')).toContainText('Nothing new in');
  expect(await historyOf(fresh)).toEqual(before);
  await fresh.context().close();

  // A device with a history of its own: the import merges both.
  const other = await freshDevice(browser);
  await welcome(other).getByRole('button', { name: 'Start empty' }).click();
  await expect(welcome(other)).toBeHidden();
  await other.getByLabel('Import a Taskgit export').setInputFiles(file);
  await expect(other.getByTestId('data-message')).toContainText(`Merged “${download.suggestedFilename()}” into this device’s history`);
  const merged = await historyOf(other);
  // Its own weekly review, unchanged since its start, gives way to the import's.
  expect(merged.messages.slice(0, 2)).toEqual(['Drop this device’s unchanged starter records: the remote has tasks of its own', 'Merge imported history']);
  await expect(other.getByTestId('data-message')).toContainText('Then, in one more commit: Drop this device’s unchanged starter records');
  expect(merged.messages).toEqual(expect.arrayContaining([...before.messages, 'Start empty, with a weekly review']));
  const names = await recordLines(other);
  expect(names).toEqual(expect.arrayContaining(await recordLines(source)));
  await expect(other.locator('ol.commit-list > li').nth(1).locator('.commit-badge.merge')).toBeVisible();
  expect(names, 'exactly the import’s records: this device had only its unchanged start').toEqual(await recordLines(source));
  await other.context().close();
  await source.context().close();
});

test('importing a file that is not an export shows why and changes nothing', async ({ browser }) => {
  const page = await freshDevice(browser);
  await welcome(page).getByRole('button', { name: 'Start empty' }).click();
  await expect(welcome(page)).toBeHidden();
  const before = await historyOf(page);
  const input = page.getByLabel('Import a Taskgit export');
  await input.setInputFiles({ name: 'garbage.bundle', mimeType: 'application/octet-stream', buffer: Buffer.from('this is not a git bundle\n'.repeat(20)) });
  const alert = page.getByRole('alert').filter({ hasText: 'Could not import' });
  await expect(alert).toContainText('Could not import “garbage.bundle”.');
  await expect(alert).toContainText('This file is not a Taskgit export (a git bundle)');
  await expect(alert).toContainText('Nothing was imported');
  expect(await historyOf(page)).toEqual(before);

  // A real bundle cut short is refused too.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all history' }).click()]);
  const bytes = readFileSync(await download.path());
  await input.setInputFiles({ name: 'cut.bundle', mimeType: 'application/octet-stream', buffer: bytes.subarray(0, bytes.length - 30) });
  await expect(page.getByRole('alert').filter({ hasText: 'Could not import “cut.bundle”.' })).toContainText('damaged');
  expect(await historyOf(page)).toEqual(before);
  await expect(page.locator('ol.commit-list > li')).toHaveCount(1);
  await page.context().close();
});
