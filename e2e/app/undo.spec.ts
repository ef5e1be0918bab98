// Every change can be undone, in the built app: completing, deleting, moving and editing show a
// toast with Undo (which reverts that commit, so History shows the undo too); `u` and Ctrl+Z undo
// the last change made on this device; Redo takes an undo back. Deleting an item that holds
// others asks first and names what goes with it. A sync's merge never enters the undo history.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import type { AnyRecord } from '../../src/model/index.ts';
import { openApp } from './app-support.ts';

const created = new Date().toISOString();

async function put(page: Page, records: AnyRecord[]): Promise<void> {
  await page.evaluate(async (json) => {
    const changes = (JSON.parse(json) as AnyRecord[]).map((record) => ({ put: record }));
    await window.taskgit?.tasks.apply({ changes, message: 'Test: set up records' }, { source: 'system' });
  }, JSON.stringify(records));
}

function stored(page: Page, id: string): Promise<AnyRecord | undefined> {
  return page.evaluate((id) => window.taskgit?.tasks.snapshot.records.get(id), id);
}

/** The state of the action `id`. */
async function stateOf(page: Page, id: string): Promise<string | undefined> {
  const record = await stored(page, id);
  return record?.kind === 'action' ? record.state : undefined;
}

/** The newest commit messages, newest first. */
function messages(page: Page, limit: number): Promise<string[]> {
  return page.evaluate(async (limit) => (await window.taskgit!.tasks.history({ limit })).map((commit) => commit.message), limit);
}

test('complete, delete, move and edit each undo from the toast or the keyboard, and History shows the undos', async ({ page }) => {
  await openApp(page, '#/work');
  const [milk, mum, home, paint] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  await put(page, [
    { kind: 'action', id: milk, name: 'Buy milk', created, state: 'next' },
    { kind: 'action', id: mum, name: 'Call mum', created, state: 'next' },
    { kind: 'project', id: home, name: 'Home', created, state: 'active' },
    { kind: 'action', id: paint, name: 'Paint the fence', created, state: 'next', parent: home },
  ]);
  const toast = page.getByTestId('toast');
  const main = page.getByRole('main');

  // Complete, then Undo on the toast.
  await main.getByRole('checkbox', { name: 'Done: Buy milk' }).check();
  await expect(toast).toContainText('Buy milk: done');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(toast).toContainText('Undone: Buy milk: done');
  await expect.poll(() => stateOf(page, milk)).toBe('next');
  // Redo takes the undo back; `u` undoes the redo.
  await toast.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(() => stateOf(page, milk)).toBe('done');
  await page.keyboard.press('u');
  await expect.poll(() => stateOf(page, milk)).toBe('next');

  // Edit: a new name, then Undo on the toast.
  await main.getByRole('button', { name: 'Call mum', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Item details' });
  await panel.getByRole('textbox', { name: 'Name' }).fill('Call mum about Sunday');
  await panel.getByRole('textbox', { name: 'Name' }).press('Enter');
  await expect(toast).toContainText('Call mum: rename to Call mum about Sunday');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveValue('Call mum');

  // Move into a project, then Ctrl+Z once the focus has left the field.
  await panel.getByLabel('Parent').selectOption({ label: 'Home' });
  await expect(toast).toContainText('Move Call mum to Home');
  await expect.poll(async () => (await stored(page, mum)) as { parent?: string }).toMatchObject({ parent: home });
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => ((await stored(page, mum)) as { parent?: string }).parent).toBeUndefined();

  // Delete, then `u`.
  await panel.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(toast).toContainText('Delete Call mum');
  await expect.poll(() => stored(page, mum)).toBeUndefined();
  await page.keyboard.press('u');
  await expect.poll(async () => (await stored(page, mum))?.name).toBe('Call mum');

  // A project with an action inside asks first, naming it; the deletion undoes whole.
  await page.keyboard.press('1');
  await main.getByRole('treeitem', { name: 'Home' }).click();
  await panel.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Home” and everything inside?' });
  await expect(dialog).toContainText('It holds 1 item, deleted with it:');
  await expect(dialog.getByRole('listitem')).toHaveText(['“Paint the fence”']);
  await dialog.getByRole('button', { name: 'Delete 2 items' }).click();
  await expect(toast).toContainText('Delete Home and 1 item inside');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => [(await stored(page, home))?.name, (await stored(page, paint))?.name]).toEqual(['Home', 'Paint the fence']);

  // Every undo is a commit of its own; with nothing of this device's left, `u` says so.
  expect(await messages(page, 3)).toEqual(['Undo: Delete Home and 1 item inside', 'Delete Home and 1 item inside', 'Undo: Delete Call mum']);
  await page.keyboard.press('6');
  await expect(main.getByText('Undo: Delete Home and 1 item inside')).toBeVisible();
  for (let i = 0; i < 8; i++) await page.keyboard.press('u');
  await expect(toast).toContainText('Nothing to undo');
  expect((await stored(page, milk))?.name, 'the set-up commit is not the person’s: never undone').toBe('Buy milk');
});
