// The PWA prompts. A new version: when a changed service worker is installed and waits, the
// app says "Update available" with a Reload button; Reload activates it and reloads the page
// into it. Install: the button shows when the browser offers installation. Served from a copy
// of the build, so changing its service worker touches no other spec.
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startStaticServer, type StaticServer } from '../../server/static-server.ts';
import { requireEnv, waitForServiceWorker } from './app-support.ts';

let dir: string;
let server: StaticServer;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'taskgit-e2e-update-'));
  cpSync(requireEnv('APP_DIR'), dir, { recursive: true });
  server = await startStaticServer({ root: dir, port: 0, documents: { '/config.json': {} } });
});

test.afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a waiting new service worker shows "Update available"; Reload switches to it', async ({ page }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Work' })).toBeVisible();
  await waitForServiceWorker(page);
  const first = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
  await expect(page.getByRole('alert').filter({ hasText: 'Update available' })).toHaveCount(0);

  appendFileSync(join(dir, 'sw.js'), '\n// a new version\n'); // a byte-different worker is a new version
  await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
  const prompt = page.getByRole('alert').filter({ hasText: 'Update available' });
  await expect(prompt).toBeVisible({ timeout: 15_000 });

  const reloaded = page.waitForEvent('framenavigated', { timeout: 2500 }); // before pwa.ts's 3 s fallback
  await prompt.getByRole('button', { name: 'Reload' }).click();
  await reloaded;
  await expect(page.getByRole('heading', { level: 1, name: 'Work' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Update available' })).toHaveCount(0);
  const after = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return { waiting: registration.waiting !== null, controller: navigator.serviceWorker.controller?.scriptURL };
  });
  expect(after).toEqual({ waiting: false, controller: first });
});

test('"Install" shows when the browser offers installation, and asks the browser when clicked', async ({ page }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Work' })).toBeVisible();
  // Let the worker finish precaching, so no request is in flight when afterAll removes the folder.
  await waitForServiceWorker(page);
  const install = page.getByRole('button', { name: 'Install' });
  await expect(install).toHaveCount(0);
  // What Chromium fires when the app is installable (headless never does by itself).
  await page.evaluate(() => {
    const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: async () => void ((window as unknown as { prompted: boolean }).prompted = true),
      userChoice: Promise.resolve({ outcome: 'accepted', platform: 'web' }),
    });
    window.dispatchEvent(event);
  });
  await expect(install).toBeVisible();
  await install.click();
  await expect(install).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { prompted?: boolean }).prompted)).toBe(true);
});
