import { describe, expect, it } from 'vitest';
import { InvalidPathError } from './errors.ts';
import { parseDir, parsePath } from './path.ts';

describe('parsePath', () => {
  it('splits good paths', () => {
    expect(parsePath('items/3f/abc.json')).toEqual(['items', '3f', 'abc.json']);
    expect(parsePath('ünï cødé/ok')).toEqual(['ünï cødé', 'ok']);
    expect(parseDir('')).toEqual([]);
  });

  it.each([
    ['', 'empty'],
    ['/a', 'starts with'],
    ['a/', 'ends with'],
    ['a//b', 'empty segment'],
    ['a/../b', '".."'],
    ['./a', '"."'],
    ['a/.git/config', '".git"'],
    ['a\0b', 'NUL'],
  ])('refuses %j, naming the problem', (path, reason) => {
    expect(() => parsePath(path)).toThrow(InvalidPathError);
    expect(() => parsePath(path)).toThrow(reason);
  });
});
