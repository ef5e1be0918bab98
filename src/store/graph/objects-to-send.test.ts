// What a push sends: every object the new commits reach that the remote cannot already have
// (it holds everything its head reaches), and with nothing on the other side, what an export
// writes. Checked against a full walk, on histories that undo their own edits, where a newer
// commit's tree (or sub-tree) equals an older one's; run against every backend.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { harnesses, type Harness } from '../../../test/support/store-harness.ts';
import { reachableFrom } from '../../../test/support/store-walk.ts';
import type { Repo } from '../index.ts';
import { EMPTY_TREE, hashObject, utf8 } from '../objects/index.ts';
import type { Oid } from '../oid.ts';

let clock = Date.UTC(2026, 0, 1);
const info = (message: string) => ({ message, date: new Date((clock += 1000)) });

/** What `head` reaches that neither `remote` reaches nor the push would send. */
async function unsent(repo: Repo, head: Oid, remote: Oid): Promise<string[]> {
  const sent = new Set<string>(await repo.git.graph.listObjectsToSend([head], [remote]));
  const remoteHas = await reachableFrom(repo, [remote]);
  return [...(await reachableFrom(repo, [head]))].filter((oid) => !remoteHas.has(oid) && !sent.has(oid));
}

describe.each(Object.keys(harnesses))('listObjectsToSend on %s', (kind) => {
  async function openWithBase(): Promise<{ repo: Repo; base: Oid }> {
    const { repo } = await (harnesses[kind] as Harness).open();
    const main = await repo.branch();
    const base = await main.transaction((tx) => {
      tx.set('items/00/f.json', 'f0\n');
      tx.set('items/00/g.json', 'g0\n');
    }, info('Base'));
    return { repo, base };
  }

  it('sends what each new commit adds, and nothing the remote has', async () => {
    const { repo, base } = await openWithBase();
    const main = await repo.branch();
    await main.set('items/00/f.json', 'f1\n', info('Change f'));
    const head = await main.set('items/01/h.json', 'h1\n', info('Add h'));
    const sent = await repo.git.graph.listObjectsToSend([head], [base]);
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
      { numRuns: kind === 'memory' ? 200 : 40 },
    );
  });

  it('lists everything a head reaches when the other side has nothing, the empty tree included', async () => {
    const { repo, base } = await openWithBase();
    const main = await repo.branch();
    await main.remove('items/00/f.json', info('Remove f'));
    const emptied = await main.remove('items/00/g.json', info('Remove g'));
    expect((await repo.readCommit(emptied)).tree).toBe(EMPTY_TREE);
    const head = await main.set('h.json', 'h\n', info('Add h'));
    const counted: number[] = [];
    const all = await repo.git.graph.listObjectsToSend([head], [], { onCommit: (done) => counted.push(done) });
    expect(new Set(all)).toEqual(await reachableFrom(repo, [head]));
    expect(all).toContain(EMPTY_TREE);
    expect(counted).toEqual([1, 2, 3, 4]);
    // An id the other side names that this store lacks is passed over.
    const unknown = hashObject('blob', utf8('never stored')).oid;
    expect(new Set(await repo.git.graph.listObjectsToSend([head], [unknown]))).toEqual(new Set(all));
    expect(await repo.git.graph.listObjectsToSend([head], [base, head])).toEqual([]);
    await repo.close();
  });
});
