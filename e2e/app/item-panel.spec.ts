// The item panel against the built app in real Chromium: open an action from a view, rename,
// star, set its context, schedule it, make it repeat, tick it off (it comes back on its next
// day), write markdown notes (nothing in them runs), add a log entry, dismiss a merge note,
// reload (all of it kept), delete; the tree's guards in words; the phone sheet; and the whole
// XSS payload list of the unit tests rendered in real Chromium.
import { randomUUID } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { AnyRecord } from '../../src/model/index.ts';
import { XSS_PAYLOADS } from '../../test/support/markdown-xss-payloads.ts';
import { openApp } from './app-support.ts';

const created = new Date().toISOString();

/** Commits `records` in one commit through the app's open repository. */
async function put(page: Page, ...records: AnyRecord[]): Promise<void> {
  // As JSON: Playwright's argument types go too deep for the record union.
  await page.evaluate(async (json) => {
    const tasks = window.taskgit?.tasks;
    if (!tasks) throw new Error('window.taskgit is not there: the app has not opened its repository');
    const changes = (JSON.parse(json) as AnyRecord[]).map((record) => ({ put: record }));
    await tasks.apply({ changes, message: 'Test: set up records' });
  }, JSON.stringify(records));
}

/** The record `id` as the app's repository holds it now (undefined once deleted). */
function stored(page: Page, id: string): Promise<AnyRecord | undefined> {
  return page.evaluate((id) => window.taskgit?.tasks.snapshot.records.get(id), id);
}

/** Clicks the record called `name` in the current view and returns the panel. */
async function openFromView(page: Page, name: string): Promise<Locator> {
  await page.getByRole('main').getByRole('button', { name, exact: true }).first().click();
  const panel = page.getByRole('complementary', { name: 'Item details' });
  await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveValue(name);
  return panel;
}

/** The page's local day, `days` from today, as YYYY-MM-DD. */
function localDay(page: Page, days = 0): Promise<string> {
  return page.evaluate((days) => {
    const date = new Date();
    date.setDate(date.getDate() + days);
    return date.toLocaleDateString('sv-SE'); // YYYY-MM-DD
  }, days);
}

/** Every control in `panel` has an accessible name. */
async function expectNamedControls(panel: Locator): Promise<void> {
  const controls = await panel.locator('button, input, select, textarea').all();
  expect(controls.length).toBeGreaterThan(5);
  for (const control of controls) await expect(control).toHaveAccessibleName(/\S/);
}

/** What in the element could run script, as the browser parsed it. */
function dangersIn(locator: Locator): Promise<string[]> {
  return locator.evaluate((root) => {
    const found: string[] = [];
    const forbidden = ['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'link', 'meta', 'base', 'form', 'img', 'video', 'source', 'template'];
    for (const element of root.querySelectorAll('*')) {
      if (forbidden.includes(element.localName)) found.push(`<${element.localName}>`);
      for (const { name, value } of Array.from(element.attributes)) {
        if (name.startsWith('on') || name === 'style') found.push(`${element.localName}[${name}]`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name) && /^\s*(javascript|data|vbscript):/i.test(value)) found.push(`${element.localName}[${name}=${value}]`);
      }
    }
    return found;
  });
}

test('an action: rename, star, context, schedule, repeat, Done, notes, log, merge note, reload, delete', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openApp(page, '#/process');
  const id = randomUUID();
  const phone = randomUUID();
  await put(page, { kind: 'context', id: phone, name: '@phone', created }, { kind: 'action', id, name: 'Buy milk', created, state: 'inbox' });

  const panel = await openFromView(page, 'Buy milk');
  const name = panel.getByRole('textbox', { name: 'Name' });
  await expect(name, 'opening focuses the name').toBeFocused();
  await expect(panel.getByText('Action', { exact: true })).toBeVisible();

  await name.fill('Buy oat milk');
  await name.press('Enter');
  await expect.poll(async () => (await stored(page, id))?.name).toBe('Buy oat milk');

  const star = panel.getByRole('button', { name: 'Star', exact: true });
  await expect(star).toHaveAttribute('aria-pressed', 'false');
  await star.click();
  await expect(star).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await stored(page, id))?.starred).toBe(true);

  await panel.getByLabel('Context').selectOption({ label: '@phone' });
  await expect.poll(async () => ((await stored(page, id)) as { context?: string })?.context).toBe(phone);

  // Days the Schedule view shows (today and the next two weeks), for the reload below.
  const [due, next, before] = [await localDay(page, 3), await localDay(page, 10), await localDay(page, -1)];
  await panel.getByRole('radio', { name: 'Scheduled' }).check();
  await panel.getByLabel('Becomes due on').fill(due);
  await panel.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect.poll(async () => stored(page, id)).toMatchObject({ state: 'scheduled', waitUntil: due });
  await expect(panel.getByRole('radio', { name: 'Scheduled' })).toBeChecked();

  await panel.getByRole('button', { name: 'Repeat…' }).click();
  await panel.getByLabel('Every', { exact: true }).fill('1');
  await panel.getByLabel('Unit', { exact: true }).selectOption('week');
  await panel.getByLabel('Starting', { exact: true }).fill(due);
  await panel.getByRole('button', { name: 'Save repeat' }).click();
  await expect(panel.getByText(/^Repeats every week from \w{3}, \w{3} \d+$/)).toBeVisible(); // the person's date format

  await panel.getByRole('button', { name: 'Done', exact: true }).click();
  // Ticked off before its day: it comes back a week after that day.
  await expect(panel.getByRole('status')).toHaveText(`Done. Next on ${next}.`);
  await expect.poll(async () => stored(page, id)).toMatchObject({ state: 'scheduled', waitUntil: next });
  await expect(panel.getByLabel('Due on')).toHaveValue(next);

  await page.evaluate(() => delete (window as { __xss?: unknown }).__xss);
  await panel.getByRole('button', { name: 'Add notes' }).click();
  const notes = panel.getByRole('textbox', { name: 'Notes (Markdown)' });
  await expect(notes).toBeFocused();
  await notes.fill(
    [
      'Get the **oat** kind, see [the shop](https://example.com/shop).',
      `${before} asked at the counter`,
      '<img src=x onerror="window.__xss=1">',
      '[x](javascript:window.__xss=2)',
    ].join('\n\n'),
  );
  await notes.press('Control+Enter');
  const markdown = panel.locator('.item-markdown');
  await expect(markdown.locator('strong')).toHaveText('oat');
  await expect(markdown.locator(`time[datetime="${before}"]`)).toHaveText(before);
  const link = markdown.getByRole('link', { name: 'the shop' });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(markdown).toContainText('<img src=x onerror="window.__xss=1">'); // shown as text
  await expect(markdown.locator('img')).toHaveCount(0);
  await expect(markdown.locator('a[href^="javascript"], [onerror]')).toHaveCount(0);
  await page.waitForTimeout(300); // time for an onerror to fire, were there an image
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  await expect(panel.getByRole('button', { name: 'Edit notes' }), 'saving gives the focus back').toBeFocused();

  const today = await localDay(page);
  await panel.getByLabel('Add log entry').fill('Called the shop');
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(markdown.locator(`time[datetime="${today}"]`).last()).toBeVisible();
  await expect(markdown).toContainText(`${today} Called the shop`);

  const current = await stored(page, id);
  const note = 'Both devices renamed this; kept “Buy oat milk”, discarded “Buy soy milk”.';
  await put(page, { ...current!, _conflicts: [{ field: 'name', kept: 'Buy oat milk', discarded: 'Buy soy milk', note }] });
  const conflicts = panel.getByRole('region', { name: 'Merge notes' });
  await expect(conflicts).toContainText(note);
  await conflicts.getByRole('button', { name: 'Dismiss' }).click();
  await expect(conflicts).toBeHidden();
  await expect.poll(async () => (await stored(page, id))?._conflicts).toBeUndefined();
  await expectNamedControls(panel);

  // Pictures of the whole panel, light and dark, for people to look at (in test-results/).
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.screenshot({ path: testInfo.outputPath('item-panel-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('item-panel-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  if (viewport) await page.setViewportSize(viewport);

  // Everything was committed: a reload shows it all again.
  await page.reload();
  await openApp(page, '#/schedule');
  const again = await openFromView(page, 'Buy oat milk');
  await expect(again.getByRole('button', { name: 'Star', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(again.getByLabel('Context').locator('option:checked')).toHaveText('@phone');
  await expect(again.getByRole('radio', { name: 'Scheduled' })).toBeChecked();
  await expect(again.getByLabel('Due on')).toHaveValue(next);
  await expect(again.getByText(/^Repeats every week from \w{3}, \w{3} \d+$/)).toBeVisible();
  await expect(again.locator('.item-markdown strong')).toHaveText('oat');
  await expect(again.locator('.item-markdown')).toContainText('Called the shop');

  await again.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Item details' }).getByRole('textbox', { name: 'Name' })).toHaveCount(0);
  await expect.poll(() => stored(page, id)).toBeUndefined();
  await page.reload();
  await openApp(page, '#/schedule');
  expect(await stored(page, id)).toBeUndefined();
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(errors).toEqual([]);
});

test('the guards in words: convert, move, delete with children, a contact in use; Escape closes', async ({ page }) => {
  await openApp(page, '#/work');
  const [home, taxes, fileReturn, errands, ann, callAnn] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  await put(
    page,
    { kind: 'area', id: home, name: 'Home', created },
    { kind: 'project', id: taxes, name: 'Taxes', created, state: 'active', parent: home },
    { kind: 'action', id: fileReturn, name: 'File return', created, state: 'next', parent: taxes },
    { kind: 'project', id: errands, name: 'Errands', created, state: 'active' },
    { kind: 'contact', id: ann, name: 'Ann', created },
    { kind: 'action', id: callAnn, name: 'Call Ann', created, state: 'next', contact: ann },
  );

  const panel = await openFromView(page, 'File return');
  const crumbs = panel.getByRole('navigation', { name: 'Location' });
  await expect(crumbs).toHaveText(/Home.*Taxes/);
  await expect(panel.getByLabel('Parent').locator('option:checked')).toHaveText('Home › Taxes');

  // A breadcrumb shows the project; it holds an action, so it cannot become one.
  await crumbs.getByRole('button', { name: 'Taxes' }).click();
  await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveValue('Taxes');
  const toAction = panel.getByRole('button', { name: 'Convert to action' });
  await expect(toAction).toBeDisabled();
  await expect(toAction).toHaveAttribute('title', /an action cannot hold any/);
  await expect(toAction).toHaveAccessibleDescription(/an action cannot hold any/);
  await expectNamedControls(panel);
  await panel.getByRole('radio', { name: 'Someday' }).check();
  await expect.poll(async () => ((await stored(page, taxes)) as { state?: string })?.state).toBe('someday');

  // An area cannot go into a project: canMove's reason, and nothing moves.
  await panel.getByRole('navigation', { name: 'Location' }).getByRole('button', { name: 'Home' }).click();
  await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveValue('Home');
  const parent = panel.getByLabel('Parent');
  await expect(parent.locator('option')).toHaveText(['Top level', 'Errands']); // not itself, not Taxes inside it
  await parent.selectOption({ label: 'Errands' });
  await expect(panel.getByRole('alert')).toHaveText('“Errands” is a project; a project cannot hold an area.');
  expect((await stored(page, home)) as { parent?: string }).not.toHaveProperty('parent');

  // Deleting an item with items inside asks first; Escape cancels the dialog, not the panel.
  await panel.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Home” and everything inside?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('It holds 2 items');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveValue('Home');
  await panel.getByRole('button', { name: 'Delete', exact: true }).click();
  await dialog.getByRole('button', { name: 'Delete 3 items' }).click();
  await expect.poll(async () => [await stored(page, home), await stored(page, taxes), await stored(page, fileReturn)]).toEqual([undefined, undefined, undefined]);

  // A contact in use is not deleted: the message names who uses it.
  await openApp(page, '#/contacts');
  const contact = await openFromView(page, 'Ann');
  await expect(contact.getByLabel('Email')).toBeVisible();
  await contact.getByLabel('Email').fill('ann@example.com');
  await contact.getByLabel('Email').press('Enter');
  await expect.poll(async () => ((await stored(page, ann)) as { email?: string })?.email).toBe('ann@example.com');
  await contact.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(contact.getByRole('alert')).toHaveText('Cannot delete “Ann”: used by “Call Ann”.');
  expect(await stored(page, ann)).toBeDefined();

  // An empty name is refused in words; Escape puts the name back (with Undo on a toast), and
  // a second Escape closes the panel.
  const name = contact.getByRole('textbox', { name: 'Name' });
  await name.fill('   ');
  await name.press('Enter');
  await expect(contact.getByRole('alert').first()).toHaveText('A name cannot be empty.');
  await name.press('Escape');
  await expect(name).toHaveValue('Ann');
  await expect(page.getByTestId('toast')).toContainText('Discarded your edit of the name.');
  await name.press('Escape');
  await expect(page.getByRole('complementary', { name: 'Item details' }).getByRole('textbox', { name: 'Name' })).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('button', { name: 'Ann', exact: true }).first(), 'the focus goes back').toBeFocused();
  expect((await stored(page, ann))?.name).toBe('Ann');
});

test('waiting for a contact asks whom, then saves both', async ({ page }) => {
  await openApp(page, '#/process');
  const [ann, id] = [randomUUID(), randomUUID()];
  await put(page, { kind: 'contact', id: ann, name: 'Ann', created }, { kind: 'action', id, name: 'Get keys back', created, state: 'inbox' });
  const panel = await openFromView(page, 'Get keys back');
  await panel.getByRole('radio', { name: 'Waiting for contact' }).check();
  await panel.getByLabel('Waiting for whom?').selectOption({ label: 'Ann' });
  await expect.poll(async () => stored(page, id)).toMatchObject({ state: 'waiting-for-contact', contact: ann });
  await expect(panel.getByLabel('Waiting for whom?').locator('option:checked')).toHaveText('Ann'); // one contact field, not two
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the panel is a full-screen sheet that fits, and Escape closes it', async ({ page }, testInfo) => {
    await openApp(page, '#/process');
    await put(page, { kind: 'action', id: randomUUID(), name: 'Buy stamps', created, state: 'inbox', description: '2026-01-09 **Ask** for the [rates](https://example.com)' });
    const panel = await openFromView(page, 'Buy stamps');
    const box = await panel.boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    expect(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await expect(panel.getByRole('button', { name: 'Close details' })).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath('item-panel-phone.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: testInfo.outputPath('item-panel-phone-dark.png') });
    await page.keyboard.press('Escape');
    await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveCount(0);
  });
});

test('every XSS payload of the unit tests, as one record’s notes, runs nothing in Chromium', async ({ page }) => {
  await openApp(page, '#/process');
  const id = randomUUID();
  await put(page, { kind: 'action', id, name: 'Hostile notes', created, state: 'inbox', description: XSS_PAYLOADS.join('\n\n') });
  const panel = await openFromView(page, 'Hostile notes');
  const markdown = panel.locator('.item-markdown');
  await expect(markdown).toContainText('window.__xss');
  await page.waitForTimeout(500); // onerror, onload, ontoggle, animation events would have fired
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(await dangersIn(markdown)).toEqual([]);
  for (const link of await markdown.locator('a[href]').all()) {
    await expect(link).toHaveAttribute('href', /^(https?:|mailto:|#)/);
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  }
});
