import { describe, expect, it } from 'vitest';
import { checklistItems, mergeChecklists, setChecklistItem, untickAll } from './checklist.ts';
import { WEEKLY_REVIEW_CHECKLIST } from './demo-data.ts';

const NOTES = `Steps:

- [ ] Empty the inbox
- [x] Review waiting
  * [ ] nested step
1. [X] numbered
> - [ ] quoted

\`\`\`
- [ ] not a box: code
\`\`\`
- [ ]
-  plain item [ ] not a box
`;

describe('checklists in notes', () => {
  it('finds the boxes in document order, skipping code', () => {
    expect(checklistItems(NOTES).map(({ checked, label }) => [label, checked])).toEqual([
      ['Empty the inbox', false],
      ['Review waiting', true],
      ['nested step', false],
      ['numbered', true],
      ['quoted', false],
      ['', false],
    ]);
    expect(checklistItems(WEEKLY_REVIEW_CHECKLIST)).toHaveLength(11);
  });

  it('ticks and unticks one box, leaving every other character', () => {
    const ticked = setChecklistItem(NOTES, 0, true) as string;
    expect(ticked.replace('- [x] Empty', '- [ ] Empty')).toBe(NOTES);
    expect(checklistItems(ticked)[0]?.checked).toBe(true);
    expect(setChecklistItem(NOTES, 3, false)).toContain('1. [ ] numbered');
    expect(setChecklistItem(NOTES, 6, true)).toBeUndefined();
    expect(checklistItems(untickAll(NOTES)).some((item) => item.checked)).toBe(false);
  });

  it('merges ticks made on two devices box by box, and declines other edits', () => {
    const base = untickAll(NOTES);
    const ours = setChecklistItem(base, 0, true) as string;
    const theirs = setChecklistItem(setChecklistItem(base, 2, true) as string, 3, true) as string;
    const merged = mergeChecklists(base, ours, theirs) as string;
    expect(checklistItems(merged).map((item) => item.checked)).toEqual([true, false, true, true, false, false]);
    expect(mergeChecklists(base, ours, `${theirs}\nmore`)).toBeUndefined();
  });
});
