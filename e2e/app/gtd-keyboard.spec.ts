// Processing an inbox of ten items by keyboard alone, in the built app: capture them (Shift+Enter
// forces a capture whose text matches a name), then from the first row clarify each with the
// row keys: a context (c), a project (m), next (n), done (x), scheduled 60 days ahead (d),
// future (f), waiting for no reason or for a contact (w), a star (s). The mouse is never used;
// the scheduled one shows in Schedule, in a month past the first weeks.
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './app-support.ts';

const CONTEXT_PHONE = '0c000001-0000-4000-8000-000000000001';
const CONTEXT_COMPUTER = '0c000002-0000-4000-8000-000000000002';
const PROJECT = '0c000003-0000-4000-8000-000000000003';
const ANN = '0c000004-0000-4000-8000-000000000004';

/** The records the inbox will be clarified into, written as one commit (not by keyboard: it is the setting). */
async function setUp(page: Page): Promise<void> {
  await page.evaluate(
    async (ids) => {
      const created = new Date().toISOString();
      const put = (record: Record<string, unknown>) => ({ put: { created, ...record } });
      await window.taskgit!.tasks.apply({
        message: 'Set up',
        changes: [
          put({ kind: 'context', id: ids.phone, name: '@phone' }),
          put({ kind: 'context', id: ids.computer, name: '@computer' }),
          put({ kind: 'project', id: ids.project, name: 'Move house', state: 'active' }),
          put({ kind: 'contact', id: ids.ann, name: 'Ann' }),
        ] as never,
      });
    },
    { phone: CONTEXT_PHONE, computer: CONTEXT_COMPUTER, project: PROJECT, ann: ANN },
  );
}

/** Today plus `days`, in the page, as YYYY-MM-DD and as typed into a date field (MMDDYYYY). */
function dayAhead(page: Page, days: number): Promise<{ day: string; typed: string }> {
  return page.evaluate((count) => {
    const when = new Date();
    when.setDate(when.getDate() + count);
    const [y, m, d] = [when.getFullYear(), String(when.getMonth() + 1).padStart(2, '0'), String(when.getDate()).padStart(2, '0')];
    return { day: `${y}-${m}-${d}`, typed: `${m}${d}${y}` };
  }, days);
}

const NAMES = [
  'Call the bank',
  'Email the landlord',
  'Buy boxes',
  'Book the van',
  'Renew the insurance',
  'Pay the deposit',
  'Pack the books',
  'Cancel the gym',
  'Ask Ann for the keys',
  'Think about a party',
];

test('an inbox of ten items is captured and clarified by keyboard alone', async ({ page }) => {
  await openApp(page, '#/process');
  await setUp(page);
  const { keyboard } = page;
  const focusedRow = () => page.locator('[data-row-id]:has([data-row-focus]:focus)');

  await keyboard.press('/');
  for (const name of NAMES) {
    await keyboard.type(name);
    // "Ask Ann…" matches the contact Ann: Enter would open her, Shift+Enter captures.
    await keyboard.press(name.includes('Ann') ? 'Shift+Enter' : 'Enter');
    await expect(page.getByRole('search').getByRole('status')).toHaveText(`Added “${name}” to the inbox.`);
  }
  await keyboard.press('Escape');
  const inbox = page.getByRole('region', { name: /^Inbox/ });
  await expect(inbox.locator('[data-row-id]')).toHaveCount(10);

  await keyboard.press('j'); // the first row: the oldest capture
  await expect(focusedRow()).toContainText('Call the bank');
  // Call the bank: context @phone (options: No context, @computer, @phone), then next.
  await keyboard.press('c');
  await keyboard.press('ArrowDown');
  await keyboard.press('ArrowDown');
  await keyboard.press('Enter');
  await expect(focusedRow()).toContainText('Call the bank');
  await keyboard.press('n');
  await expect(focusedRow()).toContainText('Email the landlord');
  // Email the landlord: @computer, into Move house, next.
  await keyboard.press('c');
  await keyboard.press('ArrowDown');
  await keyboard.press('Enter');
  await expect(focusedRow()).toContainText('Email the landlord');
  await keyboard.press('m');
  await keyboard.press('ArrowDown');
  await keyboard.press('Enter');
  await expect(focusedRow()).toContainText('Email the landlord');
  await keyboard.press('n');
  await expect(focusedRow()).toContainText('Buy boxes');
  await keyboard.press('x'); // done already
  await expect(focusedRow()).toContainText('Book the van');
  const ahead = await dayAhead(page, 60);
  await keyboard.press('d');
  await keyboard.type(ahead.typed);
  await keyboard.press('Enter');
  await expect(focusedRow()).toContainText('Renew the insurance');
  await keyboard.press('f');
  await expect(focusedRow()).toContainText('Pay the deposit');
  await keyboard.press('w'); // the waiting menu: no reason (focused), Ann, or until a day
  await expect(page.locator(':focus')).toHaveText('Waiting (no reason given)');
  await keyboard.press('Enter');
  await expect(focusedRow()).toContainText('Pack the books');
  await keyboard.press('s');
  await keyboard.press('n');
  await expect(focusedRow()).toContainText('Cancel the gym');
  await keyboard.press('x');
  await expect(focusedRow()).toContainText('Ask Ann for the keys');
  await keyboard.press('w');
  await keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText('Waiting for Ann');
  await keyboard.press('Enter');
  await expect(focusedRow()).toContainText('Think about a party');
  await keyboard.press('f');
  await expect(inbox.locator('[data-row-id]')).toHaveCount(0);

  const states = await page.evaluate(() =>
    Object.fromEntries(
      [...window.taskgit!.tasks.snapshot.records.values()]
        .filter((record) => record.kind === 'action')
        .map((record) => [record.name, { state: record.state, context: record.context, parent: record.parent, waitUntil: record.waitUntil, contact: record.contact, starred: record.starred }]),
    ),
  );
  expect(states).toMatchObject({
    'Call the bank': { state: 'next', context: CONTEXT_PHONE },
    'Email the landlord': { state: 'next', context: CONTEXT_COMPUTER, parent: PROJECT },
    'Buy boxes': { state: 'done' },
    'Book the van': { state: 'scheduled', waitUntil: ahead.day },
    'Renew the insurance': { state: 'future' },
    'Pay the deposit': { state: 'waiting' },
    'Pack the books': { state: 'next', starred: true },
    'Cancel the gym': { state: 'done' },
    'Ask Ann for the keys': { state: 'waiting-for-contact', contact: ANN },
    'Think about a party': { state: 'future' },
  });

  await keyboard.press('4'); // Schedule: 60 days ahead is in a month group, past the days and weeks
  await expect(page.locator('[data-span="month"]').filter({ hasText: 'Book the van' })).toBeVisible();
});
