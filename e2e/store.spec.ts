// The store in real Chromium with real IndexedDB: durability across a reload, byte-exact reads,
// history order, and two tabs committing to one repository at once.
import { expect, test, type Page } from '@playwright/test';

/** Opens the harness page and waits until `window.store` is there. */
async function openHarness(page: Page): Promise<void> {
  const url = process.env.HARNESS_URL;
  if (!url) throw new Error('HARNESS_URL is not set: run through playwright.config.ts (its global setup)');
  await page.goto(url);
  await expect(page.locator('#status')).toHaveText('ready');
}

interface FixtureFile {
  path: string;
  /** Sent to `set` as a string (the store encodes it as UTF-8) or as bytes. */
  content: { text: string } | { bytes: number[] };
  message: string;
}

/** Every byte value, then a run that looks like text line endings and a NUL-heavy tail. */
const BINARY = [...Array.from({ length: 256 }, (_, i) => i), 0x0d, 0x0a, 0x0a, 0x00, 0x00, 0xff, 0xfe];

const FILES: FixtureFile[] = [
  {
    path: 'projects/home/kitchen/paint-the-walls.json',
    content: { text: `${JSON.stringify({ id: 'p1', title: 'Paint the walls', done: false }, null, 2)}\n` },
    message: 'Add the project "Paint the walls"',
  },
  {
    path: 'notes/grüße-日本語-🚀.txt',
    content: { text: 'Grüße, 世界! 🌍\nZeile zwei — “quoted” ok\n' },
    message: 'Add a note: Grüße 🌍',
  },
  { path: 'attachments/sample.bin', content: { bytes: BINARY }, message: 'Attach a binary sample' },
];

/**
 * A commit message as given to `set`: the store ends messages with a newline as git does, and
 * `history()` returns them so; one trailing newline is dropped before comparing.
 */
function given(message: string): string {
  return message.endsWith('\n') ? message.slice(0, -1) : message;
}

function expectedBytes(file: FixtureFile): number[] {
  return 'text' in file.content ? [...Buffer.from(file.content.text, 'utf8')] : file.content.bytes;
}

test('files survive a reload byte-exactly and history lists the commits newest first', async ({ page }) => {
  const repo = 'reload';
  await openHarness(page);

  const heads: string[] = [];
  for (const file of FILES) {
    const head = await page.evaluate(
      async ({ repo, file }) => {
        const branch = await window.harness.branch(repo);
        const data = 'text' in file.content ? file.content.text : new Uint8Array(file.content.bytes);
        return branch.set(file.path, data, { message: file.message });
      },
      { repo, file },
    );
    expect(head).toMatch(/^[0-9a-f]{40}$/);
    expect(heads).not.toContain(head);
    heads.push(head);
  }

  await page.reload();
  await expect(page.locator('#status')).toHaveText('ready');

  const after = await page.evaluate(
    async ({ repo, paths }) => {
      const branch = await window.harness.branch(repo);
      const files: Array<number[] | null> = [];
      for (const path of paths) {
        const bytes = await branch.get(path);
        files.push(bytes ? Array.from(bytes) : null);
      }
      const history = await branch.history();
      return {
        head: await branch.head(),
        files,
        root: await branch.list(''),
        nested: await branch.list('projects/home/kitchen'),
        history: history.map((commit) => ({ id: commit.id, parents: commit.parents, message: commit.message })),
      };
    },
    { repo, paths: FILES.map((file) => file.path) },
  );

  FILES.forEach((file, index) => {
    expect(after.files[index], file.path).toEqual(expectedBytes(file));
  });
  expect(after.root).toEqual(['attachments', 'notes', 'projects']);
  expect(after.nested).toEqual(['paint-the-walls.json']);

  expect(after.head).toBe(heads.at(-1));
  expect(after.history.map((commit) => commit.id)).toEqual([...heads].reverse());
  expect(after.history.map((commit) => given(commit.message))).toEqual(FILES.map((file) => file.message).reverse());
  // Each commit's parent is the one before it; the first has none.
  after.history.forEach((commit, index) => {
    const older = after.history[index + 1];
    expect(commit.parents).toEqual(older ? [older.id] : []);
  });
});

test('a second tab sees the first tab commit, and both tabs committing at once lose nothing', async ({ context }) => {
  const repo = 'two-tabs';
  const tabA = await context.newPage();
  const tabB = await context.newPage();
  await Promise.all([openHarness(tabA), openHarness(tabB)]);

  await tabB.evaluate((repo) => window.harness.watchHeads(repo), repo);
  const headA = await tabA.evaluate(async (repo) => {
    const branch = await window.harness.branch(repo);
    return branch.set('shared/hello.txt', 'hello from tab A', { message: 'Tab A says hello' });
  }, repo);
  await tabB.waitForFunction(({ repo, head }) => window.harness.seenHeads[repo]?.includes(head) ?? false, { repo, head: headA });
  const seenInB = await tabB.evaluate(async (repo) => {
    const branch = await window.harness.branch(repo);
    const bytes = await branch.get('shared/hello.txt');
    return { head: await branch.head(), text: bytes ? new TextDecoder().decode(bytes) : null };
  }, repo);
  expect(seenInB).toEqual({ head: headA, text: 'hello from tab A' });

  const PER_TAB = 20;
  const TABS = ['a', 'b'] as const;
  const commitFrom = (page: Page, tab: string, index: number): Promise<string> =>
    page.evaluate(
      async ({ repo, tab, index }) => {
        const branch = await window.harness.branch(repo);
        return branch.set(`concurrent/${tab}/${index}.txt`, `tab ${tab} file ${index}`, { message: `Tab ${tab} writes file ${index}` });
      },
      { repo, tab, index },
    );
  const indexes = Array.from({ length: PER_TAB }, (_, index) => index);
  const returnedHeads = await Promise.all([
    ...indexes.map((index) => commitFrom(tabA, 'a', index)),
    ...indexes.map((index) => commitFrom(tabB, 'b', index)),
  ]);

  const readAll = (page: Page) =>
    page.evaluate(
      async ({ repo, perTab, tabs }) => {
        const branch = await window.harness.branch(repo);
        const contents: Record<string, string | null> = {};
        for (const tab of tabs) {
          for (let index = 0; index < perTab; index++) {
            const path = `concurrent/${tab}/${index}.txt`;
            const bytes = await branch.get(path);
            contents[path] = bytes ? new TextDecoder().decode(bytes) : null;
          }
        }
        const history = await branch.history();
        return {
          head: await branch.head(),
          listed: { a: await branch.list('concurrent/a'), b: await branch.list('concurrent/b') },
          contents,
          ids: history.map((commit) => commit.id),
          messages: history.map((commit) => commit.message),
        };
      },
      { repo, perTab: PER_TAB, tabs: TABS },
    );
  const [inA, inB] = [await readAll(tabA), await readAll(tabB)];

  expect(inB.head).toBe(inA.head);
  for (const tab of TABS) {
    expect(inA.listed[tab]).toHaveLength(PER_TAB);
    for (const index of indexes) {
      expect(inA.contents[`concurrent/${tab}/${index}.txt`]).toBe(`tab ${tab} file ${index}`);
      expect(inA.messages.map(given), `the commit of tab ${tab} file ${index}`).toContain(`Tab ${tab} writes file ${index}`);
    }
  }
  // 40 commits plus the hello commit, plus any merge commits the losers of a race made.
  expect(inA.ids.length).toBeGreaterThanOrEqual(2 * PER_TAB + 1);
  expect(new Set(inA.ids).size).toBe(inA.ids.length);
  for (const head of returnedHeads) expect(inA.ids, `returned head ${head}`).toContain(head);

  // Tab B's watcher reported the final head, and never the same head twice.
  expect(inA.head).toBe(inA.ids[0]);
  await tabB.waitForFunction(({ repo, head }) => window.harness.seenHeads[repo]?.includes(head) ?? false, { repo, head: inA.ids[0] ?? '' });
  const seen = await tabB.evaluate((repo) => window.harness.seenHeads[repo] ?? [], repo);
  expect(new Set(seen).size).toBe(seen.length);
});

// Fair turns in the browser: two handles of one database in one page (the store used twice by
// one app, or a library and the app), a hundred commits each in flight at once. With Web Locks
// the writers queue on a lock; with them taken away they queue in the page's realm. Either way
// no commit fails with RefContentionError and every one is in the history.
for (const locks of ['with Web Locks', 'without Web Locks'] as const) {
  test(`two handles in one page commit 100 files each at once, ${locks}, losing none`, async ({ page }) => {
    if (locks === 'without Web Locks') await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined }));
    await openHarness(page);
    const outcome = await page.evaluate(async (name) => {
      const [one, two] = [await window.store.openRepo({ name }), await window.store.openRepo({ name })];
      const [a, b] = [await one.branch(), await two.branch()];
      await a.set('start.txt', 'start', { message: 'start' });
      const writes: Array<Promise<unknown>> = [];
      for (let i = 0; i < 100; i++) {
        writes.push(a.set(`a/${i}.txt`, `a ${i}`, { message: `a ${i}` }));
        writes.push(b.set(`b/${i}.txt`, `b ${i}`, { message: `b ${i}` }));
      }
      const failures = (await Promise.allSettled(writes)).flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
      const messages = new Set((await a.history()).map((commit) => commit.message));
      const result = {
        hasLocks: navigator.locks !== undefined,
        failures,
        files: [(await a.list('a')).length, (await a.list('b')).length],
        missing: Array.from({ length: 100 }, (_, i) => [`a ${i}`, `b ${i}`]).flat().filter((message) => !messages.has(message)),
      };
      await one.close();
      await two.close();
      return result;
    }, `turns-${locks.replaceAll(' ', '-')}`);
    expect(outcome).toEqual({ hasLocks: locks === 'with Web Locks', failures: [], files: [100, 100], missing: [] });
  });
}

// A transaction whose head another handle moved between its reads and its commit (another tab,
// a sync's merge) is merged onto the moved head, base the head it read: in real IndexedDB, a
// field the other writer changed survives, and a field both changed keeps the other value as a
// conflict note, never silently dropped.
test('a transaction another handle overtook keeps both writers changes to one record', async ({ page }) => {
  await openHarness(page);
  const outcome = await page.evaluate(async () => {
    const race = async (name: string, ours: Record<string, string>, theirs: Record<string, string>): Promise<unknown> => {
      const [one, two] = [await window.store.openRepo({ name }), await window.store.openRepo({ name })];
      const [a, b] = [await one.branch(), await two.branch()];
      const read = async (branch: typeof a): Promise<Record<string, unknown>> => window.store.parseJsonObject((await branch.get('r1.json')) ?? new Uint8Array()) ?? {};
      await a.set('r1.json', JSON.stringify({ id: 'r1', x: 'x0', y: 'y0' }), { message: 'create' });
      await a.transaction(async (tx) => {
        const mine = window.store.parseJsonObject((await tx.get('r1.json')) ?? new Uint8Array()) ?? {};
        await b.set('r1.json', JSON.stringify({ ...(await read(b)), ...theirs }), { message: 'theirs' });
        tx.set('r1.json', JSON.stringify({ ...mine, ...ours }));
      }, { message: 'ours' });
      const result = await read(a);
      await one.close();
      await two.close();
      return result;
    };
    return {
      fields: await race('overtaken-fields', { x: 'x from a' }, { y: 'y from b' }),
      same: await race('overtaken-same', { x: 'x from a' }, { x: 'x from b' }),
    };
  });
  expect(outcome.fields).toEqual({ id: 'r1', x: 'x from a', y: 'y from b' });
  expect(outcome.same).toEqual({ id: 'r1', x: 'x from a', y: 'y0', _conflicts: [{ field: 'x', kept: 'x from a', discarded: 'x from b' }] });
});
