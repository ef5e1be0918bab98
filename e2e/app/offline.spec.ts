// Offline-first: after one visit the service worker has the app shell, so with the network off
// a reload (and any app route) still opens the app.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openApp, requireEnv, waitForServiceWorker } from './app-support.ts';

test('after a first visit, the app loads offline from the service worker and shows the Work view', async ({ page, context }) => {
  await openApp(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  try {
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Work' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'page controlled by the service worker').toBe(true);

    // A route the server never saw: the navigation fallback answers with the app.
    await page.goto(`${requireEnv('APP_URL')}somewhere/else#/process`);
    await expect(page.getByRole('heading', { level: 1, name: 'Process' })).toBeVisible();
    await expect(page.getByTestId('sync-indicator')).toContainText('Saved on this device');
  } finally {
    await context.setOffline(false);
  }
});

test('the service worker never answers /config.json from its cache', async ({ page, context }) => {
  await openApp(page);
  await waitForServiceWorker(page);
  await page.reload(); // now controlled
  await context.setOffline(true);
  try {
    const outcome = await page.evaluate(async () => {
      try {
        const response = await fetch('/config.json', { cache: 'no-store' });
        return `answered ${response.status}`;
      } catch {
        return 'network error';
      }
    });
    expect(outcome).toBe('network error');
  } finally {
    await context.setOffline(false);
  }
});

test('the manifest names the app, is standalone, and its icons are PNGs of the stated sizes', async ({ page, request }) => {
  await openApp(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifestUrl = new URL(href!, requireEnv('APP_URL')).href;
  const manifest = (await (await request.get(manifestUrl)).json()) as {
    name: string;
    display: string;
    start_url: string;
    icons: Array<{ src: string; sizes: string; purpose: string }>;
  };
  expect(manifest).toMatchObject({ name: 'Taskgit', short_name: 'Taskgit', display: 'standalone' });
  expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  for (const icon of manifest.icons) {
    const response = await request.get(new URL(icon.src, manifestUrl).href);
    expect(response.headers()['content-type']).toBe('image/png');
    const bytes = await response.body();
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const size = Number(icon.sizes.split('x')[0]);
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([size, size]);
  }
});

test('offline, every script of the build is answered by the service worker, the workers and their lazy chunks too', async ({ page, context }) => {
  const assets = join(requireEnv('APP_DIR'), 'assets');
  const scripts = (await readdir(assets)).filter((name) => name.endsWith('.js'));
  // The unpack worker loads pako only when it needs it: a chunk of its own (vite.config.ts, the workers' format).
  const unpackWorker = scripts.find((name) => name.startsWith('unpack-worker-'));
  const lazyPako = /import\(\W\.\/(pako-[\w-]+\.js)\W\)/.exec(await readFile(join(assets, unpackWorker ?? 'none'), 'utf8'))?.[1];
  expect(lazyPako && scripts.includes(lazyPako), `the unpack worker (${unpackWorker}) imports pako from a chunk of its own`).toBe(true);
  await openApp(page);
  await waitForServiceWorker(page);
  await page.reload(); // now controlled
  await context.setOffline(true);
  try {
    const statuses = await page.evaluate((names) => Promise.all(names.map((name) => fetch(`/assets/${name}`).then((response) => response.status, () => 0))), scripts);
    expect(Object.fromEntries(scripts.map((name, i) => [name, statuses[i]]))).toEqual(Object.fromEntries(scripts.map((name) => [name, 200])));
  } finally {
    await context.setOffline(false);
  }
});
