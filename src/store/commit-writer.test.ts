// A commit starts from the head its handle last saw, without a transaction to read it; when
// another handle moved the head meanwhile, the commit is built again on the moved head (not
// merged onto it), exactly as if the head had been read.
import { describe, expect, it } from 'vitest';
import { info, text } from '../../test/support/store-harness.ts';
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
