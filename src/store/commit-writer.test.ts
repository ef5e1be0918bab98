// A blind write (`set`, `remove`) starts from the head its handle last saw, without a transaction
// to read it; when another handle moved the head meanwhile, it is built again on the moved head
// (not merged onto it), exactly as if the head had been read. A transaction, made from files it
// read at one head, is merged onto a moved head instead (below).
import { describe, expect, it } from 'vitest';
import { harnesses, info, json, text, type Harness } from '../../test/support/store-harness.ts';
import { createMemoryBackend, openRepo, type Backend } from './index.ts';

/** A memory backend that counts the ref reads. */
function countingBackend(): { backend: Backend; reads: () => number } {
  const inner = createMemoryBackend();
  let reads = 0;
  return {
    backend: { ...inner, getRef: (name) => ((reads += 1), inner.getRef(name)) },
    reads: () => reads,
  };
}

describe('commits on the head last seen', () => {
  it('read the head once, then commit in one step each', async () => {
    const { backend, reads } = countingBackend();
    const main = await (await openRepo({ name: 'seen-once', backend })).branch();
    await main.set('a.txt', '0', info('first'));
    const before = reads();
    for (let i = 1; i <= 5; i++) await main.set('a.txt', `${i}`, info(`edit ${i}`));
    expect(reads()).toBe(before);
    expect(text(await main.get('a.txt'))).toBe('5');
  });

  it('build again on a head another handle moved, so a whole-file write is not merged with it', async () => {
    const { backend } = countingBackend();
    const [mine, theirs] = [await openRepo({ name: 'moved', backend }), await openRepo({ name: 'moved', backend })];
    const [a, b] = [await mine.branch(), await theirs.branch()];
    await a.set('x.txt', 'a', info('a'));
    const moved = await b.set('x.txt', 'b', info('b'));
    // Handle a has not heard of b's commit yet (no message arrived in between): its last head is stale.
    const head = await a.set('x.txt', 'c', info('c'));
    expect(await a.list()).toEqual(['x.txt']);
    expect(text(await a.get('x.txt'))).toBe('c');
    expect((await mine.readCommit(head)).parents).toEqual([moved]);
    await mine.close();
    await theirs.close();
  });
});

// A transaction reads its files at one head and writes whole files. When another writer (another
// handle, another tab, a sync's merge) moves the head between those reads and the commit, the
// transaction's change is merged three-way onto the moved head, base the head it read: a field
// the other writer changed survives, and a field both changed keeps the other value as a conflict
// note. Whether the other handle's message arrived before the commit or not changes nothing.
describe.each(Object.keys(harnesses))('a transaction whose head moved before it committed, on %s', (kind) => {
  const record = (fields: Record<string, string>): string => `${JSON.stringify({ id: 'r1', ...fields })}\n`;

  /** Handle a edits r1.json in a transaction; while it runs, handle b commits `theirs` fields to it. */
  async function race(ours: Record<string, string>, theirs: Record<string, string>, waitForMessage: boolean): Promise<unknown> {
    const { repo, peer } = await (harnesses[kind] as Harness).open();
    const other = await peer();
    const [a, b] = [await repo.branch(), await other.branch()];
    await a.set('r1.json', record({ x: 'x0', y: 'y0' }), info('create'));
    const otherHead = { id: '' };
    const head = await a.transaction(async (tx) => {
      const read = json(await tx.get('r1.json')) as Record<string, string>;
      const current = json(await b.get('r1.json')) as Record<string, string>;
      otherHead.id = await b.set('r1.json', `${JSON.stringify({ ...current, ...theirs })}\n`, info('theirs'));
      if (waitForMessage) await new Promise((resolve) => setTimeout(resolve, 20));
      tx.set('r1.json', `${JSON.stringify({ ...read, ...ours })}\n`);
    }, info('ours'));
    expect((await repo.readCommit(head)).parents).toEqual([otherHead.id]);
    const result = json(await a.get('r1.json'));
    expect(json(await b.get('r1.json'))).toEqual(result);
    await other.close();
    await repo.close();
    return result;
  }

  for (const waitForMessage of [false, true]) {
    const when = waitForMessage ? 'after the other handle said so' : 'before the other handle said so';
    it(`keeps both writers' changes to different fields of one record (${when})`, async () => {
      expect(await race({ x: 'x from a' }, { y: 'y from b' }, waitForMessage)).toEqual({ id: 'r1', x: 'x from a', y: 'y from b' });
    });

    it(`keeps the other value of a field both changed as a conflict, never dropped (${when})`, async () => {
      const merged = (await race({ x: 'x from a' }, { x: 'x from b' }, waitForMessage)) as { x: string; _conflicts: unknown };
      // The store's rule: the value whose JSON sorts first stays, the other is noted.
      expect(merged.x).toBe('x from a');
      expect(merged._conflicts).toEqual([{ field: 'x', kept: 'x from a', discarded: 'x from b' }]);
    });
  }
});
