import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent } from 'react';
import type { WorkContextGroup } from '../../../model/index.ts';
import type { ActionRowProps } from './action-row.tsx';
import { ContextGroup } from './context-group.tsx';
import { contextLineKey, lineIndexByKey, sliceLines, WINDOW, windowRange, workLines, type ContextSlice } from './work-lines.ts';

/** A Work view of at most this many lines (headings and actions) is drawn whole. */
export const WINDOWED_ABOVE_LINES = 300;

/** A line's height until the drawn lines have been measured, in px. */
const FIRST_GUESS_LINE_PX = 40;

/** The measured height of a line replaces the one in use when they differ by more than this share. */
const REMEASURE_SHARE = 0.05;

/**
 * The Work view's context groups. A long list (more than {@link WINDOWED_ABOVE_LINES} lines)
 * draws only the lines within a screen of the page's scroll position, with blank space of the
 * measured height for the rest, and follows the page as it scrolls (phones included): a cold
 * start at 100,000 items draws ~60 rows instead of ~19,000. The drawn part keeps the list's
 * shape (the headings of the groups it is in, rows that say "3 of 40" to screen readers), and
 * the row keys work as in a short list: the lines around the focused row stay drawn, so `j` and
 * `k` find their neighbour and scroll it into view, and the window follows; the list's first
 * lines stay drawn too, for the `j` that goes to the first row. `data-rows` holds how
 * many actions the whole list has.
 */
export function WorkGroups({ groups, ...rowProps }: ActionRowProps & { groups: WorkContextGroup[] }) {
  const lines = useMemo(() => workLines(groups), [groups]);
  const indexByKey = useMemo(() => lineIndexByKey(groups, lines), [groups, lines]);
  const windowed = lines.length > WINDOWED_ABOVE_LINES;
  const focusedKey = useRef<string | undefined>(undefined);
  const focusedLine = useCallback(() => (focusedKey.current === undefined ? undefined : indexByKey.get(focusedKey.current)), [indexByKey]);
  const { listRef, range, linePx, setLinePx, follow } = useLineWindow(lines.length, windowed, focusedLine);
  // The list's first lines are always drawn, so the `j` shortcut finds the list's first row.
  const start = range.start <= 2 * WINDOW.stepLines ? 0 : range.start;
  const head = start > 0 ? sliceLines(groups, lines, 0, WINDOW.stepLines) : undefined;
  const slice = sliceLines(groups, lines, start, range.end);
  const between = head ? Math.max(0, slice.linesBefore - WINDOW.stepLines) : slice.linesBefore;
  const linesDrawn = slice.linesDrawn + (head?.linesDrawn ?? 0);
  // The head's groups keep their keys when the window reaches them (no remount, so the focus
  // stays); a group drawn in both parts is keyed apart in the second.
  const headGroups = new Set(head?.contexts.map((context) => context.group));
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!windowed || !list || linesDrawn === 0) return;
    const drawn = list.querySelectorAll(':scope > .work-context');
    const [first, last] = [drawn[0], drawn[drawn.length - 1]];
    if (!first || !last) return;
    const gap = head ? (list.querySelector(':scope > .work-spacer.between')?.getBoundingClientRect().height ?? 0) : 0;
    const measured = (last.getBoundingClientRect().bottom - first.getBoundingClientRect().top - gap) / linesDrawn;
    if (measured > 0 && Math.abs(measured - linePx) / linePx > REMEASURE_SHARE) setLinePx(measured);
  });
  // A row the window redraws in another group's element loses the focus with its old element:
  // it gets it back. A focus the person moves elsewhere is let go.
  useLayoutEffect(() => {
    const key = focusedKey.current;
    const list = listRef.current;
    if (key === undefined || !list || (document.activeElement !== null && document.activeElement !== document.body)) return;
    list.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(key)}"] [data-row-focus]`)?.focus({ preventScroll: true });
  });
  const onFocus = (event: FocusEvent<HTMLDivElement>): void => {
    const target = event.target as Element;
    const line = target.closest('[data-row-id]')?.getAttribute('data-row-id') ?? target.closest('[data-work-line]')?.getAttribute('data-work-line');
    focusedKey.current = line ?? undefined;
    // Drawn around the new focus before the next key, not at the next frame's scroll event: keys
    // pressed faster than frames would otherwise walk off the drawn lines' end.
    if (windowed) follow();
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>): void => {
    const left = event.target;
    setTimeout(() => {
      if (left.isConnected && !listRef.current?.contains(document.activeElement)) focusedKey.current = undefined;
    });
  };
  const rows = groups.reduce((sum, group) => sum + group.count, 0);
  // One keyed array, so a group keeps its element when it moves from the head to the window.
  const spacer = (key: string, lines: number) => lines > 0 && <div key={key} className={`work-spacer ${key}`} aria-hidden="true" style={{ height: `${lines * linePx}px` }} />;
  const group = (context: ContextSlice, key: string) => <ContextGroup key={key} slice={context} {...rowProps} />;
  return (
    <div className="work-groups" ref={listRef} data-rows={rows} onFocus={onFocus} onBlur={onBlur}>
      {[
        ...(head?.contexts.map((context) => group(context, contextLineKey(context.group))) ?? []),
        spacer(head ? 'between' : 'before', between),
        ...slice.contexts.map((context) => group(context, `${headGroups.has(context.group) ? 'continued:' : ''}${contextLineKey(context.group)}`)),
        spacer('after', slice.linesAfter),
      ]}
    </div>
  );
}

/**
 * Which of `count` lines to draw (all of them unless `windowed`), following the page's scroll
 * and size; `focusedLine` tells which line holds the focus, kept drawn while near.
 */
function useLineWindow(count: number, windowed: boolean, focusedLine: () => number | undefined) {
  const listRef = useRef<HTMLDivElement>(null);
  const [linePx, setLinePx] = useState(FIRST_GUESS_LINE_PX);
  const [range, setRange] = useState(() => windowRange(0, window.innerHeight, FIRST_GUESS_LINE_PX, count));
  const follow = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const next = windowRange(list.getBoundingClientRect().top, window.innerHeight, linePx, count, focusedLine());
    setRange((last) => (last.start === next.start && last.end === next.end ? last : next));
  }, [count, linePx, focusedLine]);
  useLayoutEffect(() => {
    if (windowed) follow();
  }, [windowed, follow]);
  useEffect(() => {
    if (!windowed) return;
    window.addEventListener('scroll', follow, { passive: true });
    window.addEventListener('resize', follow);
    return () => {
      window.removeEventListener('scroll', follow);
      window.removeEventListener('resize', follow);
    };
  }, [windowed, follow]);
  return { listRef, linePx, setLinePx, follow, range: windowed ? range : { start: 0, end: count } };
}
