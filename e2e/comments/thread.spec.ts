// A reply threads under the comment it answers, for its writer and for other readers.
import { expect, test, type Locator } from '@playwright/test';
import { commentWith, expectStatus, openBlockPanel, openChapter, pageSection, postComment, readRemote, uniqueText } from './comments-support.ts';

const BLOCK = 'commits-1';

/** The reply `reply` nested in the thread of `parent`. */
function nestedReply(panel: Locator, parent: string, reply: string): Locator {
  return panel.locator('li', { has: panel.page().locator('article', { hasText: parent }) }).locator('ol article', { hasText: reply });
}

test('a reply threads under its comment, and shows so to another reader', async ({ page, browser }) => {
  await openChapter(page);
  const parent = uniqueText('Are parents ordered?');
  const reply = uniqueText('Yes: the first parent is the branch you were on');
  const panel = await openBlockPanel(page, BLOCK);
  await postComment(panel, 'Hana', parent);
  await commentWith(panel, parent).getByRole('button', { name: 'Reply' }).click();
  await expect(panel.locator('form')).toContainText('Reply: Hana');
  await postComment(panel, 'Ivo', reply);
  await expect(nestedReply(panel, parent, reply)).toBeVisible();
  await expectStatus(panel, reply, 'published', 20_000);

  const other = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await openChapter(otherPage);
    const otherPanel = await openBlockPanel(otherPage, BLOCK);
    await expect(nestedReply(otherPanel, parent, reply)).toBeVisible();
    await expect(nestedReply(otherPanel, parent, reply).locator('.author')).toHaveText('Ivo');
  } finally {
    await other.close();
  }
});

test('the author retracts from their browser; the retraction is published and the reply stays in place', async ({ page }) => {
  await openChapter(page);
  const parent = uniqueText('A comment I will take back');
  const reply = uniqueText('A reply that stays');
  const panel = await openBlockPanel(page, BLOCK);
  await postComment(panel, 'Jo', parent);
  await commentWith(panel, parent).getByRole('button', { name: 'Reply' }).click();
  await postComment(panel, 'Kai', reply);
  await expectStatus(panel, reply, 'published', 20_000);
  await expectStatus(panel, parent, 'published');

  // Retract asks first. While it asks, with a reply half-typed, the threads are drawn again (a
  // comment posted from another tab of this browser): the question, its focus and the text stay.
  await commentWith(panel, parent).getByRole('button', { name: 'Retract' }).click();
  const confirm = commentWith(panel, parent).getByRole('button', { name: /Retract this comment/ });
  await expect(confirm).toBeFocused();
  const halfTyped = 'A reply I have not finished';
  await panel.locator('form').getByLabel('Comment (markdown)').fill(halfTyped);
  await confirm.focus();
  const otherTab = await page.context().newPage();
  const fromOtherTab = uniqueText('Posted from another tab');
  try {
    await openChapter(otherTab);
    await postComment(pageSection(otherTab), 'Lu', fromOtherTab);
    await expect(commentWith(pageSection(page), fromOtherTab)).toBeVisible();
  } finally {
    await otherTab.close();
  }
  await expect(confirm).toBeVisible();
  await expect(confirm).toBeFocused();
  await expect(panel.locator('form').getByLabel('Comment (markdown)')).toHaveValue(halfTyped);
  await confirm.click();
  const placeholder = panel.locator('li', { has: page.locator('ol article', { hasText: reply }) }).locator('article[data-state="retracted"]');
  await expect(placeholder).toHaveText('retracted by the author', { timeout: 20_000 });
  await expect(commentWith(panel, parent)).toHaveCount(0);
  await expect(panel.locator('ol article', { hasText: reply })).toBeVisible();
  const files = [...(await readRemote()).files];
  expect(files.some(([path]) => path.endsWith('.retracted.json'))).toBe(true);
  expect(files.some(([, text]) => text.includes(parent))).toBe(false);
  expect(files.some(([, text]) => text.includes(reply))).toBe(true);
});
