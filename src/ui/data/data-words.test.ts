import { describe, expect, it } from 'vitest';
import { bundleFileName, describeImport, formatSize } from './data-words.ts';

describe('bundleFileName', () => {
  it('names the export by the local date', () => {
    expect(bundleFileName(new Date(2026, 2, 4, 23, 59))).toBe('taskgit-2026-03-04.bundle');
  });
});

describe('formatSize', () => {
  it('says bytes, KB or MB', () => {
    expect(formatSize(1)).toBe('1 byte');
    expect(formatSize(812)).toBe('812 bytes');
    expect(formatSize(14_230)).toBe('14.2 KB');
    expect(formatSize(3_100_000)).toBe('3.1 MB');
  });
});

describe('describeImport', () => {
  const head = 'abcdef0123456789abcdef0123456789abcdef01';
  it('says what the import did', () => {
    expect(describeImport('t.bundle', { kind: 'imported', head, objects: 12 })).toBe('Imported “t.bundle”: this device now has its whole history (12 new git objects; latest commit abcdef0).');
    expect(describeImport('t.bundle', { kind: 'merged', head, objects: 1 })).toBe('Merged “t.bundle” into this device’s history (1 new git object).');
    expect(describeImport('t.bundle', { kind: 'merged', head, objects: 3, after: 'Repair links after merge (1 repair)' })).toContain('Then, in one more commit: Repair links after merge (1 repair).');
    expect(describeImport('t.bundle', { kind: 'up-to-date', head, objects: 0 })).toBe('Nothing new in “t.bundle”: this device already has all of its history.');
  });
});
