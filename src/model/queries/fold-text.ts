/**
 * Text as search compares it: lowercase, without accents or other combining marks, so "cafe"
 * finds "Café" and "ÉTÉ" finds "été". Final sigma folds to sigma, so folding a whole text and
 * folding it character by character agree.
 */
export function foldText(text: string): string {
  return text.normalize('NFD').toLowerCase().normalize('NFD').replace(MARKS, '').replace(/ς/g, 'σ');
}

const MARKS = /\p{M}+/gu;

/** A folded text with, for each of its UTF-16 units, the index in the original it came from. */
export interface FoldedText {
  folded: string;
  origin: number[];
}

/** Folds `text` one character at a time, keeping where each folded unit came from. */
export function foldWithOrigin(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const piece = foldText(char);
    folded += piece;
    for (let i = 0; i < piece.length; i++) origin.push(index);
    index += char.length;
  }
  return { folded, origin };
}

/** The words of a search query, folded: split on white space, empty ones dropped. */
export function queryWords(query: string): string[] {
  return foldText(query).split(/\s+/u).filter((word) => word.length > 0);
}
