// What a push sends: every object the new commits reach that the remote cannot already have
// (it holds everything its head reaches). Checked against a full walk, on histories that
// undo their own edits, where a newer commit's tree (or sub-tree) equals an older one's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryBackend, openRepo, type Oid, type Repo } from '../store/index.ts';
import { reachableFrom } from '../../test/support/store-walk.ts';
import { listNewCommits, listObjectsToSend } from './missing-objects.ts';

let clock = Date.UTC(2026, 0, 1);
const info = (message: string) => ({ message, date: new Date((clock += 1000)) });

/** What `head` reaches that neither `remote` reaches nor the push would send. */
async function unsent(repo: Repo, head: Oid, remote: Oid): Promise<string[]> {
  const sent = new Set<string>(await listObjectsToSend(repo, await listNewCommits(repo, [head], [remote])));
  const remoteHas = await reachableFrom(repo, [remote]);
  return [...(await reachableFrom(repo, [head]))].filter((oid) => !remoteHas.has(oid) && !sent.has(oid));
}

async function openWithBase(): Promise<{ repo: Repo; base: Oid }> {
  const repo = await openRepo({ name: 'push', backend: createMemoryBackend() });
  const main = await repo.branch();
  const base = await main.transaction((tx) => {
    tx.set('items/00/f.json', 'f0\n');
    tx.set('items/00/g.json', 'g0\n');
  }, info('Base'));
  return { repo, base };
}

describe('listObjectsToSend', () => {
  it('sends what each new commit adds, and nothing the remote has', async () => {
    const { repo, base } = await openWithBase();
    const main = await repo.branch();
    await main.set('items/00/f.json', 'f1\n', info('Change f'));
    const head = await main.set('items/01/h.json', 'h1\n', info('Add h'));
    const sent = await listObjectsToSend(repo, await listNewCommits(repo, [head], [base]));
    expect(await unsent(repo, head, base)).toEqual([]);
    const remoteHas = await reachableFrom(repo, [base]);
    expect(sent.filter((oid) => remoteHas.has(oid))).toEqual([]);
    await repo.close();
  });

  // When an edit is undone (g changed, then changed back), a newer commit's tree equals an older
  // one's. Walked newest first, that tree was compared with the newer commit's parent (which has
  // f1) and then skipped for the older commit, which added f1: git refused the push ("missing
  // necessary objects") on every later sync. Commits are walked parents first.
  it('sends an object first added by an older commit whose tree a newer commit repeats', async () => {
    const { repo, base } = await openWithBase();
    const main = await repo.branch();
    await main.set('items/00/f.json', 'f1\n', info('Change f'));
    await main.set('items/00/g.json', 'g1\n', info('Change g'));
    const head = await main.set('items/00/g.json', 'g0\n', info('Change g back'));
    expect(await unsent(repo, head, base)).toEqual([]);
    await repo.close();
  });

  it('leaves nothing out, whatever edits and undos the history holds (property)', async () => {
    const edit = fc.record({ file: fc.constantFrom('items/00/f.json', 'items/00/g.json', 'items/01/h.json'), value: fc.constantFrom('a\n', 'b\n', undefined) });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), async (edits) => {
        const { repo, base } = await openWithBase();
        const main = await repo.branch();
        let head = base;
        for (const [index, { file, value }] of edits.entries()) {
          head = await main.transaction((tx) => (value === undefined ? tx.remove(file) : tx.set(file, value)), info(`Edit ${index}`));
        }
        expect(await unsent(repo, head, base)).toEqual([]);
        await repo.close();
      }),
      { numRuns: 200 },
    );
  });
});
