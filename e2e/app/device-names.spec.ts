// Whose change? Each device signs its commits with its name (by default the browser and system,
// editable in the Sync tab, kept out of the repository), and History shows it on every device.
// And a same-field clash's note offers "Use the other value": one click writes it, drops the
// note, one commit.
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { leaveField, openApp, requireEnv, saveRemote, syncNow } from './app-support.ts';

async function device(browser: Browser, url: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await openApp(page, '#/sync');
  await expect(page.getByLabel('Device name')).toHaveValue(/^Chrome on \w+/); // the default: browser and system
  await page.getByLabel('Device name').fill(name);
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('form', { name: 'Name this device' }).getByRole('status')).toContainText(`signed “${name}”`);
  await saveRemote(page, url);
  return page;
}

/** Renames the action `id` through the item panel, as a person does. */
async function rename(page: Page, from: string, to: string): Promise<void> {
  await leaveField(page);
  await page.keyboard.press('1');
  await page.getByRole('main').getByRole('button', { name: from, exact: true }).click();
  const name = page.getByRole('complementary', { name: 'Item details' }).getByRole('textbox', { name: 'Name' });
  await name.fill(to);
  await name.press('Enter');
  await expect(page.getByTestId('toast')).toContainText(`${from}: rename to ${to}`);
}

test('History names the device of each change, and a clash note takes the other value in one click', async ({ browser }) => {
  const url = `${requireEnv('GIT_REMOTE_URL')}names-${randomUUID().slice(0, 8)}.git`;
  const [laptop, phone] = [await device(browser, url, 'Ann’s laptop'), await device(browser, url, 'Ann’s phone')];
  const id = randomUUID();
  await laptop.evaluate(async (id) => {
    const record = { kind: 'action' as const, id, name: 'Plan the trip', state: 'inbox' as const, created: new Date().toISOString() };
    await window.taskgit?.tasks.apply({ changes: [{ put: record }], message: 'Create “Plan the trip”' });
  }, id);
  await syncNow(laptop);
  await syncNow(phone);

  await rename(laptop, 'Plan the trip', 'Lisbon: book flights');
  await rename(phone, 'Plan the trip', 'Lisbon: book the hotel');
  await syncNow(laptop);
  await syncNow(phone);
  await syncNow(laptop);

  // History on the laptop: each rename signed by the device that made it.
  await laptop.keyboard.press('6');
  const signed: Array<[subject: string, author: string]> = [
    ['Plan the trip: rename to Lisbon: book flights', 'Ann’s laptop'],
    ['Plan the trip: rename to Lisbon: book the hotel', 'Ann’s phone'],
  ];
  for (const [subject, author] of signed) {
    const commit = laptop.locator('.commit').filter({ hasText: subject });
    await expect(commit.locator('.commit-author')).toHaveText(author);
  }

  // The clash left a note; "Use the other value" takes the discarded name, and the note goes.
  const merged = await laptop.evaluate((id) => window.taskgit?.tasks.snapshot.records.get(id), id);
  const other = merged?._conflicts?.[0]?.discarded as string;
  expect([merged?.name, other].sort()).toEqual(['Lisbon: book flights', 'Lisbon: book the hotel']);
  await laptop.keyboard.press('1');
  await laptop.getByRole('main').getByRole('button', { name: merged!.name, exact: true }).click();
  const panel = laptop.getByRole('complementary', { name: 'Item details' });
  await expect(panel.getByRole('region', { name: 'Merge notes' })).toContainText(/Both devices changed “?name”?/);
  await panel.getByRole('button', { name: 'Use the other value' }).click();
  await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveValue(other);
  await expect(panel.getByRole('region', { name: 'Merge notes' })).toHaveCount(0);
  const [latest] = await laptop.evaluate(async () => (await window.taskgit!.tasks.history({ limit: 1 })).map((commit) => `${commit.message} by ${commit.author.name}`));
  expect(latest).toBe(`${merged!.name}: use the other name by Ann’s laptop`);
  await syncNow(laptop);
  await syncNow(phone);
  await expect.poll(() => phone.evaluate((id) => window.taskgit?.tasks.snapshot.records.get(id)?.name, id)).toBe(other);
  for (const page of [laptop, phone]) await page.context().close();
});
