// When IndexedDB cannot be opened (private mode, storage disabled), the app says so and what
// to do, instead of a blank page.
import { expect, test } from '@playwright/test';
import { requireEnv } from './app-support.ts';

test('a browser that refuses IndexedDB gets a screen saying why and what to do, with Try again', async ({ page }) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = function open(): IDBOpenDBRequest {
      throw new DOMException('The user denied permission to access the database.', 'InvalidStateError');
    };
  });
  await page.goto(requireEnv('APP_URL'));
  const screen = page.getByRole('alert');
  await expect(screen.getByRole('heading', { name: 'Taskgit cannot open its storage' })).toBeVisible();
  await expect(screen).toContainText('Private or incognito windows often block it');
  await expect(screen).toContainText('InvalidStateError: The user denied permission to access the database.');
  await screen.getByRole('button', { name: 'Try again' }).click();
  await expect(screen.getByRole('heading', { name: 'Taskgit cannot open its storage' })).toBeVisible();
});
