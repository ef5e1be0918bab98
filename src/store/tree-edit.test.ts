import { describe, expect, it } from 'vitest';
import { createMemoryBackend } from './backend/index.ts';
import { openRepo } from './repo.ts';

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

// Large folders find names through an index that passes from a tree to the next version when
// only ids changed; adds, removals and a file becoming a folder make a new one.
describe('editing a large folder again and again', () => {
  it('reads back every file as a plain map of the same changes says', async () => {
    const repo = await openRepo({ name: 'large-folder', backend: createMemoryBackend() });
    const branch = await repo.branch();
    const expected = new Map<string, string>();
    const set = async (path: string, value: string): Promise<void> => {
      await branch.set(path, value, { message: `Set ${path}` });
      expected.set(path, value);
    };
    await branch.transaction(
      (tx) => {
        for (let i = 0; i < 40; i++) tx.set(`items/f${String(i).padStart(2, '0')}.json`, `first ${i}`);
      },
      { message: 'Add 40 files' },
    );
    for (let i = 0; i < 40; i++) expected.set(`items/f${String(i).padStart(2, '0')}.json`, `first ${i}`);
    for (const [step, i] of [3, 17, 3, 39, 0, 17].entries()) await set(`items/f${String(i).padStart(2, '0')}.json`, `step ${step}`);
    await set('items/f20.5.json', 'added between f20 and f21');
    await set('items/f21.json', 'after the add');
    await branch.remove('items/f05.json', { message: 'Remove f05' });
    expected.delete('items/f05.json');
    await set('items/f06.json', 'after the removal');
    await branch.remove('items/f07.json', { message: 'Remove f07' });
    expected.delete('items/f07.json');
    await set('items/f07.json/inside.json', 'a folder where a file was');
    await set('items/f08.json', 'after the folder');
    const files = await branch.getAll('items');
    expect(new Map([...files].map(([path, bytes]) => [path, text(bytes)]))).toEqual(expected);
    await repo.close();
  });
});
