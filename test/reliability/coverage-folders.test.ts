import { describe, expect, it } from 'vitest';
import { coverageByFolder, folderOf } from './coverage-folders.ts';

const lines = (covered: number, total: number) => ({ lines: { covered, total } });

describe('coverageByFolder', () => {
  it('sums lines per first folder of src/, ignoring the total and files outside src/', () => {
    const summary = {
      total: lines(1, 1000),
      '/repo/src/store/a.ts': lines(90, 100),
      '/repo/src/store/objects/b.ts': lines(80, 100),
      '/repo/src/sync/c.ts': lines(7, 8),
      '/repo/src/index.ts': lines(0, 0),
      '/repo/server/d.ts': lines(0, 50),
    };
    expect(coverageByFolder(summary, '/repo/')).toEqual([
      { folder: 'src', files: 1, covered: 0, total: 0, percent: 100 },
      { folder: 'src/store', files: 2, covered: 170, total: 200, percent: 85 },
      { folder: 'src/sync', files: 1, covered: 7, total: 8, percent: 87.5 },
    ]);
  });

  it('takes paths relative to the root, with or without its trailing slash', () => {
    expect(folderOf('/repo/src/sync/protocol/x.ts', '/repo')).toBe('src/sync');
    expect(folderOf('src/model/y.ts', '/elsewhere/')).toBe('src/model');
    expect(folderOf('/repo/test/z.ts', '/repo/')).toBeUndefined();
  });
});
