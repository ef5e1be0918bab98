// The pack worker in real Chromium: a push and an export of hundreds of objects are built in a
// Web Worker (objects hashed against their ids, compressed, summed there), and an import parses
// its bundle there. What comes out must be what git reads, and the same objects and results as
// the code gives in this thread (Node runs it without a worker: src/sync/pack-work/*.test.ts).
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { gitAsync, gitRun, gitText, makeTempDir, removeTempDirs } from '../test/support/git-cli.ts';

test.afterAll(() => removeTempDirs());

function requireEnv(name: 'HARNESS_URL' | 'GIT_REMOTE_URL'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through playwright.config.ts (its global setup)`);
  return value;
}

/** Files in one commit: more objects than a pack is built in the page's thread for. */
const FILES = 400;

test('a push, an export and an import of hundreds of objects go through the pack worker and give what git reads', async ({ page }) => {
  const url = `${requireEnv('GIT_REMOTE_URL')}pack-worker-${randomUUID().slice(0, 8)}.git`;
  await page.goto(requireEnv('HARNESS_URL'));
  await expect(page.locator('#status')).toHaveText('ready');
  const packWorkers: string[] = [];
  // By the script's name: the unpack worker's ("unpack-worker-…") has this one's in it, and a first
  // sync starts it (and ends it) while the remote answers, even a push's to an empty remote.
  page.on('worker', (worker) => void (/\/pack-worker[-.]/.test(new URL(worker.url()).pathname) && packWorkers.push(worker.url())));

  const head = await page.evaluate(async (count) => {
    const main = await window.harness.branch('packed');
    return main.transaction(
      (tx) => {
        for (let i = 0; i < count; i++) tx.set(`items/${(i % 32).toString(16).padStart(2, '0')}/${i}.json`, `{\n  "n": ${i}\n}\n`);
      },
      { message: 'Fill', date: new Date(1_700_000_000_000) },
    );
  }, FILES);

  // The push: git's own clone and fsck judge it.
  expect(await page.evaluate((args) => window.harness.sync('packed', args.url), { url })).toEqual({ kind: 'pushed', head });
  expect(packWorkers.length, 'pack workers started by the push').toBe(1);
  const clone = join(makeTempDir('pack-worker'), 'clone');
  await gitAsync(['clone', '--quiet', url, clone]);
  const fsck = gitRun(['fsck', '--strict', '--no-dangling'], { cwd: clone });
  expect(fsck.status, fsck.stderr).toBe(0);
  expect(gitText(['rev-parse', 'HEAD'], { cwd: clone }).trim()).toBe(head);
  expect(gitText(['ls-files'], { cwd: clone }).trim().split('\n')).toHaveLength(FILES);

  // The export: a bundle git verifies; the import into an empty repository: the same head and files.
  const exported = await page.evaluate(async () => {
    const { exportBundle, importBundle } = await window.harness.syncModule();
    const source = await window.harness.repo('packed');
    const bytes = await exportBundle(source.git);
    const target = await window.harness.repo('imported');
    const result = await importBundle(target.git, bytes);
    const files = async (name: string) => {
      const all = await (await window.harness.branch(name)).getAll('items');
      return [...all].map(([path, bytes]) => `${path} ${new TextDecoder().decode(bytes)}`).sort();
    };
    return { bytes: [...bytes], result, source: await files('packed'), target: await files('imported') };
  });
  expect(packWorkers.length, 'pack workers started by the export and the import').toBe(3);
  expect(exported.result).toEqual({ kind: 'imported', head, objects: expect.any(Number) });
  expect(exported.target).toEqual(exported.source);
  expect(exported.source).toHaveLength(FILES);
  const file = join(makeTempDir('pack-worker-bundle'), 'export.bundle');
  writeFileSync(file, Uint8Array.from(exported.bytes));
  const verify = gitRun(['bundle', 'verify', file], { cwd: clone });
  expect(verify.status, verify.stderr).toBe(0);
  expect(gitText(['bundle', 'list-heads', file], { cwd: clone })).toContain(`${head} refs/heads/main`);
});
