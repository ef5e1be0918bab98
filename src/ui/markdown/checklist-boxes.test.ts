// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { checklistItems, WEEKLY_REVIEW_CHECKLIST } from '../../model/index.ts';
import { renderMarkdown } from './render-markdown.ts';

/** The boxes the rendered notes show, in order: checked or not. */
function renderedBoxes(markdown: string): boolean[] {
  const root = document.createElement('div');
  root.innerHTML = renderMarkdown(markdown);
  return [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((box) => box.checked);
}

describe('the boxes of rendered notes', () => {
  it('are the boxes the model counts, in the same order, so a click ticks the right step', () => {
    const notes = `${WEEKLY_REVIEW_CHECKLIST}\n\`\`\`\n- [ ] not a box\n\`\`\`\n\n1. [x] numbered\n   - [ ] nested\n`;
    expect(renderedBoxes(notes)).toEqual(checklistItems(notes).map((item) => item.checked));
    expect(renderedBoxes(notes)).toHaveLength(13);
  });
});
