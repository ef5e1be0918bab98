// A book site served over plain HTTP is not a secure context: the page has no WebCrypto, so the
// widget hashes the retract secret with its script SHA-256 (a chunk fetched only there, once the
// page is drawn), and a comment written offline still publishes with the right secretHash.
import { createHash } from 'node:crypto';
import { chromium, expect, test } from '@playwright/test';
import { startStaticServer } from '../../server/static-server.ts';
import { CHROMIUM_ARGS, chromiumLaunchOptions } from '../support/chromium.ts';
import { commentWith, commentsRemoteUrl, expectStatus, pageSection, postComment, readRemote, requireEnv, uniqueText } from './comments-support.ts';

/** A name for the loopback that Chromium does not count as trustworthy, as it counts 127.0.0.1. */
const BOOK_HOST = 'book.test';

test('on a plain-HTTP site (no crypto.subtle) a comment written offline publishes with the SHA-256 of its secret', async () => {
  // The built app served again, answering to the book's name too (the test's server refuses it).
  const site = await startStaticServer({ root: requireEnv('APP_DIR'), port: 0, hosts: 'any', documents: { '/config.json': { commentsRemote: commentsRemoteUrl() } } });
  const resolver = CHROMIUM_ARGS.filter((arg) => !arg.startsWith('--host-resolver-rules='));
  const browser = await chromium.launch({
    ...chromiumLaunchOptions(),
    args: [...resolver, `--host-resolver-rules=MAP ${BOOK_HOST} 127.0.0.1 , MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1`],
  });
  try {
    const page = await browser.newPage();
    const chapter = new URL('demo/chapter-3.html', site.url);
    chapter.hostname = BOOK_HOST;
    const chunks: string[] = [];
    page.on('request', (request) => chunks.push(new URL(request.url()).pathname));
    await page.goto(chapter.href);
    expect(await page.evaluate(() => [isSecureContext, typeof crypto.subtle])).toEqual([false, 'undefined']);
    // Fetched once the page is drawn, so a reader who then goes offline can still post.
    await expect.poll(() => chunks.some((path) => /\/comments\/sha256-fallback-[\w-]+\.js$/.test(path)), { message: 'the script SHA-256 is fetched' }).toBe(true);
    const section = pageSection(page);
    const body = uniqueText('Read over plain HTTP on a train');
    await page.context().setOffline(true);
    await postComment(section, 'Hal', body);
    await expectStatus(section, body, 'saved on this device');
    await page.context().setOffline(false);
    await expectStatus(section, body, 'published', 20_000);

    const id = (await commentWith(section, body).getAttribute('data-comment-id')) as string;
    const secret = await page.evaluate(([key, commentId]) => (JSON.parse(localStorage.getItem(key as string) ?? '{}') as Record<string, string>)[commentId as string], [`git-comments:secrets:${commentsRemoteUrl()}`, id]);
    const file = [...(await readRemote()).files.values()].find((text) => text.includes(body));
    expect(JSON.parse(file ?? '{}')).toMatchObject({ id, secretHash: createHash('sha256').update(secret ?? '').digest('hex') });
  } finally {
    await browser.close();
    await site.close();
  }
});
