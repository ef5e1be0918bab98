// Helpers of the app specs: the built app's URL (served by the global setup as `npm start`
// serves it) and a page that waits until the shell is up.
import { expect, type Page } from '@playwright/test';

/** An environment variable the global setup sets, or a clear failure. */
export function requireEnv(name: 'APP_URL' | 'APP_DIR' | 'GIT_REMOTE_URL' | 'COMMENTS_REMOTE_URL'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through playwright.config.ts (its global setup)`);
  return value;
}

/** Opens the app at `hash` (e.g. `#/sync`) and waits until the shell shows a view. */
export async function openApp(page: Page, hash = ''): Promise<void> {
  await page.goto(`${requireEnv('APP_URL')}${hash}`);
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  await expect(page.locator('#view-title')).toBeVisible();
}

/** Waits until a service worker controls the scope (installed, precached, active). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.state;
  });
}

/** Leaves any field (keys typed in one are text, not shortcuts). */
export async function leaveField(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** Goes to the Sync tab, presses "Sync now" and waits until the indicator says everything is on the remote. */
export async function syncNow(page: Page): Promise<void> {
  await leaveField(page);
  await page.keyboard.press('7');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.locator('.sync-indicator')).toHaveAttribute('data-saved', 'remote', { timeout: 20_000 });
}

/** Sets and saves the remote on the Sync tab (the page is on it). */
export async function saveRemote(page: Page, url: string): Promise<void> {
  await page.getByLabel('Remote URL').fill(url);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
}
