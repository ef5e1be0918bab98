// Script payloads in comments render inert: as the author's name (text) and in the markdown body
// (sanitized), whether another reader pushed them or this reader typed them.
import { expect, test, type Page } from '@playwright/test';
import { commentRecord, expectStatus, openBlockPanel, openChapter, postComment, pushCommentsWithGit } from './comments-support.ts';
import { XSS_PAYLOADS } from './xss-payloads.ts';

const BLOCK = 'summary-1';

/** Whatever in the widget's shadow roots could run script or load something. */
async function activeContent(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const roots = [...document.querySelectorAll('git-comments, [data-git-comments]')].map((host) => host.shadowRoot).filter((root) => root !== null);
    for (const root of roots) {
      for (const element of root.querySelectorAll('*')) {
        const tag = element.tagName.toLowerCase();
        if (['script', 'iframe', 'object', 'embed', 'img', 'svg', 'math', 'video', 'audio', 'link', 'meta', 'base', 'template', 'details', 'select', 'marquee', 'xmp', 'noscript', 'isindex', 'keygen'].includes(tag)) found.push(`<${tag}>`);
        if (element.closest('.body') && ['style', 'form', 'input', 'button', 'textarea'].includes(tag)) found.push(`<${tag}> in a body`);
        for (const attribute of element.attributes) {
          if (attribute.name.startsWith('on')) found.push(`${tag}[${attribute.name}]`);
          if (['href', 'src', 'action', 'formaction', 'style'].includes(attribute.name) && /javascript:|data:|vbscript:|expression\(/i.test(attribute.value)) {
            found.push(`${tag}[${attribute.name}=${attribute.value}]`);
          }
        }
      }
    }
    return found;
  });
}

test(`${XSS_PAYLOADS.length} script payloads as authors and bodies render as inert text`, async ({ page }) => {
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const records = XSS_PAYLOADS.map((payload) => commentRecord({ author: payload, body: `${payload}\n\n**${payload}**`, anchor: { kind: 'block', block: BLOCK } }));
  await pushCommentsWithGit(records);

  await openChapter(page);
  const panel = await openBlockPanel(page, BLOCK);
  await expect(panel.locator('article[data-state="visible"]')).toHaveCount(records.length, { timeout: 15_000 });

  // Every author shows exactly as typed, as text.
  const authors = await panel.locator('.author').allTextContents();
  for (const payload of XSS_PAYLOADS) expect(authors).toContain(payload);

  // This reader types payloads too: shown before and after publishing, still inert.
  const mine = XSS_PAYLOADS.slice(0, 3);
  for (const payload of mine) await postComment(panel, payload, `mine: ${payload}`);
  for (const payload of mine) await expectStatus(panel, `mine: ${payload}`, 'published', 20_000);

  expect(await activeContent(page)).toEqual([]);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
