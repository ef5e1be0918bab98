// Light and dark: the theme follows the system until toggled, and the choice survives a reload.
import { expect, test } from '@playwright/test';
import { openApp } from './app-support.ts';

const LIGHT_BG = 'rgb(244, 246, 248)';
const DARK_BG = 'rgb(18, 21, 25)';

const background = (page: import('@playwright/test').Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test.describe('with a light system theme', () => {
  test.use({ colorScheme: 'light' });

  test('the dark theme toggle applies at once and persists across a reload', async ({ page }) => {
    await openApp(page);
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(await background(page)).toBe(LIGHT_BG);

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await background(page)).toBe(DARK_BG);

    await page.reload();
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
    expect(await background(page)).toBe(DARK_BG);

    await page.keyboard.press('t'); // the shortcut switches back
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'false');
    await page.reload();
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'false');
    expect(await background(page)).toBe(LIGHT_BG);
  });
});

test.describe('with a dark system theme', () => {
  test.use({ colorScheme: 'dark' });

  test('the app starts dark without a stored choice', async ({ page }) => {
    await openApp(page);
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
    expect(await background(page)).toBe(DARK_BG);
  });
});
