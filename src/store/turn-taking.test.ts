// Fair turns wherever the store runs. In Node there are no Web Locks: two handles of one
// database (two "tabs" in one realm) with a hundred commits each in flight at once must still
// get every commit in, none failing with RefContentionError. Run against every backend; the
// browser's side is e2e/store.spec.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { harnesses, info, type Harness } from '../../test/support/store-harness.ts';
import { createMemoryBackend, type Backend } from './backend/index.ts';
import { openRepo } from './repo.ts';
import { backoffMs, TurnTaking } from './turn-taking.ts';

const COMMITS = 100;

describe.each(Object.keys(harnesses))('turns on %s', (kind) => {
  it(`lets two handles make ${COMMITS} interleaved single-file commits each, losing none`, async () => {
    const { repo, peer } = await (harnesses[kind] as Harness).open();
    const other = await peer();
    const [a, b] = [await repo.branch(), await other.branch()];
    await a.set('start.txt', 'start', info('start'));
    const writes: Array<Promise<unknown>> = [];
    for (let i = 0; i < COMMITS; i++) {
      writes.push(a.set(`a/${i}.txt`, `a ${i}`, info(`a ${i}`)));
      writes.push(b.set(`b/${i}.txt`, `b ${i}`, info(`b ${i}`)));
    }
    const failed = (await Promise.allSettled(writes)).filter((result) => result.status === 'rejected');
    expect(failed).toEqual([]);
    expect(await a.list('a')).toHaveLength(COMMITS);
    expect(await a.list('b')).toHaveLength(COMMITS);
    const messages = new Set((await a.history()).map((commit) => commit.message));
    for (let i = 0; i < COMMITS; i++) expect([messages.has(`a ${i}`), messages.has(`b ${i}`)]).toEqual([true, true]);
    await other.close();
    await repo.close();
  });
});

describe('a writer whose turn comes after the turns lapsed', () => {
  afterEach(() => vi.useRealTimers());

  // Seen in CI: four tabs committing at once, one of them waited in the queue for its turn past
  // the window of turns; the others, seeing none, committed freely and it lost all 50 tries.
  it('asks for turns again when it loses, so writers outside turns wait for it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const name = `lapsed-${Math.random()}`;
    const ref = 'refs/heads/main';
    const shared = createMemoryBackend();
    const rival = await (await openRepo({ name, backend: shared })).branch();
    const watcher = new TurnTaking(name);
    let rivalCommits = 0;
    // Before each of the holder's compare-and-sets, a writer that sees no turns commits first.
    const holderBackend: Backend = {
      ...shared,
      async compareAndSetRef(...args) {
        if (!watcher.active(ref)) await rival.set(`rival/${rivalCommits++}.txt`, 'r', info('rival'));
        return shared.compareAndSetRef(...args);
      },
    };
    const holder = await (await openRepo({ name, backend: holderBackend })).branch();
    await rival.set('start.txt', 'start', info('start'));

    watcher.ask(ref);
    let release = (): void => undefined;
    const before = watcher.take(ref, () => new Promise<void>((resolve) => (release = resolve)));
    const write = holder.set('mine.txt', 'mine', info('mine'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    vi.setSystemTime(Date.now() + 5000); // the window of turns lapses while the holder waits
    release();
    await before;

    await expect(write).resolves.toBeDefined();
    expect(await holder.get('mine.txt')).toBeDefined();
    expect(rivalCommits).toBeLessThan(5);
    expect(await holder.list('rival')).toHaveLength(rivalCommits);
    watcher.close();
  });
});

describe('TurnTaking without Web Locks', () => {
  it('shares turns between the handles of one database in this realm, first come first served', async () => {
    const [one, two, elsewhere] = [new TurnTaking('turns-db'), new TurnTaking('turns-db'), new TurnTaking('other-db')];
    expect(two.active('refs/heads/main')).toBe(false);
    one.ask('refs/heads/main');
    expect(two.active('refs/heads/main')).toBe(true);
    expect(two.active('refs/heads/side')).toBe(false);
    expect(elsewhere.active('refs/heads/main')).toBe(false);
    const order: string[] = [];
    let release = (): void => undefined;
    const first = one.take('refs/heads/main', async () => {
      order.push('first starts');
      await new Promise<void>((resolve) => (release = resolve));
      order.push('first ends');
    });
    const second = two.take('refs/heads/main', async () => {
      order.push('second runs');
      throw new Error('a failed turn');
    });
    const third = one.take('refs/heads/main', async () => order.push('third runs'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual(['first starts']);
    release();
    await first;
    await expect(second).rejects.toThrow('a failed turn');
    await third;
    expect(order).toEqual(['first starts', 'first ends', 'second runs', 'third runs']);
    for (const turns of [one, two, elsewhere]) turns.close();
  });

  it('backs off a random while below a bound that doubles with each loss, up to a cap', () => {
    expect(backoffMs(1, () => 0.5)).toBe(1);
    expect(backoffMs(3, () => 0.5)).toBe(4);
    expect(backoffMs(30, () => 0.999)).toBeLessThan(16);
    expect(backoffMs(30, () => 0)).toBe(0);
  });
});
