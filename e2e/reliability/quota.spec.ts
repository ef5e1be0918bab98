// The origin's storage quota is lowered with Chromium's DevTools protocol
// (`Storage.overrideQuotaForOrigin`) and the app commits until IndexedDB refuses. The person sees
// a message saying the change was not saved and why; a new tab opens the store whole (every
// object the head reaches verifies), its head is the last commit that succeeded, and the refused
// change is nowhere. With the quota restored, committing works again.
import { expect, test, type Page } from '@playwright/test';
import { openApp, requireEnv } from '../app/app-support.ts';
import { commitActions, recordIds, walkRepository, type SavedAction } from '../support/reliability-app.ts';

/** The most commits the spec makes before the quota must have been hit. */
const MAX_COMMITS = 1_000;

/** Commits one action at a time until one is refused; what was saved, and the refusal's name and message. */
function commitUntilRefused(page: Page, max: number): Promise<{ saved: SavedAction[]; refused: { name: string; message: string; id: string } | undefined }> {
  return page.evaluate(async (max) => {
    const tasks = window.taskgit?.tasks;
    if (!tasks) throw new Error('no repository');
    const saved: Array<{ id: string; name: string; head: string }> = [];
    for (let index = 0; index < max; index++) {
      // A random description makes each commit a few kilobytes that do not compress, so the quota is
      // reached in fewer commits (Chromium compresses what IndexedDB stores).
      const description = Array.from(crypto.getRandomValues(new Uint8Array(3000)), (byte) => byte.toString(16).padStart(2, '0')).join('');
      const id = crypto.randomUUID();
      const name = `Quota ${index}`;
      try {
        const record = { kind: 'action' as const, id, name, description, created: new Date().toISOString(), state: 'inbox' as const };
        const head = await tasks.apply({ changes: [{ put: record }], message: `Create ${name}` });
        saved.push({ id, name, head: String(head) });
      } catch (error) {
        const failure = error instanceof Error || error instanceof DOMException ? error : new Error(String(error));
        return { saved, refused: { name: failure.name, message: failure.message, id } };
      }
    }
    return { saved, refused: undefined };
  }, max);
}

/** Records in every object store of the app's IndexedDB database, read raw. */
function countStoredRecords(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const database = await new Promise<IDBDatabase>((done, fail) => {
      const request = indexedDB.open('taskgit');
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(request.error);
    });
    const names = [...database.objectStoreNames];
    const tx = database.transaction(names);
    const counts = await Promise.all(
      names.map(
        (name) =>
          new Promise<number>((done, fail) => {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => done(request.result);
            request.onerror = () => fail(request.error);
          }),
      ),
    );
    database.close();
    return counts.reduce((sum, count) => sum + count, 0);
  });
}

test('storage quota exceeded: a clear message, nothing half-written, and commits work once there is room', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await openApp(page, '#/sync');
    // Lower the quota before the first commit: once IndexedDB has written with room to spare,
    // Chromium trusts that room for a while and a new quota would only bite later.
    const session = await context.newCDPSession(page);
    const origin = new URL(requireEnv('APP_URL')).origin;
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    await session.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 256 * 1024 });
    const before = await commitActions(page, ['Before the quota 1', 'Before the quota 2']);

    const { saved, refused } = await commitUntilRefused(page, MAX_COMMITS);
    expect(refused, `IndexedDB refused a commit within ${MAX_COMMITS}`).toBeDefined();
    expect(refused?.name).toBe('QuotaExceededError');

    // The same refusal through the app's own capture box: the person is told, in words, and
    // not one record (object or ref) of the refused commit is stored.
    const stored = await countStoredRecords(page);
    const box = page.getByRole('searchbox', { name: 'Search or capture' });
    await box.fill('Captured while the disk is full');
    await box.press('Enter');
    const status = page.locator('.search-status');
    await expect(status).toHaveClass(/error-text/);
    await expect(status).toContainText('Could not save the change');
    await expect(status).toContainText('storage this browser gives Taskgit is full');
    await expect(box, 'the text typed is kept to try again').toHaveValue('Captured while the disk is full');
    expect(await countStoredRecords(page), 'records stored by the refused commit').toBe(stored);

    // A new tab: the store opens whole, at the last commit that succeeded.
    const last = [...before, ...saved].at(-1);
    await page.close();
    const reader = await context.newPage();
    await openApp(reader, '#/sync');
    const walk = await walkRepository(reader); // rejects on a missing or corrupt object
    expect(walk.head, 'the head is the last commit that succeeded').toBe(last?.head);
    const commits = new Set(walk.commits);
    expect([...before, ...saved].filter((change) => !commits.has(change.head)).map((change) => change.name)).toEqual([]);
    const ids = new Set(await recordIds(reader));
    expect(ids.has(refused?.id ?? ''), 'the refused change left no record').toBe(false);
    const names = await reader.evaluate(() => [...(window.taskgit?.tasks.snapshot.records.values() ?? [])].map((record) => record.name));
    expect(names).not.toContain('Captured while the disk is full');

    // Room again: the app commits as before.
    await (await context.newCDPSession(reader)).send('Storage.overrideQuotaForOrigin', { origin });
    const [after] = await commitActions(reader, ['After the quota']);
    expect((await walkRepository(reader)).head).toBe(after?.head);
  } finally {
    await context.close();
  }
});
