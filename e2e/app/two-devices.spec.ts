// Two browser contexts are two devices with their own IndexedDB, syncing through the real local
// git remote. Editing different fields of one action ends with both changes on both devices;
// editing the same field ends with one value kept and the other named in a conflict note; a
// context deleted on one device but used on the other comes back, repaired after the merge.
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { openApp, requireEnv, syncNow } from './app-support.ts';

async function device(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openApp(page, '#/sync');
  await page.getByLabel('Remote URL').fill(url);
  return page;
}

type Patch = Record<string, unknown>;

/** Runs a model command in the page: update one record (the app's own command, as the UI does). */
function update(page: Page, id: string, patch: Patch): Promise<unknown> {
  return page.evaluate(
    async ({ id, patch }) => {
      const tasks = window.taskgit?.tasks;
      if (!tasks) throw new Error('no repository');
      const record = tasks.snapshot.records.get(id);
      if (!record) throw new Error(`no record ${id}`);
      return tasks.apply({ changes: [{ put: { ...record, ...patch } as never }], message: `${record.name}: edit` });
    },
    { id, patch },
  );
}

function record(page: Page, id: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate((id) => window.taskgit?.tasks.snapshot.records.get(id) as Record<string, unknown> | undefined, id);
}

function put(page: Page, value: Record<string, unknown>): Promise<unknown> {
  return page.evaluate(async (value) => window.taskgit?.tasks.apply({ changes: [{ put: value as never }], message: `Create ${String(value.name)}` }), value);
}

test('two devices editing one action merge field by field, and a same-field clash leaves a note', async ({ browser }) => {
  const url = `${requireEnv('GIT_REMOTE_URL')}two-devices-${randomUUID().slice(0, 8)}.git`;
  const [a, b] = [await device(browser, url), await device(browser, url)];
  const id = randomUUID();
  await put(a, { kind: 'action', id, name: 'Plan the trip', state: 'next', created: new Date().toISOString() });
  await syncNow(a);
  await syncNow(b);
  expect(await record(b, id)).toMatchObject({ name: 'Plan the trip', state: 'next' });

  // Different fields, edited offline on each device.
  await update(a, id, { name: 'Plan the Lisbon trip' });
  await update(b, id, { state: 'waiting', starred: true });
  await syncNow(a);
  await syncNow(b);
  await syncNow(a);
  for (const page of [a, b]) {
    await expect.poll(() => record(page, id)).toMatchObject({ name: 'Plan the Lisbon trip', state: 'waiting', starred: true });
  }

  // The same field, to different values: one is kept, the other named in a note; nothing is lost.
  await update(a, id, { name: 'Lisbon: book flights' });
  await update(b, id, { name: 'Lisbon: book the hotel' });
  await syncNow(a);
  await syncNow(b);
  await syncNow(a);
  // The pulled head reaches the page's snapshot a moment after the indicator turns.
  await expect.poll(async () => (await record(a, id))?._conflicts).toBeDefined();
  const merged = (await record(a, id)) as { name: string; _conflicts?: Array<{ kept: string; discarded?: string; note?: string }> };
  await expect.poll(() => record(b, id)).toEqual(merged);
  const names = [merged.name, ...(merged._conflicts ?? []).map((note) => note.discarded)].sort();
  expect(names).toEqual(['Lisbon: book flights', 'Lisbon: book the hotel']);
  expect(merged._conflicts?.[0]?.note).toMatch(/Both devices changed “name”/);

  // The note shows in the item panel, in words, with Dismiss (found with the search box).
  await a.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await a.keyboard.press('/');
  await a.keyboard.type(merged.name);
  await a.keyboard.press('Enter');
  await expect(a.getByText(/Both devices changed “name”/)).toBeVisible();
  await expect(a.getByRole('button', { name: /Dismiss/ }).first()).toBeVisible();
  await a.context().close();
  await b.context().close();
});

test('a context deleted on one device but used on the other is restored after the merge', async ({ browser }) => {
  const url = `${requireEnv('GIT_REMOTE_URL')}two-devices-${randomUUID().slice(0, 8)}.git`;
  const [a, b] = [await device(browser, url), await device(browser, url)];
  const context = randomUUID();
  await put(a, { kind: 'context', id: context, name: '@phone', created: new Date().toISOString() });
  await syncNow(a);
  await syncNow(b);
  await a.evaluate(async (id) => window.taskgit?.tasks.apply({ changes: [{ remove: { kind: 'context', id } }], message: 'Delete @phone' }), context);
  const action = randomUUID();
  await put(b, { kind: 'action', id: action, name: 'Call the bank', state: 'next', context, created: new Date().toISOString() });
  await syncNow(a);
  await syncNow(b);
  await syncNow(a);
  for (const page of [a, b]) {
    await expect.poll(async () => (await record(page, context))?.name).toBe('@phone');
    expect(await record(page, action)).toMatchObject({ context });
  }
  const restored = (await record(a, context)) as { _conflicts?: Array<{ note?: string }> };
  expect(restored._conflicts?.[0]?.note).toMatch(/Restored after a merge/);
  await a.context().close();
  await b.context().close();
});
