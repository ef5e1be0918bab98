// The shell: it loads, every view is reachable by keyboard (Tab + Enter, `g <key>`, digits),
// `/` focuses the search box, and `?` opens a dialog that lists every shortcut of the table.
import { expect, test } from '@playwright/test';
import { VIEWS } from '../../src/ui/routes.ts';
import { ROW_SHORTCUTS } from '../../src/ui/rows/row-shortcuts.ts';
import { SHORTCUTS } from '../../src/ui/shortcuts.ts';
import { openApp } from './app-support.ts';

test('the shell loads with the Work view, the nav, the item panel slot and the sync indicator', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openApp(page);
  await expect(page).toHaveTitle('Taskgit');
  await expect(page.getByRole('heading', { level: 1, name: 'Work' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Views' });
  await expect(nav.getByRole('link')).toHaveText(VIEWS.map((view) => new RegExp(`^${view.label}`)));
  await expect(nav.getByRole('link', { name: /^Work/ })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('complementary', { name: 'Item details' })).toBeAttached();
  await expect(page.getByTestId('sync-indicator')).toHaveText('Saved on this device · no remote set');
  await expect(page.getByRole('searchbox', { name: 'Search or capture' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('Tab reaches every nav link, and Enter opens its view', async ({ page }) => {
  await openApp(page);
  const reached = new Set<string>();
  for (let i = 0; i < 25 && reached.size < VIEWS.length; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.closest('nav[aria-label="Views"]') ? (el.querySelector('.nav-label')?.textContent ?? '') : '';
    });
    if (label) reached.add(label);
    if (label === 'Review') {
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
      await expect(page).toHaveURL(/#\/review$/);
    }
  }
  expect([...reached]).toEqual(VIEWS.map((view) => view.label));
});

test('`g <key>` and the digits go to every view', async ({ page }) => {
  await openApp(page);
  for (const [index, view] of VIEWS.entries()) {
    await page.keyboard.press('g');
    await page.keyboard.press(view.key);
    await expect(page.getByRole('heading', { level: 1, name: view.label })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`#/${view.id}$`));
    await page.keyboard.press(String(((index + 1) % VIEWS.length) + 1)); // the next view by its digit
    const next = VIEWS[(index + 1) % VIEWS.length]!;
    await expect(page.getByRole('heading', { level: 1, name: next.label })).toBeVisible();
  }
  // Back goes to the previous view: each is a history entry.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`#/${VIEWS.at(-1)!.id}$`));
});

test('`/` focuses the search box, where keys are text and not shortcuts', async ({ page }) => {
  await openApp(page, '#/review');
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search or capture' });
  await expect(search).toBeFocused();
  await page.keyboard.type('g w 1');
  await expect(search).toHaveValue('g w 1');
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(search).not.toBeFocused();
});

test('`?` opens the shortcut dialog listing every shortcut of the table; Escape closes it', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  const rows = dialog.getByRole('row');
  // Every shortcut of the table, every row key, and the search box's three keys.
  await expect(rows).toHaveCount(SHORTCUTS.length + ROW_SHORTCUTS.length + 3);
  for (const shortcut of ROW_SHORTCUTS) await expect(rows.filter({ hasText: shortcut.description })).toHaveCount(1);
  for (const shortcut of SHORTCUTS) {
    const row = rows.filter({ hasText: shortcut.description });
    await expect(row).toHaveCount(1);
    for (const sequence of shortcut.sequences) await expect(row).toContainText(sequence.split(' ').join(' then '));
  }
  // Keys do not act behind the dialog.
  await page.keyboard.press('3');
  await expect(page.getByRole('heading', { level: 1, name: 'Work' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // The header's button opens it too.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
