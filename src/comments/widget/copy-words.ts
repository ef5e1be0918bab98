// The Copy button of a set-aside comment's words: to the clipboard where the page may write it,
// else (a plain-HTTP page has no navigator.clipboard, or the browser said no) the words are
// selected, for the reader to copy as they copy anything.
import type { Strings } from '../strings/index.ts';
import { el } from './dom.ts';

/** A button that copies the text of `box`, and says whether it did or selected it instead. */
export function copyWordsButton(box: HTMLElement, strings: Strings): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'link', 'data-action': 'copy' }, strings.copyWords);
  button.addEventListener('click', () => {
    void copyText(box).then((copied) => (button.textContent = copied ? strings.copiedWords : strings.selectedWords));
  });
  return button;
}

async function copyText(box: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(box.textContent ?? '');
    return true;
  } catch {
    getSelection()?.selectAllChildren(box);
    return false;
  }
}
