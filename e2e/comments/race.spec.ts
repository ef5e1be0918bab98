// Two readers commenting on the same paragraph at the same moment: both comments are published,
// neither is lost, and each reader sees both: at once their own (from the push's answer), then the
// other's without a reload (the page's snapshot, fetched a little after a publish).
import { expect, test, type Page } from '@playwright/test';
import { expectStatus, openBlockPanel, openChapter, postComment, readRemote, uniqueText } from './comments-support.ts';

const BLOCK = 'packs-1';

test('two readers posting on the same paragraph at once both appear, for both and on the remote', async ({ browser }) => {
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  try {
    const pages: Page[] = [];
    for (const context of contexts) {
      const page = await context.newPage();
      await openChapter(page);
      pages.push(page);
    }
    const bodies = [uniqueText('First reader on packs'), uniqueText('Second reader on packs')];
    const panels = await Promise.all(pages.map((page) => openBlockPanel(page, BLOCK)));
    await Promise.all(panels.map((panel, i) => postComment(panel, `Reader ${i + 1}`, bodies[i] as string)));
    await Promise.all(panels.map((panel, i) => expectStatus(panel, bodies[i] as string, 'published', 20_000)));
    await Promise.all(panels.map((panel, i) => expectStatus(panel, bodies[1 - i] as string, 'published', 20_000)));

    for (const page of pages) {
      await page.reload(); // a pull on load
      const panel = await openBlockPanel(page, BLOCK);
      for (const body of bodies) await expectStatus(panel, body, 'published');
      await expect(page.locator(`#${BLOCK} [data-git-comments="marker"] button`)).not.toHaveText('+');
    }
    const files = [...(await readRemote()).files.values()];
    for (const body of bodies) expect(files.some((text) => text.includes(body))).toBe(true);
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});
