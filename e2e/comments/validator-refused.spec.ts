// A waiting comment file the widget's own validator refuses (one an older widget left, say) is set
// aside at once and never pushed: shown with the validator's words, its body as plain text the
// writer can select and copy, a Discard reached by keyboard; later comments still publish.
import { expect, test } from '@playwright/test';
import { commentFilePath, encodeCommentFile, MAX_BODY_LENGTH, validateCommentFile } from '../../src/comments/record.ts';
import { en } from '../../src/comments/strings/en.ts';
import { refusalWords } from '../../src/comments/threads/refusal-words.ts';
import { commentRecord, expectStatus, openChapter, pageSection, plantWaitingFile, postComment, readRemote, uniqueText } from './comments-support.ts';

test('a waiting file the validator refuses is set aside with its words to copy, never pushed, and discarded by keyboard', async ({ page, context }) => {
  // Written when bodies could be longer: one paragraph, with markup that must stay plain text.
  const opening = uniqueText('A long <b>thought</b> from an older widget');
  const record = commentRecord({ author: 'Olive', body: `${opening} ${'and more words '.repeat(Math.ceil(MAX_BODY_LENGTH / 15))}`.trim(), anchor: { kind: 'page' } });
  const path = commentFilePath(record.page, record.id);
  const bytes = encodeCommentFile(record);
  const judged = validateCommentFile(path, bytes);
  expect(judged.ok, 'the planted file must be one the validator refuses').toBe(false);
  await plantWaitingFile(page, path, new TextDecoder().decode(bytes));

  await openChapter(page);
  const section = pageSection(page);
  const article = section.locator(`article[data-comment-id="${record.id}"]`);
  await expect(article).toHaveAttribute('data-state', 'unreadable');
  await expect(article.locator('header')).toContainText(en.unreadable);
  await expect(article.locator('.badge')).toHaveText(en.setAside);
  await expect(article.locator('.error')).toHaveText(en.setAsideInvalid(refusalWords(path, judged.ok ? '' : judged.reason).words));
  const body = article.locator('.body');
  await expect(body).toHaveText(record.body);
  await expect(body.locator('b')).toHaveCount(0);
  await expect(page.locator('git-comments .status'), 'set aside at once: nothing waits').toBeHidden();

  // Selectable as any text (a triple-click takes the whole paragraph), and copied by its button.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  const clipboard = (): Promise<string> => page.evaluate(() => navigator.clipboard.readText());
  await body.click({ clickCount: 3 });
  await page.keyboard.press('ControlOrMeta+C');
  expect((await clipboard()).trim()).toBe(record.body);
  await page.evaluate(() => navigator.clipboard.writeText('something else'));
  await article.getByRole('button', { name: en.copyWords }).click();
  await expect(article.locator('[data-action="copy"]')).toHaveText(en.copiedWords);
  expect(await clipboard()).toBe(record.body);

  const later = uniqueText('Posted beside the set-aside one');
  await postComment(section, 'Olive', later);
  await expectStatus(section, later, 'published', 20_000);
  const remote = [...(await readRemote()).files.keys()];
  expect(remote.some((file) => file.includes(record.id)), 'never pushed').toBe(false);

  // Keyboard alone: from the section's heading, Tab reaches the words (a box that scrolls), Copy
  // and Discard; Enter asks, Enter discards.
  const discard = article.locator('[data-action="discard"]');
  await section.getByRole('heading', { name: en.pageComments }).click();
  for (const stop of [body, article.locator('[data-action="copy"]'), discard]) {
    await page.keyboard.press('Tab');
    await expect(stop).toBeFocused();
  }
  await page.keyboard.press('Enter');
  await expect(discard).toHaveText(en.confirmDiscard);
  await page.keyboard.press('Enter');
  await expect(article).toHaveCount(0);
  await expect(section.locator('article').first().locator('[data-action]').first(), 'the focus goes to the comment that took its place').toBeFocused();

  await page.reload();
  await expectStatus(pageSection(page), later, 'published');
  await expect(pageSection(page).locator(`article[data-comment-id="${record.id}"]`)).toHaveCount(0);
});
