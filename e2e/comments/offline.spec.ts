// A comment written offline is committed in the browser, survives a reload while the remote is
// out of reach, and is published once the browser is back online: then another reader sees it and
// the remote's `git log` has it.
import { expect, test } from '@playwright/test';
import { commentsRemoteUrl, expectStatus, openChapter, pageSection, postComment, readRemote, uniqueText } from './comments-support.ts';

test('a comment made offline stays "saved on this device" across a reload, then publishes and reaches others and git', async ({ page, context, browser }) => {
  await openChapter(page);
  const author = uniqueText('Offline reader');
  const body = uniqueText('Written on a train with no signal');

  await context.setOffline(true);
  await postComment(pageSection(page), author, body);
  await expectStatus(pageSection(page), body, 'saved on this device');
  await expect(page.locator('git-comments .status')).toContainText('You are offline');

  // Reload while the remote is still out of reach (the page itself must load to be reloaded).
  const blockRemote = `${commentsRemoteUrl()}/**`;
  await context.route(blockRemote, (route) => route.abort('internetdisconnected'));
  await context.setOffline(false);
  await page.reload();
  await expectStatus(pageSection(page), body, 'saved on this device');
  await expect(pageSection(page).locator('textarea')).toHaveValue('');

  // Back online: the `online` event publishes it (within 20 s, as the other specs' first publish:
  // on a busy machine the reloaded page's tries that met the blocked remote may still be running).
  await context.unroute(blockRemote);
  await context.setOffline(true);
  await context.setOffline(false);
  await expectStatus(pageSection(page), body, 'published', 20_000);

  const other = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await openChapter(otherPage);
    await expectStatus(pageSection(otherPage), body, 'published');
    await expect(pageSection(otherPage).locator('article', { hasText: body }).locator('.author')).toHaveText(author);
  } finally {
    await other.close();
  }

  const remote = await readRemote();
  expect(remote.subjects).toContain(`Comment by ${author} on chapter-3`);
  expect([...remote.files.values()].some((text) => text.includes(body))).toBe(true);
});

test('the text being typed survives a reload, and the name is remembered', async ({ page }) => {
  await openChapter(page);
  const form = pageSection(page).locator('form');
  const draft = uniqueText('Half-written thought about pack files');
  await form.getByLabel('Your name').fill('Dana');
  await form.getByLabel('Your name').blur();
  await form.getByLabel('Comment (markdown)').fill(draft);
  await page.reload();
  await expect(pageSection(page).locator('form').getByLabel('Comment (markdown)')).toHaveValue(draft);
  await expect(pageSection(page).locator('form').getByLabel('Your name')).toHaveValue('Dana');
});

test('a comment left unpublished when the reader leaves is published on their next visit', async ({ page, context }) => {
  await openChapter(page);
  const blockRemote = `${commentsRemoteUrl()}/**`;
  await context.route(blockRemote, (route) => route.abort('connectionrefused'));
  const body = uniqueText('Posted just before closing the laptop');
  await postComment(pageSection(page), 'Nia', body);
  await expectStatus(pageSection(page), body, 'saved on this device');
  await page.close();

  await context.unroute(blockRemote);
  const nextVisit = await context.newPage();
  await openChapter(nextVisit);
  await expectStatus(pageSection(nextVisit), body, 'published');
  expect([...(await readRemote()).files.values()].some((text) => text.includes(body))).toBe(true);
});
