// The views against the built app: capture in the search box, clarify in Process, do in Work,
// schedule (repeating actions, "+" on a day), review and delete what is done, problems, search
// by a word of a description, and a phone-sized Work. Dates are read from the page's own clock
// (or a fixed one), never from the machine running the test.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp } from './app-support.ts';

/** Today in the page, as `todayOf(new Date())` gives it there. */
function pageToday(page: Page): Promise<string> {
  return page.evaluate(() => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  });
}

/** `day` plus `count` days (calendar arithmetic on UTC midnights). */
function plusDays(day: string, count: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + count)).toISOString().slice(0, 10);
}

const searchBox = (page: Page): Locator => page.getByRole('searchbox', { name: 'Search or capture' });

/** Types `text` in the header's box and adds it as `kind` with the buttons under the matches. */
async function addAs(page: Page, text: string, kind: 'Inbox action' | 'Project' | 'Area' | 'Contact' | 'Context'): Promise<void> {
  await searchBox(page).fill(text);
  await page.getByRole('group', { name: `Add “${text}” as` }).getByRole('button', { name: kind, exact: true }).click();
  await expect(page.getByRole('search').getByRole('status')).toContainText(`“${text}”`);
  await expect(searchBox(page)).toHaveValue('');
  await expect(searchBox(page)).toBeFocused(); // ready for the next capture
}

async function goTo(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: new RegExp(`^${label}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
}

const itemPanel = (page: Page): Locator => page.getByRole('complementary');

test('capture, clarify, do, review and delete; problems; everything survives a reload', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openApp(page, '#/process');

  // Quick add: no match, so Enter captures an inbox action and says so.
  await page.keyboard.press('/');
  await page.keyboard.type('Buy oat milk');
  await expect(page.getByText('No match. Enter adds “Buy oat milk” to the inbox.')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('search').getByRole('status')).toHaveText('Added “Buy oat milk” to the inbox.');
  await expect(searchBox(page)).toHaveValue('');
  const inbox = page.getByRole('region', { name: /^Inbox/ });
  await expect(inbox.getByRole('listitem')).toHaveCount(1);
  await expect(inbox.getByRole('button', { name: 'Buy oat milk', exact: true })).toBeVisible();

  // A context and a project, from the box's "Add as…" menu.
  await addAs(page, '@shop', 'Context');
  await addAs(page, 'Groceries', 'Project');
  const tree = page.getByRole('tree', { name: 'Areas and projects' });
  await expect(tree.getByRole('treeitem', { name: 'Groceries' })).toBeVisible();
  // A project with nothing to do next is a problem, listed atop Process and counted in the status bar.
  const problems = page.getByRole('region', { name: /^Problems/ });
  await expect(problems.getByRole('button', { name: 'Project “Groceries” has no next action.' })).toBeVisible();
  await expect(page.getByTestId('problem-count')).toHaveText('1 problem');

  // Clarify the inbox action: next, in @shop, in Groceries.
  const item = inbox.getByRole('listitem').filter({ hasText: 'Buy oat milk' });
  await item.getByRole('button', { name: 'Next…' }).click();
  const form = item.getByRole('form', { name: 'Make Buy oat milk a next action' });
  await form.getByLabel('Context').selectOption({ label: '@shop' });
  await form.getByLabel('Project or area').selectOption({ label: 'Groceries' });
  await form.getByRole('button', { name: 'Make next' }).click();
  await expect(page.getByRole('status').filter({ hasText: '“Buy oat milk” is a next action.' })).toBeVisible();
  await expect(inbox.getByRole('listitem')).toHaveCount(0);
  await expect(problems).toHaveCount(0);
  await expect(page.getByTestId('problem-count')).toHaveCount(0);
  await expect(tree.getByRole('treeitem', { name: 'Groceries' })).toContainText('1');

  // Work: in its context, then its project.
  await goTo(page, 'Work');
  const shop = page.getByRole('region', { name: '@shop' });
  const done = shop.getByRole('region', { name: 'Groceries' }).getByRole('checkbox', { name: 'Done: Buy oat milk' });
  await expect(done).not.toBeChecked();
  const recent = page.getByRole('region', { name: 'Recently completed' });
  await expect(recent.getByRole('checkbox')).toHaveCount(0);

  // Done moves it to Recently completed; the project has no next action again.
  await done.click(); // not check(): the row moves away once committed
  await expect(shop).toHaveCount(0);
  await expect(recent.getByRole('checkbox', { name: 'Done: Buy oat milk' })).toBeChecked();
  await expect(page.getByTestId('problem-count')).toHaveText('1 problem');

  // Clicking a problem opens its record.
  await goTo(page, 'Process');
  await problems.getByRole('button', { name: 'Project “Groceries” has no next action.' }).click();
  await expect(itemPanel(page).getByRole('heading', { name: /Groceries/ })).toBeAttached();

  // A reload keeps everything: it was all committed to IndexedDB.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Process' })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: 'Groceries' })).toBeVisible();
  await expect(problems.getByRole('button', { name: 'Project “Groceries” has no next action.' })).toBeVisible();
  await goTo(page, 'Work');
  await expect(recent.getByRole('checkbox', { name: 'Done: Buy oat milk' })).toBeChecked();
  await goTo(page, 'Contacts');
  await expect(page.getByRole('region', { name: 'Contexts' }).getByRole('button', { name: '@shop' })).toBeVisible();

  // Review, Done page: "Delete done items" removes them and says how many.
  await goTo(page, 'Review');
  await expect(page.getByRole('tab', { name: 'Done' })).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByRole('tabpanel', { name: 'Done' });
  await expect(panel.getByRole('button', { name: 'Buy oat milk', exact: true })).toBeVisible();
  await panel.getByRole('button', { name: 'Delete done items (1)' }).click();
  await expect(panel.getByRole('status')).toHaveText('Deleted 1 done item.');
  await expect(panel.getByRole('button', { name: 'Buy oat milk', exact: true })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Delete done items (0)' })).toBeDisabled();

  await page.reload();
  await goTo(page, 'Work');
  await expect(recent.getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByText('Nothing completed yet.')).toBeVisible();
  expect(errors).toEqual([]);
});

test('schedule: "+" adds an action on a day; a repeating action, completed, moves to its next date', async ({ page }) => {
  await openApp(page, '#/schedule');
  const today = await pageToday(page);
  const day = (d: string): Locator => page.locator(`[data-day="${d}"]`);
  await expect(day(today)).toHaveAttribute('aria-current', 'date');
  await expect(page).toHaveTitle('Taskgit');

  // "+" on a day three days ahead: scheduled for that day, not on today's list of work.
  const later = plusDays(today, 3);
  await day(later).getByRole('button', { name: /^Add an action on/ }).click();
  await day(later).getByLabel('Action', { exact: true }).fill('Dentist');
  await day(later).getByRole('button', { name: 'Add', exact: true }).click();
  await expect(day(later).getByRole('checkbox', { name: 'Done: Dentist' })).toBeVisible();
  await expect(day(today).getByRole('button', { name: 'Dentist' })).toHaveCount(0);

  // A weekly action from today: due now (title and status bar count it), back in a week.
  await day(today).getByRole('button', { name: /^Add an action on/ }).click();
  await day(today).getByLabel('Action', { exact: true }).fill('Water plants');
  await day(today).getByLabel('Repeat').selectOption({ label: 'Every week' });
  await day(today).getByRole('button', { name: 'Add', exact: true }).click();
  const nextWeek = plusDays(today, 7);
  await expect(day(today).getByRole('checkbox', { name: 'Done: Water plants' })).toBeVisible();
  await expect(day(nextWeek).getByRole('button', { name: 'Water plants' })).toBeVisible(); // projected
  await expect(day(nextWeek).getByRole('checkbox', { name: 'Done: Water plants' })).toHaveCount(0);
  await expect(page).toHaveTitle('(1) Taskgit');
  await expect(page.getByTestId('due-count')).toHaveText('1 due');

  await day(today).getByRole('checkbox', { name: 'Done: Water plants' }).click();
  await expect(day(today).getByRole('button', { name: 'Water plants' })).toHaveCount(0);
  await expect(day(nextWeek).getByRole('checkbox', { name: 'Done: Water plants' })).not.toBeChecked();
  await expect(page).toHaveTitle('Taskgit');
  await expect(page.getByTestId('due-count')).toHaveCount(0);

  // Work does not list either: neither is due today.
  await goTo(page, 'Work');
  await expect(page.getByRole('checkbox', { name: /Water plants|Dentist/ })).toHaveCount(0);
  await page.reload();
  await goTo(page, 'Schedule');
  await expect(day(nextWeek).getByRole('checkbox', { name: 'Done: Water plants' })).toBeVisible();
  await expect(day(later).getByRole('checkbox', { name: 'Done: Dentist' })).toBeVisible();
});

test('search finds a record by a word of its description, arrow keys pick a match and Enter opens it; Escape clears', async ({ page }) => {
  await openApp(page, '#/work');
  await page.evaluate(async () => {
    const tasks = window.taskgit!.tasks;
    const record = {
      kind: 'action' as const,
      id: crypto.randomUUID(),
      name: 'Call accountant',
      state: 'next' as const,
      created: new Date().toISOString(),
      description: 'Ask about the quarterly invoice before Friday.',
    };
    await tasks.apply({ changes: [{ put: record }], message: 'Create Call accountant' });
  });
  await addAs(page, 'Quarterly report', 'Project');

  await searchBox(page).fill('invoice');
  const matches = page.getByRole('listbox', { name: 'Matches' });
  await expect(matches.getByRole('option')).toHaveCount(1);
  await expect(matches.getByRole('option')).toContainText('Call accountant');
  await expect(matches.getByRole('option')).toContainText('quarterly invoice');

  // Two matches for "quarterly": the name match first; Down twice highlights the second.
  await searchBox(page).fill('quarterly');
  await expect(matches.getByRole('option')).toHaveCount(2);
  await expect(matches.getByRole('option').first()).toContainText('Quarterly report');
  await searchBox(page).press('ArrowDown');
  await searchBox(page).press('ArrowDown');
  const second = matches.getByRole('option').nth(1);
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(searchBox(page)).toHaveAttribute('aria-activedescendant', (await second.getAttribute('id'))!);
  await searchBox(page).press('Enter');
  await expect(itemPanel(page).getByRole('heading', { name: /Call accountant/ })).toBeAttached();
  await expect(searchBox(page)).toHaveValue('');
  await expect(matches).toHaveCount(0);

  await searchBox(page).fill('quart');
  await expect(matches).toBeVisible();
  await searchBox(page).press('Escape');
  await expect(searchBox(page)).toHaveValue('');
  await expect(matches).toHaveCount(0);
});

test('the Process tree moves with the arrow keys, opens and closes, Enter selects; "+" adds inside a node', async ({ page }) => {
  await openApp(page, '#/process');
  await addAs(page, 'Home', 'Area');
  const tree = page.getByRole('tree', { name: 'Areas and projects' });
  await tree.getByRole('treeitem', { name: 'Home' }).getByRole('button', { name: 'Add inside Home' }).click();
  const form = page.getByRole('form', { name: 'Add inside Home' });
  await expect(form.getByLabel('Kind')).toHaveValue('project');
  await form.getByLabel('Name').fill('Taxes');
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added project “Taxes” in “Home”.' })).toBeVisible();
  await form.getByRole('button', { name: 'Close' }).click();

  const home = tree.getByRole('treeitem', { name: 'Home' });
  const taxes = tree.getByRole('treeitem', { name: 'Taxes' });
  await expect(home).toHaveAttribute('aria-expanded', 'true');
  await expect(taxes).toHaveAttribute('aria-level', '2');
  await home.focus();
  await page.keyboard.press('ArrowDown');
  await expect(taxes).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(home).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(home).toHaveAttribute('aria-expanded', 'false');
  await expect(taxes).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(taxes).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(taxes).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(taxes).toHaveAttribute('aria-selected', 'true');
  await expect(itemPanel(page).getByRole('heading', { name: /Taxes/ })).toBeAttached();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('Work is usable at 390px: actions fit, the status counts too, and tapping Done ticks one off', async ({ page }) => {
    await openApp(page, '#/process');
    const today = await pageToday(page);
    await searchBox(page).fill('Phone the plumber about the leaking kitchen tap');
    await searchBox(page).press('Enter');
    const item = page.getByRole('region', { name: /^Inbox/ }).getByRole('listitem');
    await item.getByRole('button', { name: 'Next…' }).tap();
    await item.getByRole('button', { name: 'Make next' }).tap();
    await expect(item).toHaveCount(0);
    // Something due today and a project with nothing to do: both counts show in the status bar.
    await searchBox(page).fill('Pay rent');
    await searchBox(page).press('Enter');
    await item.getByRole('button', { name: 'Schedule…' }).tap();
    await item.getByLabel('Day').fill(today);
    await item.getByRole('button', { name: 'Schedule', exact: true }).tap();
    await expect(item).toHaveCount(0);
    await addAs(page, 'Plan the summer trip', 'Project');
    await expect(page.getByTestId('due-count')).toHaveText('1 due');
    await expect(page.getByTestId('problem-count')).toHaveText('1 problem');

    await goTo(page, 'Work');
    const done = page.getByRole('checkbox', { name: 'Done: Phone the plumber about the leaking kitchen tap' });
    await expect(done).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Star Phone the plumber about the leaking kitchen tap' })).toBeInViewport();
    await expect(page.getByRole('checkbox', { name: 'Done: Pay rent' })).toBeInViewport();
    await expect(page.getByTestId('problem-count')).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await done.tap();
    await expect(page.getByRole('region', { name: 'Recently completed' }).getByRole('checkbox')).toBeChecked();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test.describe('at midnight', () => {
  test.use({ timezoneId: 'UTC' });

  test('an action scheduled for tomorrow falls due when the day changes: title and Work follow', async ({ page }) => {
    await page.clock.install({ time: new Date('2026-03-10T23:58:00Z') });
    await openApp(page, '#/schedule');
    const tomorrow = page.locator('[data-day="2026-03-11"]');
    await tomorrow.getByRole('button', { name: /^Add an action on/ }).click();
    await tomorrow.getByLabel('Action', { exact: true }).fill('Pay rent');
    await tomorrow.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(tomorrow.getByRole('checkbox', { name: 'Done: Pay rent' })).toBeVisible();
    await expect(page).toHaveTitle('Taskgit');
    await expect(page.locator('[data-day="2026-03-10"]')).toHaveAttribute('aria-current', 'date');

    await page.clock.fastForward('03:00');
    await expect(page).toHaveTitle('(1) Taskgit');
    await expect(tomorrow).toHaveAttribute('aria-current', 'date');
    await goTo(page, 'Work');
    await expect(page.getByRole('checkbox', { name: 'Done: Pay rent' })).toBeVisible();
    await expect(page.getByText('due today')).toBeVisible();
  });
});
