// A phone-sized screen: the nav becomes a bottom bar that holds every view, nothing scrolls
// sideways, and a selected item opens as a sheet.
import { expect, test } from '@playwright/test';
import { VIEWS } from '../../src/ui/routes.ts';
import { openApp } from './app-support.ts';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test('at 390x844 the nav is a bottom bar with every view, and tapping one opens it', async ({ page }) => {
  await openApp(page);
  const nav = page.getByRole('navigation', { name: 'Views' });
  await expect(nav).toBeVisible();
  const box = await nav.boundingBox();
  expect(box, 'nav box').not.toBeNull();
  expect(Math.round(box!.y + box!.height)).toBe(844);
  expect(box!.width).toBeLessThanOrEqual(390);
  for (const view of VIEWS) {
    const link = nav.getByRole('link', { name: new RegExp(`^${view.label}`) });
    await expect(link).toBeInViewport({ ratio: 1 });
  }
  await nav.getByRole('link', { name: /^Sync/ }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Sync' })).toBeVisible();
  await expect(page.getByTestId('sync-indicator')).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
