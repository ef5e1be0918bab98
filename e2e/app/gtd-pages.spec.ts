// The GTD pages in the built app: a project's page lists what it holds by state and adds to a
// group; Work leaves out a someday project's next actions and the problems leave a waiting
// project alone; the weekly review is ticked through and starts afresh; every view fits 390 px.
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './app-support.ts';

const panel = (page: Page) => page.getByRole('complementary', { name: 'Item details' });

async function startWith(page: Page, choice: 'Start with demo data' | 'Start empty', hash = ''): Promise<void> {
  await openApp(page, hash);
  await page.getByRole('button', { name: choice }).click();
  await expect(page.getByRole('region', { name: 'Welcome to Taskgit' })).toBeHidden();
}

test('a project’s page lists its actions by state and adds to a group; Work’s headings open it', async ({ page }) => {
  await startWith(page, 'Start with demo data', '#/process');
  await page.getByRole('treeitem', { name: /Launch the new website/ }).click();
  const page1 = panel(page).getByRole('region', { name: 'In Launch the new website' });
  const group = (title: RegExp) => page1.getByRole('region', { name: title });
  await expect(group(/^Next actions/).getByRole('button', { name: 'Write the launch announcement', exact: true })).toBeVisible();
  await expect(group(/^Waiting 1/).getByRole('button', { name: 'Review the design mock-ups', exact: true })).toBeVisible();
  await expect(group(/^Waiting until/).getByRole('button', { name: 'Publish the site', exact: true })).toBeVisible();
  await expect(group(/^Completed actions/).getByRole('button', { name: 'Set up the analytics', exact: true })).toBeVisible();

  await group(/^Next actions/).getByRole('button', { name: 'Add to Next actions' }).click();
  await page.keyboard.type('Draft the press release');
  await page.keyboard.press('Enter');
  await expect(group(/^Next actions/).getByRole('button', { name: 'Draft the press release', exact: true })).toBeVisible();

  // A child opens on top, as a second tab; Escape closes it and the project is in front again.
  await group(/^Next actions/).getByRole('button', { name: 'Draft the press release', exact: true }).click();
  const tabs = panel(page).getByRole('navigation', { name: 'Open items' });
  await expect(tabs.getByRole('button', { name: /^(?!Close)/ })).toHaveText(['Launch the new website', 'Draft the press release']);
  await page.keyboard.press('Escape');
  await expect(page1).toBeVisible();

  await page.keyboard.press('2');
  await page.getByRole('region', { name: '@computer' }).getByRole('button', { name: 'Launch the new website', exact: true }).click();
  await expect(panel(page).getByRole('region', { name: 'In Launch the new website' })).toBeVisible();
});

test('a someday project’s next actions stay out of Work, and a waiting project is not flagged', async ({ page }) => {
  await startWith(page, 'Start empty', '#/process');
  await page.evaluate(async () => {
    const created = new Date().toISOString();
    const today = created.slice(0, 10);
    const id = (n: number) => `0d00000${n}-0000-4000-8000-000000000000`;
    await window.taskgit!.tasks.apply({
      message: 'Set up',
      changes: [
        { put: { kind: 'project', id: id(1), name: 'Boat', state: 'someday', created } },
        { put: { kind: 'action', id: id(2), name: 'Buy sails', state: 'next', parent: id(1), created } },
        { put: { kind: 'project', id: id(3), name: 'Visa', state: 'active', created } },
        { put: { kind: 'action', id: id(4), name: 'Passport photos', state: 'waiting', parent: id(3), created } },
        { put: { kind: 'project', id: id(5), name: 'Empty project', state: 'active', created } },
        { put: { kind: 'action', id: id(6), name: 'Someday but due', state: 'scheduled', waitUntil: today, parent: id(1), created } },
      ] as never,
    });
  });
  const problems = page.getByRole('region', { name: /^Problems/ });
  await expect(problems.getByRole('button', { name: 'Project “Empty project” has no next action.' })).toBeVisible();
  await expect(problems.getByRole('button', { name: /Visa/ })).toHaveCount(0);
  await page.keyboard.press('2');
  await expect(page.getByRole('button', { name: 'Someday but due', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Buy sails', exact: true })).toHaveCount(0);
});

test('the weekly review is ticked through at the top of Review, then starts afresh for next week', async ({ page }) => {
  await startWith(page, 'Start empty', '#/review');
  const card = page.locator('details.weekly-review');
  const steps = card.getByRole('checkbox');
  await expect(steps).toHaveCount(11);
  // By keyboard: each tick's undo toast may lie over the lower boxes, and a click could land on it.
  for (let i = 0; i < 11; i++) {
    await steps.nth(i).focus();
    await page.keyboard.press('Space');
    await expect(card.locator('summary')).toContainText(`${i + 1} of 11`);
  }
  await card.getByRole('button', { name: 'Done for this week' }).click();
  await expect(card.locator('summary')).toContainText('0 of 11');
  await expect(card.locator('summary')).toContainText(/due /);
  const messages = await page.evaluate(async () => (await window.taskgit!.tasks.history({ limit: 3 })).map((commit) => commit.message.trim()));
  expect(messages[0]).toMatch(/^Weekly review: done, next on \d{4}-\d{2}-\d{2}$/);
  expect(messages[1]).toBe('Weekly review: tick “Be creative and courageous: any new projects?”');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('every view, the review pages and an item page fit 390 px with nothing off to the side', async ({ page }) => {
    await startWith(page, 'Start with demo data');
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    for (const view of ['process', 'work', 'contacts', 'schedule', 'review', 'history', 'sync']) {
      await page.goto(`${process.env.APP_URL}#/${view}`);
      await expect(page.locator(`[data-view="${view}"]`)).toBeVisible();
      expect(await overflow(), view).toBe(0);
    }
    await page.goto(`${process.env.APP_URL}#/review`);
    for (const tab of ['Done', 'Waiting', 'Future & someday', 'Areas', 'Everything']) {
      await page.getByRole('tab', { name: tab }).tap();
      await expect(page.getByRole('tab', { name: tab })).toBeInViewport(); // the last tabs too: they wrap
      expect(await overflow(), tab).toBe(0);
    }
    await page.goto(`${process.env.APP_URL}#/process`);
    await page.getByRole('treeitem', { name: /Launch the new website/ }).tap();
    await expect(panel(page).getByRole('region', { name: 'In Launch the new website' })).toBeVisible();
    expect(await overflow()).toBe(0);
  });
});
