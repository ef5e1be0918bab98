// Nothing typed is lost, in the built app: notes, a name and a log entry survive clicking
// another item, Escape (with Undo on a toast), a reload, and the tab being closed and opened
// again: committed, or kept as a marked draft that can be saved. The capture box, an inline
// "add" form, the Sync form's address (never its token) and the device name keep their text
// across a reload, and so do the welcome's remote address and CueKeeper URL. A closed form
// whose text is kept says so on the button that opens it, and the capture box marks text kept
// from before. Notes at phone width too.
import { randomUUID } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { AnyRecord } from '../../src/model/index.ts';
import { openApp } from './app-support.ts';

const created = new Date().toISOString();

/** Two inbox actions, committed through the app's own repository. */
async function twoActions(page: Page): Promise<{ first: string; second: string }> {
  const first = randomUUID();
  const second = randomUUID();
  const records: AnyRecord[] = [
    { kind: 'action', id: first, name: 'Plan the garden', created, state: 'inbox' },
    { kind: 'action', id: second, name: 'Call the plumber', created, state: 'inbox' },
  ];
  await page.evaluate(async (json) => {
    const changes = (JSON.parse(json) as AnyRecord[]).map((record) => ({ put: record }));
    await window.taskgit?.tasks.apply({ changes, message: 'Test: two actions' });
  }, JSON.stringify(records));
  return { first, second };
}

function stored(page: Page, id: string): Promise<AnyRecord | undefined> {
  return page.evaluate((id) => window.taskgit?.tasks.snapshot.records.get(id), id);
}

/** Opens the item called `name` from the view; its name field shows `shown` (a draft) or the name. */
async function open(page: Page, name: string, shown = name): Promise<Locator> {
  await page.getByRole('main').getByRole('button', { name, exact: true }).first().click();
  const panel = page.getByRole('complementary', { name: 'Item details' });
  await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveValue(shown);
  return panel;
}

/**
 * The panel after a reload: the route kept the item open. (Clicking its row again would take
 * the focus from the restored draft, which saves it, as leaving a field does.)
 */
async function stillOpen(page: Page, shown: string): Promise<Locator> {
  const panel = page.getByRole('complementary', { name: 'Item details' });
  await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveValue(shown);
  return panel;
}

const PARAGRAPH = 'Raised beds on the south side.\n\nAsk Ben about the **compost** first.';

test('notes, a name and a log entry survive another item, Escape, a reload and a closed tab', async ({ page, context }) => {
  await openApp(page, '#/process');
  const { first } = await twoActions(page);

  // Notes: typed, then another item clicked: saved.
  let panel = await open(page, 'Plan the garden');
  await panel.getByRole('button', { name: 'Add notes' }).click();
  await panel.getByRole('textbox', { name: 'Notes (Markdown)' }).fill(PARAGRAPH);
  await open(page, 'Call the plumber');
  await expect.poll(async () => (await stored(page, first))?.description).toBe(PARAGRAPH);
  panel = await open(page, 'Plan the garden');
  await expect(panel.locator('.item-markdown')).toContainText('Ask Ben about the compost first.');

  // Escape discards the edit, with a way back.
  await panel.getByRole('button', { name: 'Edit notes' }).click();
  const notes = panel.getByRole('textbox', { name: 'Notes (Markdown)' });
  await notes.pressSequentially('\n\nTomatoes by the fence.'); // the caret starts after the notes
  await expect(notes).toHaveValue(`${PARAGRAPH}\n\nTomatoes by the fence.`);
  await notes.press('Escape');
  await expect(notes).toBeHidden();
  const toast = page.getByTestId('toast');
  await expect(toast).toContainText('Discarded the notes you were editing.');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(notes).toHaveValue(`${PARAGRAPH}\n\nTomatoes by the fence.`);

  // A reload keeps the draft, marked; Save commits it.
  await page.reload();
  panel = await stillOpen(page, 'Plan the garden');
  await expect(panel.getByTestId('draft-note').first()).toContainText('not saved yet');
  await expect(panel.getByRole('textbox', { name: 'Notes (Markdown)' })).toHaveValue(`${PARAGRAPH}\n\nTomatoes by the fence.`);
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(async () => (await stored(page, first))?.description).toContain('Tomatoes by the fence.');

  // The name: typed and left for another item is saved; typed and reloaded is a marked draft.
  const name = panel.getByRole('textbox', { name: 'Name' });
  await name.fill('Plan the vegetable garden');
  await open(page, 'Call the plumber');
  await expect.poll(async () => (await stored(page, first))?.name).toBe('Plan the vegetable garden');
  panel = await open(page, 'Plan the vegetable garden');
  await panel.getByRole('textbox', { name: 'Name' }).fill('Plan the vegetable garden and the shed');
  await page.reload();
  panel = await stillOpen(page, 'Plan the vegetable garden and the shed');
  await expect(panel.getByTestId('draft-note')).toContainText('not saved yet');
  // Escape puts the saved name back, and Undo brings the typed one again; Enter saves it.
  await panel.getByRole('textbox', { name: 'Name' }).press('Escape');
  await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveValue('Plan the vegetable garden');
  await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
  await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveValue('Plan the vegetable garden and the shed');
  await panel.getByRole('textbox', { name: 'Name' }).press('Enter');
  await expect.poll(async () => (await stored(page, first))?.name).toBe('Plan the vegetable garden and the shed');

  // A log entry half typed survives another item, Escape and a closed tab, then is added.
  await panel.getByLabel('Add log entry').fill('Bought seeds');
  await open(page, 'Call the plumber');
  panel = await open(page, 'Plan the vegetable garden and the shed');
  await expect(panel.getByLabel('Add log entry')).toHaveValue('Bought seeds');
  await panel.getByLabel('Add log entry').press('Escape');
  await page.close();
  const again = await context.newPage();
  await openApp(again, '#/process');
  panel = await open(again, 'Plan the vegetable garden and the shed');
  await expect(panel.getByLabel('Add log entry')).toHaveValue('Bought seeds');
  await expect(panel.getByTestId('draft-note')).toContainText('not saved yet');
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
  await expect.poll(async () => (await stored(again, first))?.description).toMatch(/\d{4}-\d\d-\d\d Bought seeds/);
  await expect(panel.getByLabel('Add log entry')).toHaveValue('');

  // The capture box keeps its text across a reload.
  await again.getByRole('searchbox', { name: 'Search or capture' }).fill('Ring the bell');
  await again.reload();
  await expect(again.getByRole('searchbox', { name: 'Search or capture' })).toHaveValue('Ring the bell');

  // An inline "add" form closed with Escape and the page reloaded: opened again, the text is there.
  await openApp(again, '#/contacts');
  await again.getByRole('button', { name: 'Add contact' }).click();
  const form = again.getByRole('form', { name: 'Add a contact' });
  await form.getByLabel('Name').fill('Ben Gardener');
  await form.getByLabel('Name').press('Escape');
  await expect(form).toBeHidden();
  await again.reload();
  await again.getByRole('button', { name: 'Add contact' }).click();
  await expect(form.getByLabel('Name')).toHaveValue('Ben Gardener');
  await expect(form.getByTestId('draft-note')).toContainText('Add saves it.');
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(again.getByRole('main').getByRole('button', { name: 'Ben Gardener', exact: true })).toBeVisible();
  await expect(form.getByLabel('Name')).toHaveValue('');

  // The Sync form's address typed and not saved survives a reload, marked; the token is never kept.
  await openApp(again, '#/sync');
  await again.getByLabel('Remote URL').fill('https://git.example.org/ann/tasks.git');
  await again.getByLabel('Token or password').fill('secret-token-1234');
  await again.getByLabel('Device name').fill('Ann’s old laptop');
  await again.reload();
  await expect(again.getByLabel('Remote URL')).toHaveValue('https://git.example.org/ann/tasks.git');
  await expect(again.getByLabel('Token or password')).toHaveValue('');
  await expect(again.getByLabel('Device name')).toHaveValue('Ann’s old laptop');
  await expect(again.getByTestId('draft-note')).toHaveCount(2);
  const kept = await again.evaluate(() => Object.keys(localStorage).map((key) => `${key}=${localStorage.getItem(key)}`).join('\n'));
  expect(kept).not.toContain('secret-token-1234');
});

test('the welcome keeps a remote address and a CueKeeper URL typed; a closed form with a kept draft says so on what opens it', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage(); // a new device: the welcome
  await openApp(page, '#/process');

  // "Connect to an existing remote": the URL and user survive a reload, the form open again; the token never.
  await page.getByRole('button', { name: 'Connect to an existing remote' }).click();
  const connect = page.getByRole('form', { name: 'Connect to an existing remote' });
  await connect.getByLabel('Remote URL').fill('https://git.example.org/ann/tasks.git');
  await connect.getByLabel('Username').fill('ann');
  await connect.getByLabel('Token or password').fill('secret-token-5678');
  await page.getByText('Coming from CueKeeper?').click();
  await page.getByLabel('Repository URL').fill('https://git.example.org/ann/cuekeeper.git');
  await page.reload();
  await expect(connect.getByLabel('Remote URL')).toHaveValue('https://git.example.org/ann/tasks.git');
  await expect(connect.getByLabel('Username')).toHaveValue('ann');
  await expect(connect.getByLabel('Token or password')).toHaveValue('');
  await expect(connect.getByTestId('draft-note')).toContainText('Connect uses it');
  await expect(page.getByLabel('Repository URL')).toHaveValue('https://git.example.org/ann/cuekeeper.git');
  const kept = await page.evaluate(() => Object.values(localStorage).join('\n'));
  expect(kept).not.toContain('secret-token-5678');
  await connect.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Connect to an existing remote (draft)', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Start empty' }).click();

  // An inline form closed with its text kept: the button that opens it says "(draft)".
  await page.getByRole('button', { name: 'Add project', exact: true }).click();
  await page.getByRole('form', { name: 'Add at the top level' }).getByLabel('Name').fill('Build a shed');
  await page.getByRole('form', { name: 'Add at the top level' }).getByLabel('Name').press('Escape');
  await expect(page.getByRole('button', { name: 'Add project (draft)', exact: true })).toBeFocused(); // back where it was opened
  await expect(page.getByRole('button', { name: 'Add area', exact: true })).toBeVisible();
  // Changed to an area in the form, the name goes with it, and so does the mark.
  await page.getByRole('button', { name: 'Add project (draft)', exact: true }).click();
  await page.getByRole('form', { name: 'Add at the top level' }).getByLabel('Kind').selectOption('area');
  await expect(page.getByRole('form', { name: 'Add at the top level' }).getByLabel('Name')).toHaveValue('Build a shed');
  await page.getByRole('form', { name: 'Add at the top level' }).getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Add area (draft)', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add project', exact: true })).toBeVisible();

  // A "+" carries a dot, and says so in its name; a reload keeps both.
  await page.keyboard.press('4');
  const plus = page.getByRole('button', { name: /^Add an action on / }).first();
  await plus.click();
  await page.getByRole('form', { name: /^Add an action on / }).getByLabel('Action').fill('Sow the beans');
  await page.getByRole('form', { name: /^Add an action on / }).getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await expect(plus).toHaveAccessibleName(/ \(draft\)$/);
  await expect(plus.locator('.draft-dot')).toBeVisible();
  await expect(page.getByRole('button', { name: / \(draft\)$/ })).toHaveCount(1);

  // The capture box's text kept from before the reload is marked "draft" until it is added.
  const box = page.getByRole('searchbox', { name: 'Search or capture' });
  await box.fill('Ring the bell');
  await expect(page.locator('.search-draft')).toBeHidden(); // typed now: no draft from earlier
  await page.reload();
  await expect(box).toHaveValue('Ring the bell');
  await expect(page.locator('.search-draft')).toHaveText(/^draft/);
  await expect(box).toHaveAccessibleDescription(/kept, not added yet/);
  await box.press('Shift+Enter');
  await expect(box).toHaveValue('');
  await expect(page.locator('.search-draft')).toBeHidden();
  await page.context().close();
});

test.describe('at phone width', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('notes typed in the sheet survive closing it and a reload; Undo shows above the sheet', async ({ page }) => {
    await openApp(page, '#/process');
    const { first } = await twoActions(page);
    const panel = await open(page, 'Plan the garden');
    await panel.getByRole('button', { name: 'Add notes' }).tap();
    await panel.getByRole('textbox', { name: 'Notes (Markdown)' }).fill('Half a thought');
    await page.reload();
    // The route keeps the item open across the reload: the sheet is there again, with the draft.
    const again = page.getByRole('complementary', { name: 'Item details' });
    await expect(again.getByRole('textbox', { name: 'Notes (Markdown)' })).toHaveValue('Half a thought');
    await again.getByRole('button', { name: 'Close details' }).tap();
    await expect.poll(async () => (await stored(page, first))?.description).toBe('Half a thought');

    // A change saved in the sheet offers Undo on a toast above the sheet, where a finger reaches it.
    const sheet = await open(page, 'Plan the garden');
    await sheet.getByRole('button', { name: 'Edit notes' }).tap();
    await sheet.getByRole('textbox', { name: 'Notes (Markdown)' }).pressSequentially(', finished.');
    await sheet.getByRole('button', { name: 'Save', exact: true }).tap();
    await expect.poll(async () => (await stored(page, first))?.description).toBe('Half a thought, finished.');
    await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).tap();
    await expect.poll(async () => (await stored(page, first))?.description).toBe('Half a thought');
  });
});
