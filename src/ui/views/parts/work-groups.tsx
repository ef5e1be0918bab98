import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent } from 'react';
import type { WorkContextGroup } from '../../../model/index.ts';
import type { ActionRowProps } from './action-row.tsx';
import { ContextGroup } from './context-group.tsx';
import { contextLineKey, lineIndexByKey, sliceLines, windowRange, workLines } from './work-lines.ts';

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
 * `k` find their neighbour and scroll it into view, and the window follows. `data-rows` holds how
 * many actions the whole list has.
 */
export function WorkGroups({ groups, ...rowProps }: ActionRowProps & { groups: WorkContextGroup[] }) {
  const lines = useMemo(() => workLines(groups), [groups]);
  const indexByKey = useMemo(() => lineIndexByKey(groups, lines), [groups, lines]);
  const windowed = lines.length > WINDOWED_ABOVE_LINES;
  const focusedKey = useRef<string | undefined>(undefined);
  const focusedLine = useCallback(() => (focusedKey.current === undefined ? undefined : indexByKey.get(focusedKey.current)), [indexByKey]);
  const { listRef, range, linePx, setLinePx } = useLineWindow(lines.length, windowed, focusedLine);
  const slice = sliceLines(groups, lines, range.start, range.end);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!windowed || !list || slice.linesDrawn === 0) return;
    const drawn = list.querySelectorAll(':scope > .work-context');
    const [first, last] = [drawn[0], drawn[drawn.length - 1]];
    if (!first || !last) return;
    const measured = (last.getBoundingClientRect().bottom - first.getBoundingClientRect().top) / slice.linesDrawn;
    if (measured > 0 && Math.abs(measured - linePx) / linePx > REMEASURE_SHARE) setLinePx(measured);
  });
  const onFocus = (event: FocusEvent<HTMLDivElement>): void => {
    const target = event.target as Element;
    const line = target.closest('[data-row-id]')?.getAttribute('data-row-id') ?? target.closest('[data-work-line]')?.getAttribute('data-work-line');
    focusedKey.current = line ?? undefined;
  };
  const rows = groups.reduce((sum, group) => sum + group.count, 0);
  return (
    <div className="work-groups" ref={listRef} data-rows={rows} onFocus={onFocus}>
      {slice.linesBefore > 0 && <div className="work-spacer" aria-hidden="true" style={{ height: `${slice.linesBefore * linePx}px` }} />}
      {slice.contexts.map((context) => (
        <ContextGroup key={contextLineKey(context.group)} slice={context} {...rowProps} />
      ))}
      {slice.linesAfter > 0 && <div className="work-spacer" aria-hidden="true" style={{ height: `${slice.linesAfter * linePx}px` }} />}
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
  return { listRef, linePx, setLinePx, range: windowed ? range : { start: 0, end: count } };
}
