// Helpers of the comment widget specs: the demo chapter as the app build serves it (global setup),
// the comment remote, posting through the widget's forms, and reading the remote with the git CLI.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';
import { MAX_COMMENTS_PER_PUSH, commentFilePath, encodeCommentFile, type Comment } from '../../src/comments/record.ts';
import { OUTBOX_BRANCH, commentDatabaseName } from '../../src/comments/storage/comment-repo.ts';
import { gitAsync, makeTempDir, removeTempDir } from '../../test/support/git-cli.ts';

/** An environment variable the global setup sets, or a clear failure. */
export function requireEnv(name: 'APP_URL' | 'APP_DIR' | 'GIT_REMOTE_URL' | 'HARNESS_URL'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through playwright.config.ts (its global setup)`);
  return value;
}

/** The comment remote: the hooked one when the global setup starts it, else a plain local repository. */
export function commentsRemoteUrl(): string {
  return process.env.COMMENTS_REMOTE_URL ?? `${requireEnv('GIT_REMOTE_URL')}comments.git`;
}

/** The demo chapter's URL. */
export function chapterUrl(): string {
  return `${requireEnv('APP_URL')}demo/chapter-3.html`;
}

/** Opens the demo chapter and waits until the widget has read its comments. */
export async function openChapter(page: Page): Promise<void> {
  await page.goto(chapterUrl());
  await expect(page.locator('git-comments section section').first()).toBeVisible();
  await expect(page.locator('git-comments .status')).not.toHaveText(/Loading/);
}

/** A text no other test writes. */
export function uniqueText(label: string): string {
  return `${label} ${randomUUID().slice(0, 8)}`;
}

/** The widget's own section for comments on the whole page. */
export function pageSection(page: Page): Locator {
  return page.locator('git-comments section section').first();
}

/** The panel under block `blockId`, opened by its count button when closed. */
export async function openBlockPanel(page: Page, blockId: string): Promise<Locator> {
  const panel = page.locator(`#${blockId} + [data-git-comments="panel"]`);
  if (!(await panel.isVisible())) await page.locator(`#${blockId} [data-git-comments="marker"] button`).click();
  await expect(panel).toBeVisible();
  return panel;
}

/** Fills a form (of `where`) with a name and a body, posts it, and waits until it is saved (the form empties). */
export async function postComment(where: Locator, author: string, body: string): Promise<void> {
  const form = where.locator('form');
  const field = form.getByLabel(/^(Comment|Reply) \(markdown\)$/);
  await form.getByLabel('Your name').fill(author);
  await field.fill(body);
  await form.getByRole('button', { name: /^Post/ }).click();
  await expect(field).toHaveValue('');
}

/** The comment whose text holds `body`. */
export function commentWith(where: Locator | Page, body: string): Locator {
  return where.locator('article', { hasText: body });
}

/** Waits until the comment with `body` shows `status` ("saved on this device" or "published"). */
export async function expectStatus(where: Locator | Page, body: string, status: 'saved on this device' | 'published', timeout?: number): Promise<void> {
  await expect(commentWith(where, body).locator('.badge')).toHaveText(status, timeout === undefined ? {} : { timeout });
}

/** The remote as the git CLI sees it: a fresh clone's log (every message line) and its comment files' contents. */
export async function readRemote(): Promise<{ subjects: string[]; files: Map<string, string> }> {
  const dir = makeTempDir('comments-clone');
  try {
    await gitAsync(['clone', '--quiet', commentsRemoteUrl(), dir]);
    const subjects = (await gitAsync(['log', '--format=%B'], { cwd: dir })).split('\n').filter(Boolean);
    const files = new Map<string, string>();
    const pagesDir = join(dir, 'comments');
    for (const pageName of await readdir(pagesDir).catch(() => [])) {
      for (const name of await readdir(join(pagesDir, pageName))) {
        files.set(`comments/${pageName}/${name}`, await readFile(join(pagesDir, pageName, name), 'utf8'));
      }
    }
    return { subjects, files };
  } finally {
    removeTempDir(dir);
  }
}

/**
 * Pushes comment records to the remote with the git CLI, as another reader's client would: at most
 * `MAX_COMMENTS_PER_PUSH` new files per commit, each pushed to refs/for/main/<name>, which the
 * remote folds into main.
 */
export async function pushCommentsWithGit(records: readonly Comment[]): Promise<void> {
  const dir = makeTempDir('comments-push');
  try {
    await gitAsync(['clone', '--quiet', commentsRemoteUrl(), dir]);
    for (let start = 0; start < records.length; start += MAX_COMMENTS_PER_PUSH) {
      const batch = records.slice(start, start + MAX_COMMENTS_PER_PUSH);
      for (const record of batch) {
        const path = commentFilePath(record.page, record.id);
        await mkdir(join(dir, dirname(path)), { recursive: true });
        await writeFile(join(dir, path), encodeCommentFile(record));
      }
      await gitAsync(['add', '--', 'comments'], { cwd: dir });
      await gitAsync(['commit', '--quiet', '-m', `${batch.length} comments pushed with the git CLI`], { cwd: dir });
      await gitAsync(['push', '--quiet', 'origin', `HEAD:refs/for/main/${randomUUID()}`], { cwd: dir });
      // The remote published the files in a commit of its own: carry on from it.
      await gitAsync(['fetch', '--quiet', 'origin'], { cwd: dir });
      await gitAsync(['reset', '--quiet', '--hard', 'origin/main'], { cwd: dir });
    }
  } finally {
    removeTempDir(dir);
  }
}

/** A valid comment record for `pushCommentsWithGit`. */
export function commentRecord(fields: Pick<Comment, 'author' | 'body' | 'anchor'> & Partial<Comment>): Comment {
  return {
    id: randomUUID(),
    page: 'chapter-3',
    parent: null,
    created: new Date().toISOString(),
    secretHash: createHash('sha256').update(randomUUID()).digest('hex'),
    ...fields,
  };
}

/**
 * Commits `text` as the file `path` of this reader's outbox (the branch the widget keeps its
 * waiting comments on) in the app's origin, as an older widget would have left it: through the
 * real store, loaded from the harness's Vite server, into the page's real IndexedDB, past the
 * validator the widget's own writes go through. The page doing it is an empty one of the app's
 * origin that the test serves (the app's own pages forbid scripts from other origins).
 */
export async function plantWaitingFile(page: Page, path: string, text: string): Promise<void> {
  const storeModule = new URL(`/@fs${fileURLToPath(new URL('../../src/store/index.ts', import.meta.url))}`, requireEnv('HARNESS_URL')).href;
  const blank = `${requireEnv('APP_URL')}e2e-plant.html`;
  await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>plant</title>' }));
  // A page the test serves has no address; Chromium asks before it reaches the loopback's harness.
  await page.context().grantPermissions(['local-network-access'], { origin: new URL(blank).origin });
  await page.goto(blank);
  await page.unroute(blank);
  await page.evaluate(
    async ([moduleUrl, database, branch, filePath, fileText]) => {
      const store = (await import(moduleUrl as string)) as typeof import('../../src/store/index.ts');
      const repo = await store.openRepo({ name: database as string });
      try {
        await (await repo.branch(branch as string)).set(filePath as string, fileText as string, { message: 'A comment an older widget left waiting' });
      } finally {
        await repo.close();
      }
    },
    [storeModule, commentDatabaseName(commentsRemoteUrl()), OUTBOX_BRANCH, path, text],
  );
}
