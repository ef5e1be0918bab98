import { foldWithOrigin } from './fold-text.ts';

/** Characters of context a snippet shows before the match. */
const BEFORE = 30;
/** Longest snippet, in characters, before the ellipses. */
const LENGTH = 90;

/**
 * A short piece of `text` around the first place any of the folded `words` occurs, white space
 * collapsed, with "…" where it was cut. `undefined` when no word occurs.
 *
 * @example
 * snippetAround('Long notes … the café on Main St …', ['cafe']); // '…notes … the café on Main St …'
 */
export function snippetAround(text: string, words: readonly string[]): string | undefined {
  const { folded, origin } = foldWithOrigin(text);
  let first = -1;
  for (const word of words) {
    const at = folded.indexOf(word);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  if (first < 0) return undefined;
  const matchStart = origin[first] as number;
  const chars = Array.from(text);
  // Index of the character (code point) the match starts in.
  let charIndex = 0;
  for (let units = 0; units < matchStart; charIndex++) units += (chars[charIndex] as string).length;
  const start = Math.max(0, charIndex - BEFORE);
  const end = Math.min(chars.length, start + LENGTH);
  const piece = chars.slice(start, end).join('').replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${piece}${end < chars.length ? '…' : ''}`;
}
