/**
 * Markdown task lists ("- [ ] step", "- [x] done step") inside a record's notes: the weekly
 * review's checklist, or any other. Boxes are counted in document order, as the notes render
 * them; lines inside fenced code blocks are not boxes.
 */

/** One box of a checklist. */
export interface ChecklistItem {
  /** Its position among the boxes, from 0. */
  index: number;
  checked: boolean;
  /** The words after the box. */
  label: string;
}

const BOX = /^(\s{0,3}(?:>\s?)*\s*(?:[-*+]|\d{1,9}[.)])\s+\[)([ xX])(\](?:\s|$))(.*)$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

interface BoxLine {
  line: number;
  checked: boolean;
  label: string;
}

function boxLines(lines: readonly string[]): BoxLine[] {
  const out: BoxLine[] = [];
  let fence: string | undefined;
  lines.forEach((text, line) => {
    const opening = FENCE.exec(text)?.[1];
    if (opening !== undefined && (fence === undefined || opening.startsWith(fence))) {
      fence = fence === undefined ? opening : undefined;
      return;
    }
    if (fence !== undefined) return;
    const match = BOX.exec(text);
    if (match) out.push({ line, checked: match[2] !== ' ', label: (match[4] ?? '').trim() });
  });
  return out;
}

/** The boxes of the checklists in `text`, in order. */
export function checklistItems(text: string): ChecklistItem[] {
  return boxLines(text.split('\n')).map(({ checked, label }, index) => ({ index, checked, label }));
}

/** `text` with box `index` ticked (or unticked); `undefined` when there is no such box. */
export function setChecklistItem(text: string, index: number, checked: boolean): string | undefined {
  const lines = text.split('\n');
  const box = boxLines(lines)[index];
  if (box === undefined) return undefined;
  lines[box.line] = (lines[box.line] as string).replace(BOX, (_, open: string, _mark: string, close: string, rest: string) => `${open}${checked ? 'x' : ' '}${close}${rest}`);
  return lines.join('\n');
}

/** `text` with every box unticked: a checklist ready for next time. */
export function untickAll(text: string): string {
  let out = text;
  for (const item of checklistItems(text)) if (item.checked) out = setChecklistItem(out, item.index, false) ?? out;
  return out;
}

/** `text` with every box's mark blanked: two texts with the same shape differ only in ticks. */
function shapeOf(text: string): string {
  return untickAll(text);
}

/**
 * Merges three versions of notes that differ only in which boxes are ticked: each box takes
 * the side that changed it (both can only change it the same way). `undefined` when the
 * texts differ in anything else, so the caller's rule for notes applies.
 */
export function mergeChecklists(base: string, ours: string, theirs: string): string | undefined {
  const shape = shapeOf(base);
  if (shapeOf(ours) !== shape || shapeOf(theirs) !== shape) return undefined;
  const [b, o, t] = [base, ours, theirs].map(checklistItems) as [ChecklistItem[], ChecklistItem[], ChecklistItem[]];
  let merged = base;
  b.forEach((item, i) => {
    const mine = o[i]?.checked ?? item.checked;
    const other = t[i]?.checked ?? item.checked;
    const checked = mine !== item.checked ? mine : other;
    if (checked !== item.checked) merged = setChecklistItem(merged, i, checked) ?? merged;
  });
  return merged;
}
