// The demo chapter embeds the widget with one script tag and one element; the widget anchors to
// its paragraphs and headings and to selected words, follows the reader's colour scheme, stays
// within its size budget, and lists comments whose words left the page instead of hiding them.
import { expect, test, type Page } from '@playwright/test';
import { measureWidget, WIDGET_BUDGET_BYTES } from '../../scripts/report-widget-size.ts';
import { openApp, waitForServiceWorker } from '../app/app-support.ts';
import { chapterUrl, commentWith, expectStatus, openBlockPanel, openChapter, postComment, requireEnv, uniqueText } from './comments-support.ts';

/** Selects `words` inside block `blockId`, as a reader dragging the mouse would. */
async function selectWords(page: Page, blockId: string, words: string): Promise<void> {
  await page.evaluate(
    ([id, text]) => {
      const block = document.getElementById(id as string) as HTMLElement;
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(text as string);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + (text as string).length);
        document.getSelection()?.removeAllRanges();
        document.getSelection()?.addRange(range);
        return;
      }
      throw new Error(`no "${text}" in #${id}`);
    },
    [blockId, words],
  );
}

test('the chapter loads the widget with its one script tag, and every paragraph and heading with an id gets a button', async ({ page, request }) => {
  const html = await (await request.get(chapterUrl())).text();
  expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="module" src="/comments.js">']);
  expect(html.match(/<git-comments\b[^>]*>/g)).toHaveLength(1);

  await openChapter(page);
  const blocks = await page.locator('main p[id], main h1[id], main h2[id], main h3[id]').count();
  expect(blocks).toBeGreaterThan(15);
  await expect(page.locator('[data-git-comments="marker"]')).toHaveCount(blocks);
  await expect(page.locator('p:not([id]) [data-git-comments="marker"]')).toHaveCount(0);
});

test("the app's service worker, installed by an earlier visit to the app, lets the demo chapter through", async ({ page }) => {
  await openApp(page);
  await waitForServiceWorker(page);
  await page.reload(); // now controlled by the worker
  await openChapter(page);
  await expect(page.locator('h1')).toContainText('Chapter 3: Inside the Object Store');
});

test('a reader comments on selected words; the quote is kept, shown and highlighted', async ({ page }) => {
  await openChapter(page);
  await selectWords(page, 'packs-2', 'thin pack sent over the network');
  await page.locator('[data-git-comments="selection"] button').click();
  const panel = await openBlockPanel(page, 'packs-2');
  await expect(panel.locator('form')).toContainText('On “thin pack sent over the network”');
  const body = uniqueText('Where is the thin pack completed?');
  await postComment(panel, 'Lee', body);
  await expect(commentWith(panel, body).locator('blockquote')).toHaveText('thin pack sent over the network');
  await expectStatus(panel, body, 'published', 20_000);
  expect(await page.evaluate(() => CSS.highlights.get('git-comments')?.size ?? 0)).toBeGreaterThan(0);
});

test('a triple-click selects a paragraph, and the reader can comment on it as a quote', async ({ page }) => {
  await openChapter(page);
  // Chromium ends a triple-click's selection at the start of the next block.
  await page.locator('#content-3').click({ clickCount: 3 });
  await page.locator('[data-git-comments="selection"] button').click();
  const panel = page.locator('#content-3 + [data-git-comments="panel"]');
  await expect(panel.locator('.target')).toContainText('Because the name depends only on the bytes');
  const body = uniqueText('On the whole paragraph');
  await postComment(panel, 'Tia', body);
  await expect(commentWith(panel, body).locator('blockquote')).toHaveText(/^Because the name depends only on the bytes.*name you asked for\.$/);
});

test('comments whose words are gone from the page are listed at the end, not hidden; small edits still anchor', async ({ page, context }) => {
  await openChapter(page);
  const panel = await openBlockPanel(page, 'content-3');
  const kept = uniqueText('On immutability');
  const lost = uniqueText('On corruption');
  await selectWords(page, 'content-3', 'falls out of the naming');
  await page.locator('[data-git-comments="selection"] button').click();
  await postComment(panel, 'Mo', kept);
  await selectWords(page, 'content-3', 'corruption is always detectable');
  await page.locator('[data-git-comments="selection"] button').click();
  await postComment(panel, 'Mo', lost);

  // A new edition of the chapter: one quoted phrase reworded slightly, the other sentence deleted.
  await context.route(chapterUrl(), async (route) => {
    const html = await (await route.fetch()).text();
    const edited = html
      .replace('falls out of the naming', 'falls out of its naming')
      .replace(/It also means that corruption is always detectable,[^<]*name you asked for\./, 'A later chapter returns to this.');
    await route.fulfill({ contentType: 'text/html; charset=utf-8', body: edited });
  });
  await page.reload();
  await expect(page.locator('git-comments').getByRole('heading', { name: 'Comments on text that has changed' })).toBeVisible();
  await expect(commentWith(page.locator('git-comments section section').nth(1), lost)).toBeVisible();
  const editedPanel = await openBlockPanel(page, 'content-3');
  await expect(commentWith(editedPanel, kept)).toBeVisible();
});

test('light and dark follow the reader, and the theme attribute overrides', async ({ page }) => {
  const background = () => page.locator('git-comments').evaluate((element) => getComputedStyle(element).getPropertyValue('--gc-bg').trim());
  await page.emulateMedia({ colorScheme: 'dark' });
  await openChapter(page);
  expect(await background()).toBe('#161b22');
  await page.locator('git-comments').evaluate((element) => element.setAttribute('theme', 'light'));
  expect(await background()).toBe('#ffffff');
  await expect(page.locator('[data-git-comments="marker"]').first()).toHaveAttribute('theme', 'light');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.locator('git-comments').evaluate((element) => element.setAttribute('theme', 'dark'));
  expect(await background()).toBe('#161b22');
});

test('the script that runs on page load is within 40 KB gzipped; sync and markdown load later, each in one fetch', async () => {
  const report = await measureWidget(requireEnv('APP_DIR'));
  expect(report.chained).toEqual([]);
  expect(report.onLoad.map((chunk) => chunk.file)).toEqual(['comments.js']);
  expect(report.onLoadGzipBytes).toBeLessThanOrEqual(WIDGET_BUDGET_BYTES);
  expect(report.withinBudget).toBe(true);
  expect(report.lazy.map((chunk) => chunk.file).join(' ')).toMatch(/publish.*render-markdown|render-markdown.*publish/);
});
