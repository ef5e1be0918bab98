import { InvalidPathError } from './errors.ts';

/**
 * Splits a '/'-separated file path into its segments, refusing anything git or a checkout
 * would choke on: empty segments, `.`, `..`, `.git`, NUL bytes, leading or trailing slashes.
 */
export function parsePath(path: string): string[] {
  if (typeof path !== 'string' || path.length === 0) throw new InvalidPathError(String(path), 'the path is empty');
  return parseSegments(path);
}

/** Like {@link parsePath}, but '' names the root folder and gives no segments. */
export function parseDir(dir: string): string[] {
  return dir === '' ? [] : parseSegments(dir);
}

function parseSegments(path: string): string[] {
  if (path.includes('\0')) throw new InvalidPathError(path, 'it contains a NUL byte');
  if (path.startsWith('/')) throw new InvalidPathError(path, 'it starts with "/"');
  if (path.endsWith('/')) throw new InvalidPathError(path, 'it ends with "/"');
  const segments = path.split('/');
  for (const segment of segments) {
    if (segment === '') throw new InvalidPathError(path, 'it has an empty segment');
    if (segment === '.' || segment === '..') throw new InvalidPathError(path, `it has a "${segment}" segment`);
    if (segment.toLowerCase() === '.git') throw new InvalidPathError(path, 'it has a ".git" segment');
  }
  return segments;
}
