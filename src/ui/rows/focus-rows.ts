/**
 * Moving the keyboard focus along list rows: every element with `data-row-id` in the region
 * that holds the current row (the view, or the item panel), in document order. A row is
 * focused through its `[data-row-focus]` element (its name button).
 */

const ROW = '[data-row-id]';

function regionOf(row: Element): ParentNode {
  return row.closest('.item-panel, main, [role="dialog"]') ?? document;
}

/** The element that takes the focus for `row`. */
export function focusTargetOf(row: Element): HTMLElement | undefined {
  const target = row.querySelector<HTMLElement>('[data-row-focus]');
  return target ?? undefined;
}

/** Focuses the row `step` rows after (or before, negative) `row`; returns whether one was there. */
export function focusRowBeside(row: Element, step: number): boolean {
  const rows = [...regionOf(row).querySelectorAll(ROW)].filter((each) => focusTargetOf(each) !== undefined);
  const at = rows.indexOf(row);
  const next = rows[at + step];
  const target = next === undefined ? undefined : focusTargetOf(next);
  if (!target) return false;
  target.focus();
  target.scrollIntoView({ block: 'nearest' });
  return true;
}

/** Focuses the row of record `id` in `region` (after a change re-rendered it); returns whether it was there. */
export function focusRow(region: ParentNode, id: string): boolean {
  const row = region.querySelector(`[data-row-id="${CSS.escape(id)}"]`);
  const target = row ? focusTargetOf(row) : undefined;
  target?.focus();
  return target !== undefined;
}

/**
 * After a change to the row of record `id` lands, keeps the focus there: on the row itself
 * when it is still shown, else on the row that was after it (or before it, at the end), so a
 * keyboard can go on down a list whose rows leave it (an inbox being processed).
 */
export function keepFocusNear(row: Element, id: string, waitMs = 3000): void {
  const region = regionOf(row);
  const rows = [...region.querySelectorAll(ROW)];
  const at = rows.indexOf(row);
  const neighbours = [rows[at + 1], rows[at - 1]].map((each) => each?.getAttribute('data-row-id')).filter((each): each is string => Boolean(each));
  const started = performance.now();
  const watch = new MutationObserver(() => {
    if (row.isConnected) {
      if (performance.now() - started > waitMs) watch.disconnect();
      return;
    }
    watch.disconnect();
    if (focusRow(region, id)) return; // the same record, shown again (moved within the list)
    for (const neighbour of neighbours) if (focusRow(region, neighbour)) return;
  });
  watch.observe(region === document ? document.body : (region as Node), { childList: true, subtree: true });
  setTimeout(() => watch.disconnect(), waitMs);
}

/** Focuses the row of record `id` on the page, once the next frame has drawn it. */
export function focusRowSoon(id: string): void {
  requestAnimationFrame(() => focusRow(document, id));
}

/** Focuses the first row in `region` (the view); returns whether there was one. */
export function focusFirstRow(region: ParentNode | null): boolean {
  const row = region?.querySelector(ROW);
  const target = row ? focusTargetOf(row) : undefined;
  target?.focus();
  target?.scrollIntoView({ block: 'nearest' });
  return target !== undefined;
}
