// Four tabs of one origin (one IndexedDB) in real Chromium commit 250 changes each to the same
// branch at the same time, through the app's own repository. Every one of the 1,000 changes must
// be in the history, as its own commit, and its record in the final state read by a fresh tab.
import { expect, test } from '@playwright/test';
import { openApp } from '../app/app-support.ts';
import { commitActions, recordIds, walkRepository } from '../support/reliability-app.ts';

const TABS = 4;
const PER_TAB = 250;

test('4 tabs committing 250 changes each at once: all 1,000 are in the history and the final state', async ({ context }) => {
  test.setTimeout(180_000);
  // The Sync tab renders no list of items: the tabs spend their time committing, not rendering.
  const tabs = await Promise.all(
    Array.from({ length: TABS }, async () => {
      const page = await context.newPage();
      await openApp(page, '#/sync');
      return page;
    }),
  );
  const names = (tab: number): string[] => Array.from({ length: PER_TAB }, (_, index) => `Tab ${tab} change ${index}`);
  const saved = (await Promise.all(tabs.map((page, tab) => commitActions(page, names(tab))))).flat();
  expect(saved).toHaveLength(TABS * PER_TAB);
  await Promise.all(tabs.map((page) => page.close()));

  // A fresh tab reads what IndexedDB holds.
  const reader = await context.newPage();
  await openApp(reader, '#/sync');
  const walk = await walkRepository(reader);
  const commits = new Set(walk.commits);
  const missingHeads = saved.filter((change) => !commits.has(change.head));
  expect(missingHeads, 'commits reported saved but not reachable from the head').toEqual([]);

  const history = await reader.evaluate(async () => {
    const tasks = window.taskgit?.tasks;
    if (!tasks) throw new Error('no repository');
    return (await tasks.history()).map((commit) => commit.message.trimEnd());
  });
  expect(history.length, 'history lists every commit the walk reached').toBe(walk.commits.length);
  const created = history.filter((message) => message.startsWith('Create Tab ')).sort();
  expect(created, 'each change is in the history exactly once').toEqual(saved.map((change) => `Create ${change.name}`).sort());

  const ids = new Set(await recordIds(reader));
  expect(saved.filter((change) => !ids.has(change.id)).map((change) => change.name), 'changes missing from the final state').toEqual([]);
});
