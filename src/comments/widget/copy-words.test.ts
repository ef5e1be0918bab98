// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { en } from '../strings/index.ts';
import { copyWordsButton } from './copy-words.ts';

describe('the Copy button of set-aside words', () => {
  it('selects the words where the page may not write the clipboard (plain HTTP has no navigator.clipboard)', async () => {
    expect(navigator.clipboard).toBeUndefined();
    const box = document.createElement('div');
    box.textContent = 'Words an older widget left,\nkept for their writer.';
    const button = copyWordsButton(box, en);
    document.body.append(box, button);
    expect(button.textContent).toBe(en.copyWords);
    button.click();
    await expect.poll(() => button.textContent).toBe(en.selectedWords);
    expect(getSelection()?.toString()).toBe(box.textContent);
  });
});
