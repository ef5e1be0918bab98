// Merge and revert, run against every backend (see test/support/store-harness.ts).
import { describe, expect, it } from 'vitest';
import { harnesses, info, json, text, type Harness } from '../../test/support/store-harness.ts';

describe.each(Object.keys(harnesses))('merge and revert on %s', (kind) => {
  const open = () => (harnesses[kind] as Harness).open();

  it('reverts a commit by three-way merge, keeping later changes', async () => {
    const { repo } = await open();
    const main = await repo.branch();
    await main.set('rec.json', '{"a":1,"b":1}', info('create'));
    const change = await main.transaction((tx) => {
      tx.set('rec.json', '{"a":2,"b":1}');
      tx.set('new.txt', 'new');
    }, info('change a, add new'));
    await main.set('rec.json', '{"a":2,"b":3}', info('change b'));
    await main.revert(change, info('Revert "change a, add new"'));
    expect(json(await main.get('rec.json'))).toEqual({ a: 1, b: 3 });
    expect(await main.get('new.txt')).toBeUndefined();
    expect((await main.history({ limit: 1 }))[0]?.message).toBe('Revert "change a, add new"');
    await repo.close();
  });

  it('merges branches: fast-forward, field by field, and never drops a value', async () => {
    const { repo } = await open();
    const main = await repo.branch();
    await main.set('rec.json', '{"a":1,"b":1,"c":1}', info('create'));
    const side = await repo.branch('side');
    expect(await side.merge('main', info('ff'))).toBe(await main.head());
    await main.set('rec.json', '{"a":2,"b":1,"c":"main"}', info('main edits'));
    await side.set('rec.json', '{"a":1,"b":2,"c":"side"}', info('side edits'));
    await side.set('side.txt', 'side only', info('side file'));
    const merged = await main.merge('side', info('Merge side'));
    const record = json(await main.get('rec.json')) as Record<string, unknown>;
    expect(record.a).toBe(2);
    expect(record.b).toBe(2);
    const kept = record.c;
    const discarded = kept === 'main' ? 'side' : 'main';
    expect(record._conflicts).toEqual([{ field: 'c', kept, discarded }]);
    expect(text(await main.get('side.txt'))).toBe('side only');
    expect((await repo.readCommit(merged)).parents).toHaveLength(2);
    // Merging again changes nothing; the other way round is a fast-forward.
    expect(await main.merge('side', info('again'))).toBe(merged);
    expect(await side.merge('main', info('ff back'))).toBe(merged);
    await repo.close();
  });

  it('keeps both sides of a non-JSON conflict, and an edit over a deletion', async () => {
    const { repo } = await open();
    const main = await repo.branch();
    await main.transaction((tx) => {
      tx.set('notes.txt', 'base');
      tx.set('gone.txt', 'base');
    }, info('base'));
    const side = await repo.branch('side');
    await side.merge('main', info('ff'));
    await main.transaction((tx) => {
      tx.set('notes.txt', 'main text');
      tx.remove('gone.txt');
    }, info('main'));
    await side.transaction((tx) => {
      tx.set('notes.txt', 'side text');
      tx.set('gone.txt', 'edited on side');
    }, info('side'));
    await main.merge('side', info('merge'));
    const names = await main.list();
    const copy = names.find((n) => n.startsWith('notes.txt.conflict-'));
    expect(copy).toBeDefined();
    const contents = [text(await main.get('notes.txt')), text(await main.get(copy as string))].sort();
    expect(contents).toEqual(['main text', 'side text']);
    expect(text(await main.get('gone.txt'))).toBe('edited on side');
    await repo.close();
  });

  it('reverts a merge commit against its first parent', async () => {
    const { repo } = await open();
    const main = await repo.branch();
    await main.set('base.txt', 'base', info('base'));
    const side = await repo.branch('side');
    await side.merge('main', info('ff'));
    await side.set('feature.txt', 'feature', info('feature'));
    await main.set('main.txt', 'main', info('main work'));
    const merge = await main.merge('side', info('merge side'));
    expect(text(await main.get('feature.txt'))).toBe('feature');
    await main.revert(merge, info('Revert merge'));
    expect(await main.get('feature.txt')).toBeUndefined();
    expect(text(await main.get('main.txt'))).toBe('main');
    await repo.close();
  });

  it('merges criss-cross histories against their merged bases', async () => {
    const { repo } = await open();
    const a = await repo.branch('a');
    await a.set('f.json', '{"x":0,"y":0}', info('root'));
    const b = await repo.branch('b');
    await b.merge('a', info('ff'));
    await a.set('f.json', '{"x":1,"y":0}', info('a: x=1'));
    await b.set('f.json', '{"x":0,"y":1}', info('b: y=1'));
    const aHead = await a.head();
    await a.merge('b', info('a merges b'));
    await b.merge(aHead as string, info('b merges old a'));
    await a.set('a.txt', 'a', info('a more'));
    await b.set('b.txt', 'b', info('b more'));
    await a.merge('b', info('final'));
    expect(json(await a.get('f.json'))).toEqual({ x: 1, y: 1 });
    expect(await a.list()).toEqual(['a.txt', 'b.txt', 'f.json']);
    await repo.close();
  });
});
