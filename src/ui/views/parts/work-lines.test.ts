import { describe, expect, it } from 'vitest';
import type { ActionRecord, WorkContextGroup } from '../../../model/index.ts';
import { lineIndexByKey, sliceLines, WINDOW, windowRange, workLines, type WindowSlice } from './work-lines.ts';

function action(id: string): ActionRecord {
  return { kind: 'action', id, name: id, state: 'next', created: '2026-01-01T00:00:00.000Z' } as ActionRecord;
}

/** Two contexts: A with projects P (3 actions) and Q (2), B with the "No project" group (4). */
function groups(): WorkContextGroup[] {
  const named = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => action(`${prefix}${i}`));
  return [
    {
      context: undefined,
      name: 'A',
      count: 5,
      projects: [
        { project: { kind: 'project', id: 'P', name: 'P', state: 'active' } as never, name: 'P', actions: named('p', 3) },
        { project: { kind: 'project', id: 'Q', name: 'Q', state: 'active' } as never, name: 'Q', actions: named('q', 2) },
      ],
    },
    { context: { kind: 'context', id: 'B', name: 'B' } as never, name: 'B', count: 4, projects: [{ project: undefined, name: 'No project', actions: named('n', 4) }] },
  ];
}

/** A slice in words: each drawn context and project with the ids of its drawn actions. */
function drawn(slice: WindowSlice): string[] {
  return slice.contexts.flatMap((context) => [context.group.name, ...context.projects.map((part) => `${part.project.name}:${part.project.actions.slice(part.from, part.to).map((each) => each.id).join(',')}`)]);
}

describe('the Work view as lines', () => {
  it('lists each heading before its actions, in the page’s order', () => {
    const lines = workLines(groups());
    expect(lines.map((line) => line.kind)).toEqual(['context', 'project', 'action', 'action', 'action', 'project', 'action', 'action', 'context', 'project', 'action', 'action', 'action', 'action']);
    const index = lineIndexByKey(groups(), lines);
    expect([index.get('q1'), index.get('context:B'), index.get('project::Q'), index.get('project:B:')]).toEqual([7, 8, 5, 9]);
  });

  it('draws the whole list as it is when the window holds every line', () => {
    const all = groups();
    const slice = sliceLines(all, workLines(all), 0, 100);
    expect(drawn(slice)).toEqual(['A', 'P:p0,p1,p2', 'Q:q0,q1', 'B', 'No project:n0,n1,n2,n3']);
    expect([slice.linesBefore, slice.linesAfter, slice.linesDrawn]).toEqual([0, 0, 14]);
  });

  it('repeats the headings of the groups a window begins in, and counts them out of the space above', () => {
    const all = groups();
    const slice = sliceLines(all, workLines(all), 3, 11);
    expect(drawn(slice)).toEqual(['A', 'P:p1,p2', 'Q:q0,q1', 'B', 'No project:n0']);
    // Lines 0-2 are above; A and P are drawn again, so one line of space stands for them.
    expect([slice.linesBefore, slice.linesAfter, slice.linesDrawn]).toEqual([1, 3, 10]);
    expect(slice.linesBefore + slice.linesDrawn + slice.linesAfter).toBe(14);
  });

  it('draws a heading at the window’s end without actions', () => {
    const all = groups();
    expect(drawn(sliceLines(all, workLines(all), 8, 10))).toEqual(['B', 'No project:']);
  });
});

describe('the window onto the lines', () => {
  const { stepLines, keepFocusedLines } = WINDOW;

  it('draws the lines within a screen of the screen, in whole steps', () => {
    // The list starts 2,000 px above the screen's top; lines of 40 px; a screen of 800 px.
    const { start, end } = windowRange(-2000, 800, 40, 10_000);
    expect(start % stepLines).toBe(0);
    expect(end % stepLines).toBe(0);
    expect(start).toBeLessThanOrEqual((2000 - 800) / 40);
    expect(end).toBeGreaterThanOrEqual((2000 + 1600) / 40);
    expect(end - start).toBeLessThan(3 * 20 + 2 * stepLines);
  });

  it('draws the first lines of a list below the screen and the last of one above it', () => {
    expect(windowRange(5000, 800, 40, 10_000)).toEqual({ start: 0, end: stepLines });
    expect(windowRange(-1_000_000, 800, 40, 10_000)).toEqual({ start: 10_000 - stepLines, end: 10_000 });
    expect(windowRange(0, 800, 40, 5)).toEqual({ start: 0, end: 5 });
  });

  it('keeps a focused line and its neighbours drawn while it is near, not when it is far', () => {
    const plain = windowRange(-40_000, 800, 40, 10_000);
    const near = windowRange(-40_000, 800, 40, 10_000, plain.start - 100);
    expect(near).toEqual({ start: plain.start - 100 - stepLines, end: plain.end });
    const below = windowRange(-40_000, 800, 40, 10_000, plain.end + 10);
    expect(below).toEqual({ start: plain.start, end: plain.end + 10 + stepLines + 1 });
    expect(windowRange(-40_000, 800, 40, 10_000, plain.start - keepFocusedLines - 1)).toEqual(plain);
  });
});
