// History in the built app: every commit listed with its changes in words; time travel shows
// the whole app at a past commit, read-only, under a banner, and back; revert of a change and
// of a merge commit; and two tabs of one browser that see each other's commits at once and,
// editing at the same moment, lose nothing.
import { expect, test, type Page } from '@playwright/test';
import type { Tasks } from '../../src/model/index.ts';
import { openApp } from './app-support.ts';

/** Commits a new inbox action (or a project) through the app's repository; returns its id. */
function create(page: Page, name: string, kind: 'action' | 'project' = 'action'): Promise<string> {
  return page.evaluate(
    async ({ name, kind }) => {
      const tasks = window.taskgit!.tasks;
      const id = crypto.randomUUID();
      const created = new Date().toISOString();
      const record = kind === 'action' ? { kind, id, name, created, state: 'inbox' as const } : { kind, id, name, created, state: 'active' as const };
      await tasks.apply({ changes: [{ put: record }], message: `Create ${name}` });
      return id;
    },
    { name, kind },
  );
}

/** Renames a record through the app's repository, with the message the model would write. */
function rename(page: Page, id: string, to: string): Promise<void> {
  return page.evaluate(
    async ({ id, to }) => {
      const tasks = window.taskgit!.tasks;
      const record = tasks.snapshot.records.get(id);
      if (!record) throw new Error(`no record ${id}`);
      await tasks.apply({ changes: [{ put: { ...record, name: to } }], message: `${record.name}: rename to ${to}` });
    },
    { id, to },
  );
}

/** Names of the records the app's live repository holds now. */
function liveNames(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window.taskgit?.tasks.snapshot.records.values() ?? [])].map((record) => record.name).sort());
}

/** The commit messages of the live branch, newest first. */
function messages(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await window.taskgit!.tasks.history()).map((commit) => commit.message));
}

const commits = (page: Page) => page.locator('ol.commit-list > li');
const commitNamed = (page: Page, subject: string) => commits(page).filter({ has: page.getByRole('button', { name: subject, exact: false }) });

/** Expands the commit whose subject is `subject` (exactly), and returns its list item. */
async function expand(page: Page, subject: string) {
  const item = commits(page).filter({ has: page.locator('.commit-subject', { hasText: new RegExp(`^${escape(subject)}$`) }) });
  await expect(item).toHaveCount(1);
  const toggle = item.locator('.commit-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  return item;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('History lists every change with its diff in words; time travel shows the past read-only and comes back', async ({ page }, testInfo) => {
  await openApp(page, '#/history');
  await expect(page.getByText('No commits yet')).toBeVisible();
  const milk = await create(page, 'Buy milk');
  await rename(page, milk, 'Buy oat milk');
  await create(page, 'Garden', 'project');

  await expect(commits(page).locator('.commit-subject')).toHaveText(['Create Garden', 'Buy milk: rename to Buy oat milk', 'Create Buy milk']);
  await expect(page.getByTestId('history-count')).toHaveText('All 3 commits.');
  const first = commits(page).last();
  await expect(first.locator('.commit-meta')).toContainText('just now');
  await expect(first.locator('.commit-meta')).toContainText(new Date().getFullYear().toString());

  const renamed = await expand(page, 'Buy milk: rename to Buy oat milk');
  await expect(renamed.getByRole('list', { name: 'Changes' })).toHaveText('Renamed “Buy milk” to “Buy oat milk”');
  const created = await expand(page, 'Create Buy milk');
  await expect(created.getByRole('list', { name: 'Changes' })).toHaveText('Created action “Buy milk”');
  await expect(created).toContainText('The first commit.');
  const garden = await expand(page, 'Create Garden');
  await expect(garden.getByRole('list', { name: 'Changes' })).toHaveText('Created project “Garden”');

  // Time travel to the first commit.
  const head = await page.evaluate(() => window.taskgit!.tasks.snapshot.head);
  await created.getByRole('button', { name: 'View the app at this commit' }).click();
  const banner = page.getByRole('status').filter({ hasText: 'Viewing the state of' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('“Create Buy milk”. Read-only.');
  await expect(banner).toHaveText(/^Viewing the state of .+ — “Create Buy milk”\. Read-only\.\s*Back to now$/);
  await expect(created).toHaveClass(/viewing/);
  // The status bar (the whole app) counts the records of then.
  await expect(page.locator('.status-bar')).toContainText('1 record');
  // The views show the old name: the inbox (Process) lists "Buy milk", not "Buy oat milk".
  await page.keyboard.press('1');
  await expect(page.getByRole('heading', { level: 1, name: 'Process' })).toBeVisible();
  await expect(page.locator('main')).toContainText('Buy milk');
  await expect(page.locator('main')).not.toContainText('Buy oat milk');
  await expect(page.locator('main')).not.toContainText('Garden');
  await expect(banner).toBeVisible(); // on every view
  await page.screenshot({ path: testInfo.outputPath('time-travel-process.png') });

  // Edits are refused at the provider, with the reason; nothing is written.
  const refusal = await page.evaluate(async () => {
    const shown = window.taskgitView!;
    const record = { kind: 'action' as const, id: crypto.randomUUID(), name: 'Sneaky', created: new Date().toISOString(), state: 'inbox' as const };
    const apply = await shown.tasks.apply({ changes: [{ put: record }], message: 'Create Sneaky' }).then(() => 'written', (error: Error) => error.message);
    const run = await shown.tasks.run(() => ({ changes: [{ put: record }], message: 'Create Sneaky' })).then(() => 'written', (error: Error) => error.message);
    return { readOnly: shown.readOnly, apply, run };
  });
  expect(refusal.readOnly).toBe(true);
  expect(refusal.apply).toMatch(/^Read-only: the app shows the state of .+ Choose “Back to now” to make changes\.$/);
  expect(refusal.run).toBe(refusal.apply);
  expect(await page.evaluate(() => window.taskgit!.tasks.snapshot.head)).toBe(head);
  // History's writing controls are off meanwhile.
  await page.keyboard.press('6');
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  await expect(page.getByLabel('Import a Taskgit export')).toBeDisabled();
  const renamedAgain = await expand(page, 'Buy milk: rename to Buy oat milk');
  await expect(renamedAgain.getByRole('button', { name: 'Revert this change…' })).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('time-travel-history.png'), fullPage: true });

  // Back to now.
  await banner.getByRole('button', { name: 'Back to now' }).click();
  await expect(banner).toBeHidden();
  await expect(page.locator('.status-bar')).toContainText('2 records');
  expect(await page.evaluate(() => window.taskgitView!.readOnly)).toBe(false);
  await page.keyboard.press('1');
  await expect(page.locator('main')).toContainText('Buy oat milk');

  // The `b` shortcut goes back to now too.
  await page.keyboard.press('6');
  await (await expand(page, 'Create Garden')).getByRole('button', { name: 'View the app at this commit' }).click();
  await expect(banner).toContainText('“Create Garden”');
  await page.keyboard.press('b');
  await expect(banner).toBeHidden();
  await expect(page.getByLabel('Import a Taskgit export')).toBeEnabled();
});

test('Revert undoes a change, and a merge commit of two branches, each as a new commit on top', async ({ page }) => {
  await openApp(page, '#/history');
  const milk = await create(page, 'Buy milk');
  await rename(page, milk, 'Buy oat milk');

  const renamed = await expand(page, 'Buy milk: rename to Buy oat milk');
  await renamed.getByRole('button', { name: 'Revert this change…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revert this change?' });
  await expect(dialog).toContainText('“Buy milk: rename to Buy oat milk”');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await messages(page)).toHaveLength(2);
  await renamed.getByRole('button', { name: 'Revert this change…' }).click();
  await dialog.getByRole('button', { name: 'Revert' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reverted “Buy milk: rename to Buy oat milk”' })).toBeVisible();
  await expect(commits(page).first().locator('.commit-subject')).toHaveText('Revert "Buy milk: rename to Buy oat milk"');
  expect(await liveNames(page)).toEqual(['Buy milk']);
  const revertItem = await expand(page, 'Revert "Buy milk: rename to Buy oat milk"');
  await expect(revertItem.getByRole('list', { name: 'Changes' })).toHaveText('Renamed “Buy oat milk” to “Buy milk”');

  // Two branches: `side` adds an action while main adds another; main merges side.
  await page.evaluate(async () => {
    const tasks = window.taskgit!.tasks;
    const TasksClass = tasks.constructor as typeof Tasks;
    const side = await TasksClass.over(tasks.repo, 'side');
    await side.branch.merge(tasks.snapshot.head!, { message: 'Start side' });
    const record = (name: string) => ({ kind: 'action' as const, id: crypto.randomUUID(), name, created: new Date().toISOString(), state: 'inbox' as const });
    await side.apply({ changes: [{ put: record('Plant tulips') }], message: 'Create Plant tulips' });
    await tasks.apply({ changes: [{ put: record('Call Ann') }], message: 'Create Call Ann' });
    await tasks.branch.merge('side', { message: 'Merge branch side' });
  });
  await expect(commits(page).first().locator('.commit-subject')).toHaveText('Merge branch side');
  expect(await liveNames(page)).toEqual(['Buy milk', 'Call Ann', 'Plant tulips']);
  const merge = await expand(page, 'Merge branch side');
  await expect(merge.locator('.commit-badge.merge')).toHaveText('Merge');
  await expect(merge).toContainText(/Merges [0-9a-f]{7} into [0-9a-f]{7}\./);
  await expect(merge.getByRole('list', { name: 'Changes' })).toHaveText('Created action “Plant tulips”');
  await merge.getByRole('button', { name: 'Revert this change…' }).click();
  await expect(dialog).toContainText('undo what this merge brought in');
  await dialog.getByRole('button', { name: 'Revert' }).click();
  await expect(commits(page).first().locator('.commit-subject')).toHaveText('Revert "Merge branch side"');
  await expect(page.locator('.status-bar')).toContainText('2 records');
  expect(await liveNames(page)).toEqual(['Buy milk', 'Call Ann']);
  expect((await messages(page)).slice(0, 2)).toEqual(['Revert "Merge branch side"', 'Merge branch side']);
});

test('two tabs see each other’s commits at once, and both editing at the same time lose nothing', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await openApp(a, '#/history');
  await openApp(b, '#/history');

  await create(a, 'From tab A');
  await expect(commits(b).locator('.commit-subject')).toHaveText(['Create From tab A'], { timeout: 5_000 });
  await expect(b.locator('.status-bar')).toContainText('1 record');
  await create(b, 'From tab B');
  await expect(commits(a).locator('.commit-subject')).toHaveText(['Create From tab B', 'Create From tab A'], { timeout: 5_000 });
  await expect(commitNamed(a, 'Create From tab B')).toHaveCount(1);

  // Both tabs commit 15 changes each, at the same moment.
  const burst = (page: Page, tag: string) =>
    page.evaluate(
      async (tag) => {
        const tasks = window.taskgit!.tasks;
        await Promise.all(
          Array.from({ length: 15 }, (_, i) => {
            const record = { kind: 'action' as const, id: crypto.randomUUID(), name: `${tag} ${i}`, created: new Date().toISOString(), state: 'inbox' as const };
            return tasks.apply({ changes: [{ put: record }], message: `Create ${tag} ${i}` });
          }),
        );
      },
      tag,
    );
  await Promise.all([burst(a, 'A'), burst(b, 'B')]);

  const expected = ['From tab A', 'From tab B', ...Array.from({ length: 15 }, (_, i) => [`A ${i}`, `B ${i}`]).flat()].sort();
  for (const page of [a, b]) {
    await expect.poll(() => liveNames(page)).toEqual(expected);
    await expect(page.locator('.status-bar')).toContainText(`${expected.length} records`);
    const all = await messages(page);
    for (const name of expected) expect(all).toContain(`Create ${name}`);
    await expect(commits(page).locator('.commit-subject', { hasText: /^Create [AB] \d+$/ })).toHaveCount(30);
  }
  expect(await a.evaluate(() => window.taskgit!.tasks.snapshot.head)).toBe(await b.evaluate(() => window.taskgit!.tasks.snapshot.head));
});

test('History pages through a long history, 50 commits at a time', async ({ page }) => {
  await openApp(page, '#/history');
  await page.evaluate(async () => {
    const tasks = window.taskgit!.tasks;
    for (let i = 0; i < 120; i++) {
      const record = { kind: 'action' as const, id: crypto.randomUUID(), name: `Step ${i}`, created: new Date().toISOString(), state: 'inbox' as const };
      await tasks.apply({ changes: [{ put: record }], message: `Create Step ${i}` });
    }
  });
  const subjects = commits(page).locator('.commit-subject');
  await expect(subjects).toHaveCount(50);
  await expect(subjects.first()).toHaveText('Create Step 119');
  await expect(page.getByTestId('history-count')).toHaveText('The newest 50 commits.');
  const more = page.getByRole('button', { name: 'Load older commits' });
  await more.click();
  await expect(subjects).toHaveCount(100);
  await more.click();
  await expect(subjects).toHaveCount(120);
  await expect(more).toBeHidden();
  await expect(page.getByTestId('history-count')).toHaveText('All 120 commits.');
  await expect(subjects).toHaveText(Array.from({ length: 120 }, (_, i) => `Create Step ${119 - i}`));
  // A new commit lands on top and keeps every page loaded so far, each commit once.
  await create(page, 'One more');
  await expect(subjects.first()).toHaveText('Create One more');
  await expect(subjects).toHaveCount(121);
});
