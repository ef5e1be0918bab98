// A Work view of 320 next actions draws only the rows near the screen (issue 14: a cold start at
// 100,000 items drew ~19,000), yet reads and works as the whole list: the page scrolls to its
// last row (the window follows, on a phone too, with no blank screen on the way), and the
// keyboard alone goes back to the first row with `j` and walks to the last with `j`, back with
// `k`, and opens it with Enter; screen readers hear each row's place in its whole group.
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './app-support.ts';

const CONTEXT = '14c00001-0000-4000-8000-000000000001';
const PROJECTS = ['14c00002-0000-4000-8000-000000000002', '14c00003-0000-4000-8000-000000000003'];
const PER_PROJECT = 160;
const ACTIONS = PER_PROJECT * PROJECTS.length;

/** One commit: a context, two projects ("Alpha", "Beta") and 160 next actions in each, named in the order the view lists them. */
async function setUp(page: Page): Promise<void> {
  await page.evaluate(
    async ({ context, projects, perProject }) => {
      const created = new Date().toISOString();
      const put = (record: Record<string, unknown>) => ({ put: { created, ...record } });
      const actions = projects.flatMap((project, p) =>
        Array.from({ length: perProject }, (_, i) => {
          const n = String(p * perProject + i + 1).padStart(3, '0');
          return put({ kind: 'action', id: `14c0${n}a-0000-4000-8000-000000000000`, name: `Task ${n}`, state: 'next', parent: project, context });
        }),
      );
      await window.taskgit!.tasks.apply({
        message: 'Set up a long list',
        changes: [put({ kind: 'context', id: context, name: '@desk' }), ...projects.map((id, p) => put({ kind: 'project', id, name: p === 0 ? 'Alpha' : 'Beta', state: 'active' })), ...actions] as never,
      });
    },
    { context: CONTEXT, projects: PROJECTS, perProject: PER_PROJECT },
  );
}

/** How many of the Work list's rows are on the screen (not merely drawn). */
function rowsOnScreen(page: Page): Promise<number> {
  return page.evaluate(() => [...document.querySelectorAll('[data-view="work"] .work-groups .action-row')].filter((row) => {
    const { top, bottom } = row.getBoundingClientRect();
    return bottom > 0 && top < innerHeight;
  }).length);
}

/** Whether the page is scrolled to its end. */
function atEnd(page: Page): Promise<boolean> {
  return page.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 1);
}

const rowNamed = (page: Page, name: string) => page.locator('[data-view="work"] .action-row').filter({ has: page.getByRole('button', { name, exact: true }) });

test('a long Work list draws the rows near the screen, scrolls to its end and is walked by keyboard to its last row', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, '#/work');
  await setUp(page);
  const list = page.locator('[data-view="work"] .work-groups');
  await expect(list).toHaveAttribute('data-rows', String(ACTIONS));
  await expect(rowNamed(page, 'Task 001')).toBeVisible();
  const drawn = await list.locator('.action-row').count();
  expect(drawn).toBeGreaterThan(10);
  expect(drawn).toBeLessThan(ACTIONS / 2);

  // The mouse wheel down to the end: a drawn row is on the screen at every step, and the last row comes.
  await page.mouse.move(640, 400);
  for (let step = 0; step < 60 && !(await atEnd(page)); step++) {
    await page.mouse.wheel(0, 1200);
    await expect.poll(() => rowsOnScreen(page)).toBeGreaterThan(0);
  }
  await expect(rowNamed(page, `Task ${ACTIONS}`)).toBeInViewport();
  await expect(rowNamed(page, `Task ${ACTIONS}`)).toHaveAttribute('aria-posinset', String(PER_PROJECT));
  await expect(rowNamed(page, `Task ${ACTIONS}`)).toHaveAttribute('aria-setsize', String(PER_PROJECT));

  // The keyboard, from the end of the page: `j` goes to the list's first row, then the row keys to the last one and back.
  await page.keyboard.press('j');
  await expect(page.getByRole('button', { name: 'Task 001', exact: true })).toBeFocused();
  await expect(rowNamed(page, 'Task 001')).toBeInViewport();
  for (let step = 1; step < ACTIONS; step++) await page.keyboard.press('j');
  const last = page.getByRole('button', { name: `Task ${ACTIONS}`, exact: true });
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await page.keyboard.press('j'); // nothing after the last row: the focus stays
  await expect(last).toBeFocused();
  for (let step = 0; step < 3; step++) await page.keyboard.press('k');
  await expect(page.getByRole('button', { name: `Task ${ACTIONS - 3}`, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Item details' })).toContainText(`Task ${ACTIONS - 3}`);

  // A phone: the page scrolls through the whole list, a drawn row on the screen at every step.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let step = 0; step < 80 && !(await atEnd(page)); step++) {
    await page.evaluate(() => window.scrollBy(0, 700));
    await expect.poll(() => rowsOnScreen(page)).toBeGreaterThan(0);
  }
  await expect(rowNamed(page, `Task ${ACTIONS}`)).toBeInViewport();
});
