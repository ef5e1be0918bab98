// The comment remote failing (HTTP 500) loses nothing: comments stay "saved on this device", the
// failure is shown in words, retries back off, and once the remote recovers everything arrives.
import { expect, test } from '@playwright/test';
import { commentWith, commentsRemoteUrl, expectStatus, openChapter, pageSection, postComment, readRemote, uniqueText } from './comments-support.ts';

test('comments posted while the remote answers 500 are kept, retried with backoff, and all published once it recovers', async ({ page, context }) => {
  const remoteRequests = `${commentsRemoteUrl()}/**`;
  let failed = 0;
  await context.route(remoteRequests, async (route) => {
    failed++;
    await route.fulfill({ status: 500, contentType: 'text/plain', body: 'internal error' });
  });
  await openChapter(page);
  const first = uniqueText('Posted during the outage');
  const second = uniqueText('Also posted during the outage');
  await postComment(pageSection(page), 'Erin', first);
  await postComment(pageSection(page), 'Erin', second);
  await expectStatus(pageSection(page), first, 'saved on this device');
  await expectStatus(pageSection(page), second, 'saved on this device');
  await expect(page.locator('git-comments .status')).toContainText('HTTP 500');
  const before = failed;
  await expect.poll(() => failed, { message: 'a retry after the failure, without any reader action', timeout: 15_000 }).toBeGreaterThan(before);

  await context.unroute(remoteRequests);
  await expectStatus(pageSection(page), first, 'published', 30_000);
  await expectStatus(pageSection(page), second, 'published');
  await expect(page.locator('git-comments .status')).toBeHidden();

  const files = [...(await readRemote()).files.values()];
  expect(files.filter((text) => text.includes(first) || text.includes(second))).toHaveLength(2);
});

test('a refusal by the comment remote is shown in words (no file path), and the refused change is kept', async ({ page }) => {
  await openChapter(page);
  const body = uniqueText('A comment whose secret gets lost');
  await postComment(pageSection(page), 'Finn', body);
  await expectStatus(pageSection(page), body, 'published', 20_000);
  // This browser's secret no longer matches the one the comment was published with: the remote's
  // hook must refuse the retraction (sha256(secret) differs from the comment's secretHash).
  const id = await commentWith(pageSection(page), body).getAttribute('data-comment-id');
  await page.evaluate(
    ([remote, commentId]) => {
      const key = `git-comments:secrets:${remote}`;
      const secrets = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, string>;
      localStorage.setItem(key, JSON.stringify({ ...secrets, [commentId as string]: 'not-the-secret-it-was-published-with' }));
    },
    [commentsRemoteUrl(), id],
  );
  await commentWith(pageSection(page), body).getByRole('button', { name: 'Retract' }).click();
  await commentWith(pageSection(page), body).getByRole('button', { name: /Retract this comment/ }).click();
  // Refused for good: set aside with the remote's words, the comment still shown as published.
  const article = pageSection(page).locator(`article[data-comment-id="${id}"]`);
  await expect(article.locator('.error')).toContainText('Only the browser that wrote a comment can retract it', { timeout: 20_000 });
  await expect(article.locator('.error'), 'words, not file paths').not.toContainText('comments/');
  await expect(article.locator('.badge')).toHaveText('published');
  await article.getByRole('button', { name: 'Discard' }).click();
  await expect(article.locator('.error')).toHaveCount(0);
  const files = [...(await readRemote()).files.values()];
  expect(files.some((text) => text.includes(body)), 'the comment is still on the remote').toBe(true);
});

test('a 429 from the remote is shown as a request to slow down, and the comment is kept', async ({ page, context }) => {
  const remoteRequests = `${commentsRemoteUrl()}/**`;
  await openChapter(page);
  await context.route(remoteRequests, (route) => route.fulfill({ status: 429, contentType: 'text/plain', body: 'Too many requests' }));
  const body = uniqueText('Rate limited');
  await postComment(pageSection(page), 'Gus', body);
  await expect(page.locator('git-comments .status')).toContainText('asks us to slow down');
  await expectStatus(pageSection(page), body, 'saved on this device');
  await context.unroute(remoteRequests);
});
